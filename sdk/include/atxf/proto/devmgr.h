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
 *   ADD_CHILD    data: u32 parent node (DEVMGR_NODE_SELF: the caller's own),
 *                then properties "key=value\0key=value\0..."; caps[0] (optional)
 *                a send right to the port the caller offers its children.
 *                reply: u32, the new node's id. From a running driver only,
 *                and only under its own node (-ATXF_EPERM otherwise); the
 *                properties must name the child (name=...), and its path
 *                PARENT/NAME must fit DEVMGR_NAME_MAX (-ATXF_EINVAL).
 *   REMOVE_CHILD data: u32 node  reply: none; removes a node the caller added
 *                and its subtree, stopping their drivers children first
 *                (-ATXF_EPERM for anyone else's, -ATXF_ENOENT for no node)
 *   STATS   data: none           reply: struct devmgr_stats
 *   PROPERTY data: u32 node, u32 i  reply: property i of the node, "key=value\0"
 *                (-ATXF_ENOENT past the last, or for no such node)
 * Instance names are "DRIVER.DEVICE" in lower case with ':' as '-'
 * ("uart16550.com1", "virtio-rng.00-04.0"), NUL-terminated, at most
 * DEVMGR_NAME_MAX bytes with the NUL. DEVICE and DRIVER count the nodes and
 * instances that exist now: an index moves down when an earlier one goes,
 * while a node's id never changes and is never reused.
 */
#ifndef ATXF_PROTO_DEVMGR_H
#define ATXF_PROTO_DEVMGR_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/manifest.h>
#include <atxf/name.h>

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
#define DEVMGR_ADD_CHILD      DEVMGR_REQ(9)
#define DEVMGR_REMOVE_CHILD   DEVMGR_REQ(10)
#define DEVMGR_STATS          DEVMGR_REQ(11)
#define DEVMGR_PROPERTY       DEVMGR_REQ(12)
#define DEVMGR_DRIVER_WAIT    DEVMGR_REQ(13)
#define DEVMGR_NAME_MAX       ATXF_NAME_MAX  /* device and instance names, with the NUL */
#define DEVMGR_NODE_SELF      0xffffffffu    /* ADD_CHILD: under the caller's own node */
#define DEVMGR_NODE_NONE      0u             /* a root node's parent */

/* Device buses (struct devmgr_device's bus, the property bus=...). */
enum devmgr_bus {
	DEVMGR_BUS_LEGACY = 1,
	DEVMGR_BUS_PCI = 2,
	DEVMGR_BUS_CHILD = 3,   /* added by a driver under its own node */
};

/* DEVICE's reply: one node of the device tree. */
struct devmgr_device {
	char name[DEVMGR_NAME_MAX]; /* "00:04.0", "i8042", "COM1"; a child's path
				     * "00:04.0/usb1-2.3.1:1.0" */
	uint8_t bus;            /* enum devmgr_bus */
	uint8_t present;        /* legacy: answered the probe */
	uint16_t vendor, device;    /* PCI only */
	uint8_t class_code, subclass, prog_if;
	uint8_t reserved;
	uint32_t node;          /* its id: never reused */
	uint32_t parent;        /* its parent's id, DEVMGR_NODE_NONE for a root */
};

/* DRIVER's reply: one driver instance. */
struct devmgr_driver {
	char instance[DEVMGR_NAME_MAX];     /* "DRIVER.DEVICE" */
	uint16_t device;        /* DEVICE index of its device; 0xffff once it is gone */
	uint8_t state;          /* 1 starting, 2 running, 3 restarting, 4 stopped, 5 failed,
				 * 6 gone (its node was removed) */
	uint8_t device_class;   /* the manifest's ATXF_CLASS_* */
	uint32_t pid;           /* 0 while not running */
	uint32_t generation;
	uint32_t restarts;
	uint8_t driver_len;     /* the driver's (manifest's) name is instance[0..driver_len) */
	uint8_t reserved[3];
};

/* The driver's name from a DRIVER reply, NUL-terminated in out. */
static inline void devmgr_driver_name(const struct devmgr_driver *d, char *out,
				      unsigned long size)
{
	unsigned long n = d->driver_len < DEVMGR_NAME_MAX ? d->driver_len : 0;

	if (!size)
		return;
	if (n >= size)
		n = size - 1;
	for (unsigned long i = 0; i < n; i++)
		out[i] = d->instance[i];
	out[n] = '\0';
}

/* STATS' reply: what devmgr holds, to check that hot-plug leaks nothing. */
struct devmgr_stats {
	uint32_t nodes;         /* device-tree nodes */
	uint32_t instances;     /* driver instances, whatever their state */
	uint32_t handles;       /* capabilities in devmgr's own table */
	uint32_t watchers;      /* event-stream watchers */
	uint32_t next_node;     /* the id the next node gets */
	uint32_t reserved;
};

/*
 * DRIVER_WAIT: data = u64 wait_ns, then a driver's manifest name (1 ..
 * ATXF_MANIFEST_NAME_MAX - 1 bytes, no NUL). The reply (struct
 * devmgr_driver) is the first running instance of that driver: at once,
 * or the moment one says HELLO. -ATXF_ENOENT when none ran within wait_ns
 * (at most DEVMGR_DRIVER_WAIT_MAX_NS: ask again to wait longer), -ATXF_EAGAIN
 * while DEVMGR_DRIVER_WAITERS requests wait already, -ATXF_EINVAL for a
 * malformed one. devmgr holds the request meanwhile: nobody polls.
 */
#define DEVMGR_DRIVER_WAIT_MAX_NS  10000000000ull
#define DEVMGR_DRIVER_WAITERS      16
#define DEVMGR_DRIVER_WAIT_HEADER  8

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
	DEVMGR_EV_DEVICE_ADDED = 1,     /* node, and its DEVICE index */
	DEVMGR_EV_DEVICE_REMOVED = 2,   /* node (device: the index it had) */
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
	uint32_t node;          /* DEVICE_*: the node's id; DRIVER: its device's */
	char instance[DEVMGR_NAME_MAX];     /* DRIVER: the instance name; DEVICE_*: the
					     * node's name */
};

_Static_assert(sizeof(struct devmgr_event) <= ATXF_MSG_DATA_MAX, "fits a message");
_Static_assert(sizeof(struct devmgr_device) <= ATXF_MSG_DATA_MAX, "fits a message");
_Static_assert(sizeof(struct devmgr_driver) <= ATXF_MSG_DATA_MAX, "fits a message");
_Static_assert(sizeof(struct devmgr_stats) <= ATXF_MSG_DATA_MAX, "fits a message");

#endif
