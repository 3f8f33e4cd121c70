/*
 * The driver framework: a driver is a table of callbacks and one call.
 *
 *   static const struct atxf_driver ops = {
 *       .name  = "virtio-rng",
 *       .probe = vrng_probe,             // bring the device up
 *       .irq   = vrng_irq,               // an interrupt arrived
 *       .rng   = { .read = vrng_read },  // requests of the device's class
 *   };
 *   int main(void) { return atxf_driver_run(&ops); }
 *
 * atxf_driver_run() owns the event loop: it finds the resources devmgr granted
 * (from the manifest, in order), calls .probe, registers the device with the
 * name service, says hello to devmgr, then receives messages forever. It
 * decodes each request of the device's class and calls the typed callback,
 * sends the reply, routes IRQ notifications to .irq and timer ticks to .timer,
 * answers devmgr's health checks and stop requests, and supplies a default
 * (-ATXF_ENOTSUP) for every callback left out. A driver never parses IPC.
 * The messages are in <atxf/proto/...> and docs/protocols.md; the author's
 * guide is docs/driver-guide.md.
 *
 * Callbacks return 0 (or a byte count where documented) on success and a
 * negative ATXF_E* code on failure; the framework turns that into the reply.
 * The framework has checked every argument against the request's layout, the
 * device's size and the client's buffer before a callback runs.
 *
 * Buffers named "shared" are memory the client can still write while the
 * callback runs: copy what you parse out of them before you trust it.
 */
#ifndef ATXF_DRIVER_H
#define ATXF_DRIVER_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/errors.h>
#include <atxf/ipc.h>
#include <atxf/manifest.h>
#include <atxf/proto/driver.h>
#include <atxf/ring.h>
/* Each class's part: its callbacks and what it reports (a class of its
 * own needs none of these: <atxf/driver/class.h>). */
#include <atxf/driver/block.h>
#include <atxf/driver/char.h>
#include <atxf/driver/class.h>
#include <atxf/driver/display.h>
#include <atxf/driver/input.h>
#include <atxf/driver/net.h>
#include <atxf/driver/rng.h>

struct atxf_device;
struct atxf_request;

/*
 * A callback's answer "not yet": the request stays open and the driver
 * completes it later with atxf_request_complete() (from .irq, .timer or
 * another request). Outside the ATXF_E* range, so never a real status.
 */
#define ATXF_PENDING (-1000)

struct atxf_driver {
	const char *name;           /* for logs when there is no manifest */
	/* Bring the device up. Nonzero fails the start; devmgr logs the code. */
	int (*probe)(struct atxf_device *dev);
	/*
	 * Interrupt n of the device fired (n counts the IRQ and PCI IRQ
	 * resources in manifest order, from 0; an ATXF_RESOURCE_PCI_IRQS
	 * resource counts one per MSI-X vector granted, so with it alone
	 * vector i is n = i). The framework acks it after this returns, so
	 * the device's own status can be cleared first. ATXF_DRIVER_MAX_IRQS
	 * (32) at most.
	 */
	void (*irq)(struct atxf_device *dev, unsigned n);
	/* Called every timer_ms milliseconds when timer_ms > 0. */
	void (*timer)(struct atxf_device *dev);
	uint32_t timer_ms;
	/* Stop the device before the process exits (devmgr stop or restart). */
	void (*remove)(struct atxf_device *dev);
	/*
	 * Requests of any protocol other than the driver protocol and the
	 * device class's own (a driver's private protocol); reply is pre-zeroed.
	 * The capabilities such a request carries are the driver's if it
	 * returns >= 0, and dropped if it fails. Left out, those requests are
	 * refused with -ATXF_ENOSYS.
	 */
	int (*other)(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply);
	/*
	 * A pending request ends without the driver: its timeout passed
	 * (-ATXF_ETIMEDOUT), its client went away (-ATXF_EPEER: the ring's
	 * client died, its region was revoked or replaced, or a caller gave
	 * up on its call) or the driver stops (-ATXF_ENODEV). Forget req here (abort the device's command);
	 * the framework answers the client with why, if it can still hear,
	 * and the handle is dead when this returns. Runs once per request.
	 */
	void (*cancel)(struct atxf_device *dev, struct atxf_request *req, int why);

	/*
	 * A class of its own (<atxf/driver/class.h>): its descriptor, and the
	 * callbacks its serve function finds here. The framework's classes
	 * use the members below instead.
	 */
	const struct atxf_driver_class *cls;
	const void *class_ops;

	struct atxf_block_ops block;
	struct atxf_char_ops chr;
	struct atxf_input_ops input;
	struct atxf_net_ops net;
	struct atxf_display_ops display;
	struct atxf_rng_ops rng;
};

/* One granted resource, in manifest order (see atxf_device_resource()). */
struct atxf_resource_grant {
	uint32_t kind;              /* enum atxf_resource_kind */
	atxf_handle_t handle;       /* the capability; ATXF_HANDLE_NONE if not passed */
	uint64_t base;              /* first port, IRQ line, physical address.. */
	uint64_t size;
	volatile void *mapped;      /* MMIO BARs and regions: where the framework mapped them */
	uint32_t flags;             /* ATXF_BAR_F_* the manifest asked for */
};

#define ATXF_DEVICE_MAX_GRANTS ATXF_MANIFEST_RESOURCES

struct atxf_driver_core;        /* the framework's own state (sdk/lib/driver) */

