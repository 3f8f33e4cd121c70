/*
 * The driver framework's own state and the calls between its files. Not
 * installed: drivers see only <atxf/driver.h>. The host tests include it to
 * build a device without running the loop.
 *
 * Everything is a fixed-size table inside one struct, so the framework needs
 * no malloc and its memory use is known at link time: about 38 KiB per
 * device (the 256 request records 14 KiB, 8 client rings 14 KiB, the
 * event backlog 8 KiB), and the device record beside it about 730 bytes;
 * devices.c holds ATXF_DRIVER_MAX_DEVICES of each, in BSS.
 */
#ifndef ATXF_DRIVER_CORE_H
#define ATXF_DRIVER_CORE_H

#include <stdint.h>
#include <string.h>
#include <atxf/driver.h>
#include <atxf/driver/class.h>
#include <atxf/proto/char.h>
#include <atxf/proto/input.h>
#include <atxf/ring.h>
#include <atxf/syscalls.h>

#define ATXF_DRIVER_MAX_CLIENTS     8   /* client processes with an attached buffer */
#define ATXF_DRIVER_MAX_SUBSCRIBERS 8   /* ports receiving the device's events */
#define ATXF_DRIVER_QUEUE           8   /* requests held while a request waits for an IRQ */
#define ATXF_DRIVER_MAX_IRQS       32   /* interrupts bound to notification bits 0.. */
#define ATXF_DRIVER_BACKLOG        64   /* input and char events held for full subscribers */
#define ATXF_DRIVER_RETRY_NS  1000000ull /* how soon a held event is offered again */
#define ATXF_DRIVER_MAX_RINGS       8   /* client rings (ATTACH_RING), one per client */
/* Notification bits of the service port beyond the interrupts' 0..31:
 * ring i's doorbell, and the death notice of ring i's client. */
#define ATXF_DRIVER_DOORBELL_BIT   32
#define ATXF_DRIVER_RING_GONE_BIT  40
/* And a caller gave up on a call this process holds (SYS_CALL_WATCH). */
#define ATXF_DRIVER_CALL_GONE_BIT  48
#define ATXF_DRIVER_RING_BITS(first) (((1ull << ATXF_DRIVER_MAX_RINGS) - 1) << (first))

/* A request's life in the table (struct atxf_request.state). */
enum { ATXF__REQ_FREE, ATXF__REQ_SERVING, ATXF__REQ_PENDING };

/* One client process's attached buffer (block, net, display). */
struct atxf_client {
	uint32_t pid;               /* the client; 0: slot free */
	atxf_handle_t shm;          /* the shared-memory capability */
	uint8_t *base;              /* where it is mapped here */
	uint64_t size;
	uint64_t last_use;          /* core->use_clock at its last use */
};

/*
 * A client's grant mapped for the device (block_dma.c): by its mapping's
 * address here, with the requests whose DMA uses it. A client that lets go
 * (re-attach, eviction, death) retires it: unmapped at the last put.
 */
#define ATXF_DRIVER_DMA_BINDINGS 24
struct atxf_dma_binding {
	const uint8_t *base;        /* the client buffer or ring region; NULL: free */
	uint64_t size;
	uint32_t users;             /* gets not yet put */
	uint8_t retired;            /* its client let go of it */
	struct atxf_dma_map map;
};

/* One subscriber: a port that receives the device's events. */
struct atxf_subscriber {
	atxf_handle_t port;         /* ATXF_HANDLE_NONE: slot free */
	uint32_t pid;               /* who subscribed (net: whose buffer holds the ring) */
	uint32_t dropped;           /* events lost since the last one delivered */
	uint32_t slot_size;         /* net ring, in the pid's attached buffer .. */
	uint32_t slots;             /* .. 0: inline frames only */
	uint32_t next;              /* the ring slot the next big frame goes to */
	uint32_t seq;               /* the next backlog event it is owed */
	uint64_t ring_offset;
};

/*
 * Input and char events not yet taken by every subscriber (backlog.c):
 * a ring of messages numbered by free-running sequence numbers; each
 * subscriber's seq says how far it got, and the oldest one still owed
 * something holds the tail.
 */
struct atxf_backlog {
	struct atxf_msg msg[ATXF_DRIVER_BACKLOG];
	uint32_t head;              /* sequence number of the next event put */
	uint32_t tail;              /* the oldest event some subscriber is owed */
};

