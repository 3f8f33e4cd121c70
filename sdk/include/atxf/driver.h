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
 *
 * Callbacks return 0 (or a byte count where documented) on success and a
 * negative ATXF_E* code on failure; the framework turns that into the reply.
 */
#ifndef ATXF_DRIVER_H
#define ATXF_DRIVER_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/ipc.h>
#include <atxf/manifest.h>

struct atxf_device;

/* Block devices (ATXF_CLASS_BLOCK). buf is in memory shared with the client. */
struct atxf_block_ops {
	int (*read)(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf);
	int (*write)(struct atxf_device *dev, uint64_t sector, uint32_t count, const void *buf);
	int (*flush)(struct atxf_device *dev);
};

/* Character devices (ATXF_CLASS_CHAR): write returns bytes accepted. */
struct atxf_char_ops {
	int (*write)(struct atxf_device *dev, const void *buf, size_t len);
	int (*configure)(struct atxf_device *dev, uint32_t baud);
};

/* Input devices (ATXF_CLASS_INPUT) mostly report; they may take LED state. */
struct atxf_input_ops {
	int (*set_leds)(struct atxf_device *dev, uint32_t leds);
};

/* Network devices (ATXF_CLASS_NET). */
struct atxf_net_ops {
	int (*send)(struct atxf_device *dev, const void *frame, size_t len);
	int (*set_promiscuous)(struct atxf_device *dev, int on);
};

/* Displays (ATXF_CLASS_DISPLAY): copy a rectangle of the shared surface out. */
struct atxf_display_ops {
	int (*flush)(struct atxf_device *dev, uint32_t x, uint32_t y, uint32_t w, uint32_t h);
};

/* Random number generators (ATXF_CLASS_RNG): read returns bytes produced. */
struct atxf_rng_ops {
	int (*read)(struct atxf_device *dev, void *buf, size_t len);
};

struct atxf_driver {
	const char *name;
	/* Bring the device up. Nonzero fails the start; devmgr logs the code. */
	int (*probe)(struct atxf_device *dev);
	/* The device's interrupt fired; the framework acks it after this returns. */
	void (*irq)(struct atxf_device *dev);
	/* Called every timer_ms milliseconds when timer_ms > 0. */
	void (*timer)(struct atxf_device *dev);
	uint32_t timer_ms;
	/* Stop the device before the process exits (devmgr stop or restart). */
	void (*remove)(struct atxf_device *dev);
	/* Any request the framework does not decode; reply is pre-zeroed. */
	int (*other)(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply);

	struct atxf_block_ops block;
	struct atxf_char_ops chr;
	struct atxf_input_ops input;
	struct atxf_net_ops net;
	struct atxf_display_ops display;
	struct atxf_rng_ops rng;
};

/* Device facts a probe fills in, per class; the framework answers INFO from them. */
struct atxf_block_info {
	uint32_t sector_size;
	uint64_t sectors;
	uint32_t read_only;
};
struct atxf_net_info {
	uint8_t mac[6];
	uint16_t mtu;
	uint32_t link_up;
};
struct atxf_display_info {
	uint32_t width, height, pitch, bpp;
	void *surface;              /* where clients draw; shared with them */
};

/* One granted resource, in manifest order (see atxf_device_resource()). */
struct atxf_resource_grant {
	uint32_t kind;              /* enum atxf_resource_kind */
	atxf_handle_t handle;       /* the capability */
	uint64_t base;              /* first port, IRQ line, physical address.. */
	uint64_t size;
	void *mapped;               /* MMIO BARs: where the framework mapped them */
};

#define ATXF_DEVICE_MAX_GRANTS ATXF_MANIFEST_RESOURCES

struct atxf_device {
	const struct atxf_driver *driver;
	const struct atxf_manifest *manifest;
	const char *instance;       /* the name clients look up, e.g. "kbd0" */
	void *priv;                 /* the driver's own state */
	struct atxf_resource_grant grant[ATXF_DEVICE_MAX_GRANTS];
	unsigned ngrants;
	union {
		struct atxf_block_info block;
		struct atxf_net_info net;
		struct atxf_display_info display;
	} info;
};

/* Runs the driver; returns only on a fatal error (the exit status). */
int atxf_driver_run(const struct atxf_driver *driver);

/* The i-th resource of a kind, in manifest order; NULL if not granted. */
const struct atxf_resource_grant *atxf_device_resource(const struct atxf_device *dev,
						       unsigned kind, unsigned i);

/*
 * Waits, inside a request, until the device interrupts or timeout_ns passes
 * (0 on IRQ, -ATXF_ETIMEDOUT). Requests that arrive meanwhile are queued and
 * served afterwards, in order; .irq is not called for this interrupt.
 */
int atxf_device_wait_irq(struct atxf_device *dev, uint64_t timeout_ns);

/* Reports from the device to its subscribers (input events, received bytes, frames). */
struct atxf_input_event;
int atxf_input_report(struct atxf_device *dev, const struct atxf_input_event *ev);
int atxf_char_received(struct atxf_device *dev, const void *buf, size_t len);
int atxf_net_received(struct atxf_device *dev, const void *frame, size_t len);

/* Logs one line "name: message" on the debug console. */
void atxf_device_log(const struct atxf_device *dev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