struct atxf_device {
	const struct atxf_driver *driver;
	const struct atxf_manifest *manifest;   /* NULL in a program without one */
	const char *instance;       /* the name clients look up, e.g. "ps2-keyboard.i8042" */
	void *priv;                 /* the driver's own state */
	struct atxf_resource_grant grant[ATXF_DEVICE_MAX_GRANTS];
	unsigned ngrants;
	/* Device facts probe fills in; the framework answers INFO from them. */
	union {
		struct atxf_block_info block;
		struct atxf_net_info net;
		struct atxf_display_info display;
	} info;
	void *surface;              /* display: mapped screen memory, for the default flush */
	struct atxf_device *parent; /* an added device: the driver's first; else NULL */
	struct atxf_driver_core *core;
};

/*
 * Deferred completion. While a callback serves a request (a call, or a
 * descriptor from a client's ring), atxf_request_current() gives a handle
 * to it; the callback keeps it and returns ATXF_PENDING. Later,
 * atxf_request_complete() ends it once: status is 0, a byte count or
 * -ATXF_E*, len the bytes done (a ring completion's length; a call's reply
 * carries the status alone). Many requests are pending at once
 * (ATXF_DRIVER_MAX_REQUESTS per device); current returns NULL outside a
 * callback and when they are all in use: serve the request at once then, or
 * refuse it with -ATXF_EAGAIN. atxf_request_timeout() arms a one-shot timer:
 * after ns the request is cancelled (.cancel with -ATXF_ETIMEDOUT) and ends
 * with -ATXF_ETIMEDOUT; 0 disarms it. Both return 0, or -ATXF_ENOENT for a
 * handle that is not pending.
 */
#define ATXF_DRIVER_MAX_REQUESTS 256

struct atxf_request {
	struct atxf_device *dev;
	void *priv;                 /* the driver's own, e.g. its command slot */
	uint32_t type;              /* a call's request code, or ATXF_REQUEST(proto, opcode) */
	uint32_t client;            /* the pid that asked */
	/* The framework's own from here on. */
	uint8_t state;              /* free, serving, pending */
	uint8_t ring;               /* ring requests: which ring, +1; 0: a call */
	uint16_t flags;             /* ring: the completion's flags (class-defined) */
	uint32_t id;                /* ring: the descriptor's id */
	uint64_t token;             /* call: the reply token */
	uint64_t deadline_ns;       /* 0: no timeout */
	uint32_t offset, length;    /* ring: the bytes in the data area */
};

struct atxf_request *atxf_request_current(struct atxf_device *dev);
int atxf_request_complete(struct atxf_request *req, int status, uint32_t len);
int atxf_request_timeout(struct atxf_request *req, uint64_t ns);

/* Runs the driver; returns 0 after devmgr's STOP, else the failure's exit status. */
int atxf_driver_run(const struct atxf_driver *driver);

/*
 * Several devices per driver process (AHCI ports, NVMe namespaces,
 * partitions). From a callback of the driver's first device (probe,
 * typically), atxf_device_add() makes another device with its own
 * instance name (registered with the name service at once), class and
 * callbacks (ops: the class's own, .other, .cancel, .timer, .remove; .irq
 * and .probe are the first device's alone, for interrupts arrive on its
 * port), its own service port, clients, rings and pending requests. Fill
 * in ->priv and ->info before the callback returns: requests for it are
 * served from then on, by the same loop, one at a time. When devmgr stops
 * the driver, each added device is stopped (its pending requests end with
 * -ATXF_ENODEV, .remove runs, its name goes) before the first. NULL, with
 * the reason logged, when there is no room (ATXF_DRIVER_MAX_DEVICES with
 * the first), the name is taken or empty, or the class is NONE.
 */
#define ATXF_DRIVER_MAX_DEVICES 8
struct atxf_device *atxf_device_add(struct atxf_device *parent, const struct atxf_driver *ops,
				    unsigned device_class, const char *instance);

/* The device's class: an added device's own, else its manifest's
 * (ATXF_CLASS_NONE without one). */
unsigned atxf_device_class(const struct atxf_device *dev);

/* The i-th resource of a kind, in manifest order; NULL if not granted. */
const struct atxf_resource_grant *atxf_device_resource(const struct atxf_device *dev,
						       unsigned kind, unsigned i);

/*
 * Waits, inside a request, until the device interrupts or timeout_ns passes
 * (0 on IRQ, -ATXF_ETIMEDOUT). Requests that arrive meanwhile are queued and
 * served afterwards, in order (-ATXF_EAGAIN to their senders when the queue
 * is full); PINGs are answered at once. .irq is not called for this
 * interrupt; the framework acks it when the callback returns. Requests for
 * the driver's other devices (atxf_device_add) wait in their own ports
 * meanwhile; ring doorbells are taken afterwards. Prefer ATXF_PENDING and
 * completing from .irq: a wait serves one request at a time.
 */
int atxf_device_wait_irq(struct atxf_device *dev, uint64_t timeout_ns);

/* Logs one kernel log line "NAME[PID]: instance: message" (<atxf/log.h>). */
void atxf_device_log(const struct atxf_device *dev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Decodes one request and answers it into reply (status in reply->type,
 * also returned): the loop's core, exposed for tests and for services that
 * run their own loop. It sends nothing itself (the caller sends the reply
 * and drops the capabilities it did not keep); the callbacks it calls may
 * wait. sdk/lib/driver/dispatch.c gives the order of the checks.
 */
int atxf_driver_dispatch(struct atxf_device *dev, const struct atxf_msg *req,
			 struct atxf_msg *reply);

#endif
