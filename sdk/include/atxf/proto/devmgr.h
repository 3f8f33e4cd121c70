/*
 * The devmgr protocol: clients (the shell's `devices`, `drivers`,
 * `restart DRIVER`) -> devmgr, on the port devmgr registers as "devmgr"
 * with the name service. Every request is a SYS_IPC_CALL; the reply's type
 * is the status (0 or -ATXF_E*).
 *
 * Its protocol number is ATXF_PROTO_DEVMGR (<atxf/ipc.h>).
 *
 *   DEVICE  data: u32 index      reply: struct devmgr_device   (-ATXF_ENOENT past the end)
 *   DRIVER  data: u32 index      reply: struct devmgr_driver   (-ATXF_ENOENT past the end)
 *   START   data: instance name  reply: none; starts a stopped or failed instance
 *   STOP    data: instance name  reply: none; STOP to the driver (kill if it does
 *                                not answer), and no restart
 *   RESTART data: instance name  reply: none; ends it and starts the next
 *                                generation at once, without backoff
 *   KILL    data: u32 pid        reply: none; kills that driver process as a
 *                                crash would end it (status 128 + 9): logged,
 *                                restarted with the usual backoff. -ATXF_ENOENT
 *                                if pid is not a running driver devmgr started
 * Instance names are "DRIVER.DEVICE" in lower case with ':' as '-'
 * ("uart16550.com1", "virtio-rng.00-04.0"), NUL-terminated, at most
 * DEVMGR_NAME_MAX bytes with the NUL.
 */
#ifndef ATXF_PROTO_DEVMGR_H
#define ATXF_PROTO_DEVMGR_H

#include <stdint.h>
#include <atxf/ipc.h>

#define DEVMGR_PROTO          ATXF_PROTO_DEVMGR
#define DEVMGR_REQ(n)         ((uint32_t)DEVMGR_PROTO << ATXF_PROTO_SHIFT | (n))
#define DEVMGR_DEVICE         DEVMGR_REQ(1)
#define DEVMGR_DRIVER         DEVMGR_REQ(2)
#define DEVMGR_START          DEVMGR_REQ(3)
#define DEVMGR_STOP           DEVMGR_REQ(4)
#define DEVMGR_RESTART        DEVMGR_REQ(5)
#define DEVMGR_KILL           DEVMGR_REQ(6)
#define DEVMGR_WATCH          DEVMGR_REQ(7)
#define DEVMGR_EVENT          DEVMGR_REQ(8)
#define DEVMGR_NAME_MAX       32

/* DEVICE's reply. */
struct devmgr_device {
	char name[16];          /* "00:04.0", "i8042", "COM1" */
	uint8_t bus;            /* 1 legacy, 2 PCI */
	uint8_t present;        /* legacy: answered the probe */
	uint16_t vendor, device;    /* PCI only */
	uint8_t class_code, subclass, prog_if;
	uint8_t reserved;
};

/* DRIVER's reply: one driver instance. */
struct devmgr_driver {
	char driver[32];        /* the manifest's name */
	char instance[DEVMGR_NAME_MAX];
	uint16_t device;        /* DEVICE index of its device */
	uint8_t state;          /* 1 starting, 2 running, 3 restarting, 4 stopped, 5 failed */
	uint8_t device_class;   /* the manifest's ATXF_CLASS_* */
	uint32_t pid;           /* 0 while not running */
	uint32_t generation;
	uint32_t restarts;
};

/*
 * The event stream. devmgr numbers every change it makes from 0 on: a
 * device appears or goes, a driver instance changes state or generation.
 * It keeps the last DEVMGR_EVENTS_KEPT.
 *   WATCH: caps[0] a send right to the watcher's port, data a u64 of
 *          notification bits: devmgr notifies them on that port after each
 *          new event (at most DEVMGR_WATCHERS_MAX watchers; a dead port is
 *          forgotten). The reply's data: u32, the next event's number.
 *   EVENT: data u32 n: the reply is event n (struct devmgr_event);
 *          -ATXF_EAGAIN while n has not happened, -ATXF_ESTALE once it is
 *          older than the events kept (its data: u32, the oldest kept;
 *          what came before is lost: look at DEVICE and DRIVER again).
 * A watcher reads from its next number until EAGAIN after each notice.
 */
#define DEVMGR_EVENTS_KEPT    64
#define DEVMGR_WATCHERS_MAX   8

enum devmgr_event_kind {
	DEVMGR_EV_DEVICE_ADDED = 1,     /* device: its DEVICE index */
	DEVMGR_EV_DEVICE_REMOVED = 2,
	DEVMGR_EV_DRIVER = 3,           /* an instance's state, pid or generation changed */
};

struct devmgr_event {
	uint32_t seq;
	uint8_t kind;           /* enum devmgr_event_kind */
	uint8_t state;          /* DRIVER: as in struct devmgr_driver */
	uint16_t device;        /* DEVICE index */
	uint32_t driver;        /* DRIVER: its DRIVER index */
	uint32_t pid;           /* DRIVER: 0 while not running */
	uint32_t generation;
	char instance[DEVMGR_NAME_MAX];     /* DRIVER: the instance name */
};

_Static_assert(sizeof(struct devmgr_event) <= ATXF_MSG_DATA_MAX, "fits a message");
_Static_assert(sizeof(struct devmgr_device) <= ATXF_MSG_DATA_MAX, "fits a message");
_Static_assert(sizeof(struct devmgr_driver) <= ATXF_MSG_DATA_MAX, "fits a message");

#endif
