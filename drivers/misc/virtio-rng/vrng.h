/*
 * virtio-rng's device logic (VIRTIO 1.1 §5.4) on the SDK's virtio library
 * (<atxf/virtio.h>): one request queue kept full of device-writable
 * buffers, which the device fills with entropy; reads take bytes from the
 * filled ones, each byte given out once, and hand emptied buffers back.
 * No framework here: the host test runs it against the SDK's fake virtio
 * device (tests/unit/test_virtio_rng.c). The framework glue is virtio_rng.c.
 */
#ifndef VRNG_H
#define VRNG_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/virtio.h>

#define VRNG_QUEUE      0           /* §5.4.2: requestq, the only queue */
#define VRNG_QUEUE_SIZE 8           /* QEMU's virtio-rng has 8 entries */
#define VRNG_BUFS       8           /* buffers the device keeps filling */
#define VRNG_BUF_SIZE   256

/* What the manifest's DMA budget must hold: the queue and the buffers. */
#define VRNG_PAGES(x)   (((x) + 4095u) / 4096u * 4096u)
#define VRNG_DMA_BYTES  (VRNG_PAGES(ATXF_VIRTQ_DMA_BYTES(VRNG_QUEUE_SIZE)) + \
			 VRNG_PAGES(VRNG_BUFS * VRNG_BUF_SIZE))

struct vrng {
	struct atxf_virtio vd;      /* found by the caller (atxf_virtio_probe/find) */
	struct atxf_virtq q;
	struct atxf_dma pool;       /* VRNG_BUFS buffers of VRNG_BUF_SIZE */
	uint16_t config_vector, queue_vector;
	uint8_t ready[VRNG_BUFS];   /* filled buffers, oldest first */
	uint32_t filled[VRNG_BUFS]; /* per buffer: bytes the device wrote */
	unsigned nready;
	uint32_t offset;            /* bytes already given out of ready[0] */
	uint64_t restarts;          /* device resets after an error */
};

/* §3.1.1 and §5.4.5: negotiates (no rng features exist), sets up requestq
 * on queue_vector, configuration changes on config_vector, offers every
 * buffer and sets DRIVER_OK. 0 or a negative ATXF_E* (vd.error says why). */
int vrng_start(struct vrng *r, uint16_t config_vector, uint16_t queue_vector);

/* Up to len random bytes into out: how many (0: none filled yet), or
 * -ATXF_EIO when the device broke the rules or needs a reset (then
 * vrng_restart it). */
int vrng_read(struct vrng *r, void *out, size_t len);

/* Asks for an interrupt at the next filled buffer: 1 if one is already
 * there (read again rather than wait). */
int vrng_want_irq(struct vrng *r);

/* Whether the device set DEVICE_NEEDS_RESET (§2.1.2). */
int vrng_needs_reset(const struct vrng *r);

/* Resets the device and starts it again with the same vectors; the bytes
 * it had not delivered are dropped. */
int vrng_restart(struct vrng *r);

/* Resets the device, so it writes no more, and frees its memory. */
void vrng_stop(struct vrng *r);

#endif
