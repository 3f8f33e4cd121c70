/*
 * IPC doubles for the driver framework's host tests. libatxf-fake plays the
 * hardware and the capability table; it has no ports, so these play the
 * kernel's side of <atxf/port.h> (and the name service and start info the
 * loop uses): a scripted inbox for atxf_recv, a log of everything sent,
 * replied and called, shared-memory handles backed by host memory.
 *
 * Every handle they make is a real entry of the fake capability table, so
 * atxf_cap_query, derive and drop behave as the framework expects, and a
 * test can see which capabilities the framework kept and which it dropped.
 */
#ifndef TEST_DRIVER_PORTS_H
#define TEST_DRIVER_PORTS_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/proc.h>

#define TPORT_LOG_MAX 64

/* One message the framework sent (atxf_send), replied or called with. */
struct tport_sent {
	atxf_handle_t port;         /* destination; for a reply, the request's token */
	unsigned flags;
	struct atxf_msg msg;
};

struct tport {
	/* The inbox atxf_recv takes from, in order. */
	struct atxf_msg inbox[TPORT_LOG_MAX];
	unsigned in_head, in_count;
	/* Runs at the start of every atxf_recv: the test's device may act. */
	void (*on_recv)(void *ctx);
	void *ctx;
	/* What atxf_recv returns once the inbox is empty (after on_recv). */
	int empty_err;
	uint64_t last_timeout;      /* the timeout of the last atxf_recv */
	unsigned recvs;

	struct tport_sent sent[TPORT_LOG_MAX];      /* atxf_send */
	unsigned nsent;
	struct tport_sent replies[TPORT_LOG_MAX];   /* atxf_reply */
	unsigned nreplies;
	struct tport_sent calls[TPORT_LOG_MAX];     /* atxf_call */
	unsigned ncalls;

	/* Answers to atxf_call: its status and the sender filled in (0: no answer). */
	int call_status;
	uint32_t call_sender;
	int call_err;               /* nonzero: the call itself fails with it */

	/* atxf_send and atxf_notify to this port fail with port_err. */
	atxf_handle_t bad_port;
	int port_err;

	char registered[32];        /* the last name registered */
	int register_err;
	char unregistered[32];


	/* atxf_port_watch: which handle, and the bits it would notify. */
	struct { atxf_handle_t watched; uint64_t bits; } watches[TPORT_LOG_MAX];
	unsigned nwatches;
	/* atxf_notify with bits != 0, in order. */
	struct { atxf_handle_t port; uint64_t bits; } notifies[TPORT_LOG_MAX];
	unsigned nnotifies;
	/* A port whose receiver is gone: notify and send fail with -ATXF_EPEER. */
	atxf_handle_t dead_port;
	/* atxf_call_watch's bits; the tokens whose callers gave up (probe: ENOENT). */
	uint64_t call_watch_bits;
	uint64_t gone_tokens[8];
	unsigned ngone;
};

extern struct tport tport;

/* Forget everything (and the fake hardware: atxf_fake_reset()). */
void tport_reset(void);

/* Queues a message for atxf_recv. */
void tport_push(const struct atxf_msg *msg);
/* Queues a request of type from pid with len bytes of data; a call when token != 0. */
struct atxf_msg *tport_push_request(uint32_t type, uint32_t pid, const void *data,
				    uint32_t len, uint64_t token);
/* Queues a notification carrying bits. */
void tport_push_notify(uint64_t bits);

/* A send right to a port of the test's, as a client would pass in caps[]. */
atxf_handle_t tport_client_port(void);
/* A shared-memory handle over size bytes of zeroed host memory (*mem). */
atxf_handle_t tport_shm(size_t size, void **mem);
/* The same, also known to the fake DMA (atxf_dma_map); size whole pages. */
atxf_handle_t tport_shm_dma(size_t size, void **mem);
/* Is handle h still in the capability table? */
int tport_handle_live(atxf_handle_t h);

/* What atxf_start_info() returns: argv of up to 4 strings, ncaps handles. */
void tport_set_start(int argc, const char *const *argv, uint32_t ncaps);

#endif
