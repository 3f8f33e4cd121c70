/*
 * A connection to a driver that survives the driver's restart: the core of
 * the class client libraries (<atxf/client/block.h>, char.h, input.h,
 * net.h, display.h, rng.h). docs/protocols.md §11 says what each class
 * keeps and loses across a restart.
 *
 * A connection holds the driver's instance name and a send handle to the
 * port of its current generation. When a call finds that port dead
 * (-ATXF_EPEER: the driver ended, devmgr is restarting it), the connection
 * looks the name up again, waiting up to restart_ns for the next
 * generation (the name service's LOOKUP_WAIT: devmgr registers the name
 * only once the new driver said HELLO), lets the class replay what the old
 * generation held (its buffer, its subscription) and sends the request
 * again. A client that only waits for events learns of the death through
 * a notice on its own port (SYS_PORT_WATCH) and calls atxf_conn_noticed.
 *
 * If no generation came back within restart_ns (the driver was given up
 * on, stopped or removed), or the class finds the new generation is a
 * different device, the connection is stale for good: every call returns
 * -ATXF_ESTALE from then on. Reopen to try again.
 */
#ifndef ATXF_CLIENT_CONN_H
#define ATXF_CLIENT_CONN_H

#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/errors.h>
#include <atxf/ipc.h>
#include <atxf/name.h>

/*
 * The default restart window. devmgr restarts a crashed driver after a
 * backoff of at most 1.6 s (docs/devmgr.md), and the new generation needs
 * time to probe and say HELLO on a loaded machine: 5 s covers both.
 */
#define ATXF_CLIENT_RESTART_NS 5000000000ull

struct atxf_conn;

/*
 * What the class does on a new generation's port: attach its buffer,
 * subscribe again, check the device is the same one. 0, or a negative
 * ATXF_E* code: -ATXF_EPEER (that generation died too) makes the
 * connection wait for the next one; any other makes it stale.
 */
typedef int (*atxf_conn_replay_fn)(struct atxf_conn *c);

struct atxf_conn {
	char name[ATXF_NAME_MAX];       /* the instance name, "DRIVER.DEVICE" */
	atxf_handle_t port;             /* the current generation's port; NONE while gone */
	uint64_t port_id;               /* its kernel id, to tell generations apart */
	uint64_t restart_ns;            /* how long a restart may take */
	atxf_conn_replay_fn replay;     /* the class's part; NULL: nothing to replay */
	atxf_handle_t notice_port;      /* the client's port for death notices; NONE: none */
	uint64_t notice_bits;           /* the notification bits for them */
	uint32_t reconnects;            /* generations reached after the first */
	uint32_t resubmits;             /* requests sent again after a restart */
	int stale;                      /* 0, or the code every call returns now */
};

/*
 * Opens a connection: name is an instance name ("uart16550.com1", with a
 * '.'), the name of a device a driver added that is registered now
 * ("nvme-00-14-0-ns2": open its driver's instance first to be sure it is),
 * or a driver's manifest name ("uart16550"), whose first running instance
 * devmgr names. Waits up to timeout_ns for it. 0, or
 * -ATXF_EINVAL (no name), -ATXF_ENOENT (none by then), the lookup's error.
 */
int atxf_conn_open(struct atxf_conn *c, const char *name, uint64_t timeout_ns);

/* Drops the handle; a closed connection is stale (-ATXF_ESTALE). */
void atxf_conn_close(struct atxf_conn *c);

/*
 * atxf_call on the driver, surviving its restarts: a request the old
 * generation did not answer is sent again to the next one (so it must be
 * one that may be served twice). Returns the reply's status, or
 * -ATXF_ESTALE.
 */
int atxf_conn_call(struct atxf_conn *c, const struct atxf_msg *req, struct atxf_msg *reply,
		   uint64_t timeout_ns);

/*
 * Waits for the next generation now (the current port is dead) and
 * replays: 0, or -ATXF_ESTALE once restart_ns passed without one.
 */
int atxf_conn_reconnect(struct atxf_conn *c);

/*
 * Asks for death notices: bits are notified on port (the client's own
 * receive port) when the driver's current generation ends, and again for
 * every later generation. 0 or the watch's error.
 */
int atxf_conn_watch(struct atxf_conn *c, atxf_handle_t port, uint64_t bits);

/*
 * For a client's event loop, with the bits of a notification it received:
 * if they hold the death-notice bits and the driver's port did change, it
 * reconnects (and the class replays). 1 when it reconnected, 0 when there
 * was nothing to do (no notice, or one from a generation already left
 * behind), -ATXF_ESTALE when the driver did not come back.
 */
int atxf_conn_noticed(struct atxf_conn *c, uint64_t bits);

#endif
