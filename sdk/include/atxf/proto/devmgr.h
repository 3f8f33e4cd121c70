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

_Static_assert(sizeof(struct devmgr_device) <= ATXF_MSG_DATA_MAX, "fits a message");
_Static_assert(sizeof(struct devmgr_driver) <= ATXF_MSG_DATA_MAX, "fits a message");

#endif