/* Requests held by atxf_device_wait_irq(), served afterwards in order. */
struct atxf_request_queue {
	struct atxf_msg msg[ATXF_DRIVER_QUEUE];
	unsigned head;              /* oldest */
	unsigned count;
};

/*
 * One client's ring (ATTACH_RING; rings.c): the region, the port its
 * completions are signalled on, and the framework's private view of it.
 * Net RECV buffers the client posted wait in rx, oldest first.
 */
struct atxf_ring_client {
	uint32_t pid;               /* 0: slot free */
	atxf_handle_t shm;          /* the region's capability */
	atxf_handle_t peer;         /* the client's port (send right) */
	uint8_t *base;              /* where the region is mapped */
	uint64_t size;
	struct atxf_ring ring;
	uint8_t dirty;              /* completions queued, not yet published */
	uint8_t stalled;            /* descriptors left waiting: no request free */
	uint16_t rx_dropped;        /* net: frames lost for want of a buffer */
	uint16_t rx[ATXF_RING_MAX_ENTRIES];  /* net: posted RECV requests (table index) */
	uint32_t rx_head, rx_count;
};

/* What the callback running now serves: atxf_request_current() binds it. */
struct atxf_serving {
	int active;
	uint32_t type, client;
	uint64_t token;             /* call */
	unsigned ring;              /* ring index + 1; 0: a call */
	struct atxf_ring_desc desc; /* ring: the checked copy */
	struct atxf_request *req;   /* bound, or NULL */
};

struct atxf_driver_counters {
	uint64_t requests, errors, irqs, events, dropped;
	uint64_t rx_bytes;          /* char: bytes atxf_char_received() accepted */
	uint64_t rx_held;           /* char: times it accepted fewer than offered */
};

struct atxf_driver_core {
	atxf_handle_t port;         /* the service port: requests and notifications */
	uint32_t state;             /* enum atxf_driver_state */
	uint16_t device_class;      /* an added device's; 0: the manifest's */
	uint32_t generation;        /* from argv; reported in HELLO and PING */
	uint32_t control_pid;       /* devmgr, learnt from HELLO's reply; 0: unknown */
	struct atxf_driver_counters count;

	/* Interrupt n is one vector of grant[irq_grant[n]], bound to
	 * notification bit n through irq_handle[n]: the grant's handle, or
	 * for an MSI-X grant of several vectors one derived per vector. */
	unsigned nirqs;
	unsigned irq_grant[ATXF_DRIVER_MAX_IRQS];
	atxf_handle_t irq_handle[ATXF_DRIVER_MAX_IRQS];
	uint64_t ack_owed;          /* bits whose IRQ is acked once the callback returns */

	uint32_t caps_kept;         /* bit i: dispatch kept the request's caps[i] */
	uint64_t timer_next_ns;     /* when .timer runs next */

	uint64_t use_clock;         /* orders client buffer uses */
	struct atxf_client client[ATXF_DRIVER_MAX_CLIENTS];
	struct atxf_subscriber sub[ATXF_DRIVER_MAX_SUBSCRIBERS];
	struct atxf_input_events input;     /* events reported, not yet sent */
	struct atxf_backlog backlog;
	uint8_t char_short;         /* char: bytes were refused; the class's resume when room */
	struct atxf_request_queue queue;
	char instance[ATXF_DRIVER_INSTANCE_MAX];

	/* Deferred completion (request.c) and client rings (rings.c). */
	struct atxf_serving serving;
	struct atxf_request req[ATXF_DRIVER_MAX_REQUESTS];
	unsigned pending;           /* requests pending */
	unsigned timers;            /* of those, with a timeout armed */
	uint64_t held_bits;         /* ring notifications taken while waiting for an IRQ */
	atxf_handle_t self;         /* a send right to port, for death notices */
	struct atxf_ring_client ring[ATXF_DRIVER_MAX_RINGS];

	/* Block DMA (block_dma.c): the device's engine and the grants mapped for it. */
	struct atxf_dma_tag dma_tag;
	uint8_t dma_ready;          /* atxf_block_dma_setup was called */
	struct atxf_dma_binding dma[ATXF_DRIVER_DMA_BINDINGS];
};

/* Sets up a device and its core for a driver, nothing granted yet (device.c). */
void atxf__device_init(struct atxf_device *dev, struct atxf_driver_core *core,
		       const struct atxf_driver *driver, const struct atxf_manifest *m);

