/*
 * The driver protocol: devmgr <-> every driver (ATXF_PROTO_DRIVER).
 * The driver framework speaks it for the driver; docs/protocols.md §2.
 *
 * Start. devmgr spawns a driver with argv[1] = its instance name
 * ("uart16550.com1": DRIVER.DEVICE) and argv[2] = its generation in decimal
 * (0 at first start, +1 for every restart), handle ATXF_HANDLE_PARENT = a
 * send right to devmgr's port and the granted resources from
 * ATXF_HANDLE_FIRST_EXTRA on, in manifest order.
 *
 * HELLO. After probe, the driver calls devmgr with HELLO: its name, class,
 * instance, generation and probe status, caps[0] = a send right to its
 * service port. devmgr replies 0 to accept; any other status tells the
 * driver to exit with it (for one, a HELLO whose generation is not the one
 * devmgr started). The reply's sender is devmgr's pid: from then on the
 * driver honours STOP only from that process. A driver whose probe failed
 * says HELLO with the error, then exits with it, so devmgr can log the
 * reason rather than a bare status. Once it has answered a serving HELLO,
 * devmgr registers the instance name ("DRIVER.DEVICE") with the name
 * service for the driver's pid and that service port: only devmgr may
 * register such names (<atxf/proto/name.h>). A driver started by hand,
 * with an instance name without a dot, registers it itself before HELLO.
 *
 * Restart. devmgr restarts a driver that crashed, exited or failed PING by
 * spawning it again with generation + 1. devmgr withdraws the old process's
 * name when it ends and registers it for the new one after its HELLO, so
 * meanwhile a lookup waits. Clients whose calls fail with -ATXF_EPEER look
 * the name up again, re-attach their buffers and re-subscribe; PING tells
 * them which generation they are talking to.
 *
 * PING. Anyone may ask; the reply is the driver's state and counters.
 * A driver inside a long request (waiting for its device) still answers.
 *
 * Heartbeat. devmgr sends each running driver a PING as a plain message
 * (no reply token: devmgr never waits on a driver) every
 * ATXF_DRIVER_HEARTBEAT_NS; the framework answers devmgr's with ALIVE, the
 * same status, sent to its handle ATXF_HANDLE_PARENT. A driver that leaves
 * ATXF_DRIVER_HEARTBEAT_MISSES pings in a row unanswered is killed and
 * restarted like one that crashed: one that hangs is noticed within
 * (MISSES + 1) * HEARTBEAT_NS, 2 s, of its last answer.
 *
 * STOP. From devmgr only (-ATXF_EPERM otherwise). The framework calls the
 * driver's .remove, replies 0, and the process exits with status 0.
 */
#ifndef ATXF_PROTO_DRIVER_H
#define ATXF_PROTO_DRIVER_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/manifest.h>
#include <atxf/name.h>
#include <atxf/proto/common.h>

/* Where devmgr puts the instance name and generation in a driver's argv. */
#define ATXF_DRIVER_ARG_INSTANCE   1
#define ATXF_DRIVER_ARG_GENERATION 2

/* The heartbeat (above): a PING every 500 ms; 3 unanswered in a row end the driver. */
#define ATXF_DRIVER_HEARTBEAT_NS     500000000ull
#define ATXF_DRIVER_HEARTBEAT_MISSES 3

/* How long a driver waits for devmgr to answer HELLO. */
#define ATXF_DRIVER_HELLO_TIMEOUT_NS 1000000000ull

#define ATXF_DRIVER_INSTANCE_MAX ATXF_NAME_MAX  /* including the NUL */

/* HELLO: driver -> devmgr, caps[0] = send right to the driver's service
 * port. devmgr knows the driver's name from the pid it started. */
struct atxf_driver_hello {
	char instance[ATXF_DRIVER_INSTANCE_MAX];    /* its name-service name, argv[1] */
	uint16_t device_class;      /* enum atxf_device_class */
	uint16_t reserved;
	int32_t status;             /* 0: serving; < 0: probe failed with it, exiting */
	uint32_t generation;        /* from argv[2]; 0 at first start */
	uint32_t pid;               /* the driver's own pid, for devmgr's logs */
};

/* What a driver is doing, in PING's reply. */
enum atxf_driver_state {
	ATXF_DRIVER_STARTING = 1,   /* probing; not yet serving */
	ATXF_DRIVER_RUNNING = 2,    /* serving requests */
	ATXF_DRIVER_WAITING = 3,    /* inside a request, waiting for its device */
	ATXF_DRIVER_STOPPING = 4,   /* STOP received; about to exit */
};

/* PING's reply. Counters count from the process's start. */
struct atxf_driver_status {
	uint32_t state;             /* enum atxf_driver_state */
	uint32_t generation;
	uint16_t device_class;
	uint16_t subscribers;       /* ports receiving this device's events */
	uint32_t queued;            /* requests waiting behind a long one */
	uint64_t requests;          /* requests answered, PINGs included */
	uint64_t errors;            /* of which answered with an error */
	uint64_t irqs;              /* interrupts handled */
	uint64_t events;            /* events delivered to subscribers */
	uint64_t dropped;           /* events lost to full subscriber queues */
};

/* X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h. */
#define ATXF_DRIVER_PROTOCOL(X)                                                \
	X(DRIVER, HELLO, 1, ATXF_FROM_DRIVER, sizeof(struct atxf_driver_hello), \
	  sizeof(struct atxf_driver_hello), 1, 0)                               \
	X(DRIVER, PING, 2, ATXF_TO_DRIVER, 0, 0, 0, sizeof(struct atxf_driver_status)) \
	X(DRIVER, STOP, 3, ATXF_TO_DRIVER, 0, 0, 0, 0)                          \
	X(DRIVER, ALIVE, 4, ATXF_FROM_DRIVER, sizeof(struct atxf_driver_status), \
	  sizeof(struct atxf_driver_status), 0, 0)

enum { ATXF_DRIVER_PROTOCOL(ATXF_PROTO_CODE_) };

_Static_assert(sizeof(struct atxf_driver_hello) == 80, "HELLO layout");
_Static_assert(sizeof(struct atxf_driver_status) == 56, "PING reply layout");
_Static_assert(sizeof(struct atxf_driver_hello) <= ATXF_MSG_DATA_MAX, "HELLO fits a message");
_Static_assert(sizeof(struct atxf_driver_status) <= ATXF_MSG_DATA_MAX, "PING reply fits");

#endif