/* The driver protocol's handler (proto_driver.c), called with a checked request. */
int atxf__driver_proto(struct atxf_device *dev, const struct atxf_msg *req,
		       struct atxf_msg *reply);

/*
 * The protocols a device decodes (protocols.c): the driver protocol, and
 * its driver's class (driver->cls, <atxf/driver/class.h>), whose code
 * (each class's proto_*.c) reads the driver's ops through atxf__ops.
 */
const struct atxf_driver_class *atxf__protocol_of(const struct atxf_device *dev, uint32_t proto);
/* The protocol of the device's class (NULL: none), e.g. whose ring_serve to use. */
const struct atxf_driver_class *atxf__class_protocol(const struct atxf_device *dev);
const struct atxf_msg_shape *atxf__shape(const struct atxf_driver_class *p, uint32_t code);

/* The driver's class ops, or the class's `none` (every callback left out). */
static inline const void *atxf__ops(const struct atxf_device *dev, const void *none)
{
	return dev->driver->class_ops ? dev->driver->class_ops : none;
}

/* Copies a fixed-layout request out of the message (never a pointer into it). */
#define ATXF_REQ(req, var) memcpy(&(var), (req)->data, sizeof(var))

/* Puts a fixed-layout reply payload into reply. */
void atxf__reply_put(struct atxf_msg *reply, const void *data, uint32_t len);

/* Client buffers (clients.c). */
int atxf__client_attach(struct atxf_device *dev, const struct atxf_msg *req,
			struct atxf_msg *reply);
struct atxf_client *atxf__client_find(struct atxf_device *dev, uint32_t pid);
/* A pointer to [offset, offset+len) of pid's buffer, or NULL with *err set. */
void *atxf__client_range(struct atxf_device *dev, uint32_t pid, uint64_t offset,
			 uint64_t len, int *err);

/* A client lets go of the region mapped at base: its DMA mapping goes now,
 * or at the last put of a request still using it (block_dma.c). */
void atxf__block_dma_release(struct atxf_device *dev, const void *base);

/* Subscribers (subscribers.c). */
int atxf__subscribe(struct atxf_device *dev, const struct atxf_msg *req,
		    const struct atxf_subscriber *tmpl);
unsigned atxf__subscriber_count(const struct atxf_device *dev);
/* Drops sub's port and frees its slot (its port is gone, or it subscribed again). */
void atxf__forget(struct atxf_subscriber *sub);
/*
 * Sends ev to sub without blocking, its header carrying the units (events,
 * bytes, frames) sub lost before it; forgets sub if its port is gone.
 */
int atxf__deliver(struct atxf_device *dev, struct atxf_subscriber *sub,
		  struct atxf_msg *ev, uint32_t units);
/* Counts units sub lost without a message (e.g. its net ring was full). */
void atxf__lost(struct atxf_device *dev, struct atxf_subscriber *sub, uint32_t units);
/*
 * Puts ev in the backlog for every subscriber and offers it at once; a
 * full backlog loses it (each subscriber hears of `units` lost). Returns 0,
 * or -ATXF_ENOSPC when it was lost.
 */
int atxf__broadcast(struct atxf_device *dev, const struct atxf_msg *ev, uint32_t units);

/* The backlog (backlog.c). */
uint32_t atxf__backlog_room(const struct atxf_device *dev);
/* Offers every subscriber what it is owed; frees what all have taken. */
void atxf__backlog_flush(struct atxf_device *dev);
/* Something is still owed to a subscriber (the loop offers it again soon). */
int atxf__backlog_pending(const struct atxf_device *dev);
/* The loop's turn: flush, then the class's resume if bytes were refused and room is back. */
void atxf__backlog_poll(struct atxf_device *dev);

/* The input batch (report.c): encode it as an EVENT message; send it. */
void atxf__input_encode(const struct atxf_input_events *batch, struct atxf_msg *msg);
void atxf__input_flush(struct atxf_device *dev);

/* Notifications and time (notify.c). */
void atxf__notified(struct atxf_device *dev, uint64_t bits);
uint64_t atxf__irq_bits(const struct atxf_device *dev);
void atxf__ack_owed(struct atxf_device *dev);
void atxf__timer_start(struct atxf_device *dev);
uint64_t atxf__timer_wait_ns(struct atxf_device *dev);
void atxf__timer_check(struct atxf_device *dev);

/* Serving one request end to end: dispatch, reply, release caps (serve.c). */
void atxf__serve(struct atxf_device *dev, const struct atxf_msg *req);
void atxf__refuse(struct atxf_device *dev, const struct atxf_msg *req, int err);
void atxf__drop_caps(const struct atxf_msg *req, uint32_t keep);

/* The wait queue (queue.c): 0, or -ATXF_EAGAIN when full (push) or empty (pop). */
int atxf__queue_push(struct atxf_device *dev, const struct atxf_msg *req);
int atxf__queue_pop(struct atxf_device *dev, struct atxf_msg *out);

/* Resources (device.c: from the manifest; bind.c: query, map, bind IRQs). */
void atxf__grants_from_manifest(struct atxf_device *dev, atxf_handle_t first,
				unsigned nhandles);
int atxf__grants_setup(struct atxf_device *dev);

/* Names (device.c): the instance from argv, the driver's own name. */
void atxf__name_instance(struct atxf_device *dev, int argc, char *const argv[]);
const char *atxf__driver_name(const struct atxf_device *dev);

/*
 * Deferred completion (request.c). The serve paths open a context before
 * the callback and close it after: close says whether the request stays
 * pending (ATXF_PENDING with a request bound), and turns a PENDING without
 * one into -ATXF_EIO. finish ends a request for good (reply or ring
 * completion, then frees it); cancel runs .cancel first.
 */
void atxf__serving_call(struct atxf_device *dev, const struct atxf_msg *req);
void atxf__serving_ring(struct atxf_device *dev, unsigned ring, const struct atxf_ring_desc *d);
int atxf__serving_close(struct atxf_device *dev, int status);
void atxf__request_finish(struct atxf_request *r, int status, uint32_t len);
void atxf__request_cancel(struct atxf_request *r, int why);
/* Cancels every pending request of ring (+1; 0: every request) with why. */
void atxf__requests_cancel(struct atxf_device *dev, unsigned ring, int why);
/* Timeouts: ns until the next one (FOREVER: none); expire the due ones. */
uint64_t atxf__requests_wait_ns(struct atxf_device *dev);
void atxf__requests_expire(struct atxf_device *dev);
unsigned atxf__request_index(const struct atxf_device *dev, const struct atxf_request *r);
/* Cancels (-ATXF_EPEER) the pending calls of dev whose callers gave up. */
void atxf__calls_gone(struct atxf_device *dev);

/*
 * Client rings (rings.c). attach serves ATTACH_RING for block and net;
 * notified takes the doorbell and death-notice bits; flush publishes
 * what was completed and drains rings that were left waiting. The class's
 * descriptor handler is its protocol's ring_serve.
 */
int atxf__ring_attach(struct atxf_device *dev, const struct atxf_msg *req,
		      struct atxf_msg *reply);
void atxf__rings_notified(struct atxf_device *dev, uint64_t bits);
void atxf__rings_flush(struct atxf_device *dev);
void atxf__ring_drop(struct atxf_device *dev, unsigned i, int why);
struct atxf_ring_client *atxf__ring_client(struct atxf_device *dev, unsigned ring);
/* The bytes of a ring request in its ring's data area (NULL: gone). */
void *atxf__ring_bytes(struct atxf_device *dev, unsigned ring, uint32_t offset, uint32_t len);

/* Net RECV buffers (net_rx.c): post one (ATXF_PENDING), forget a ring's. */
int atxf__net_rx_post(struct atxf_device *dev, const struct atxf_ring_desc *d);
void atxf__net_rx_unpost(struct atxf_device *dev, struct atxf_request *r);
void atxf__net_rx_deliver(struct atxf_device *dev, const void *frame, uint32_t len);

/* The process's devices (devices.c): the first, how many, the i-th, and
 * stopping the added ones before the first. */
struct atxf_device *atxf__device_first(const struct atxf_driver *driver,
				       const struct atxf_manifest *m);
unsigned atxf__device_count(void);
struct atxf_device *atxf__device_at(unsigned i);
void atxf__children_stop(struct atxf_device *first);

/* Start-up (announce.c): the name service, then HELLO to devmgr. */
int atxf__register(struct atxf_device *dev);
int atxf__announce(struct atxf_device *dev, int status);

#endif
