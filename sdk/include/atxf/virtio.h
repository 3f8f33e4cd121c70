/*
 * The virtio library (sdk/lib/virtio, in libatxf and libatxf-fake): a
 * virtio 1.x device over the modern PCI transport, and its split
 * virtqueues. A driver finds the device, negotiates, sets up its queues,
 * says DRIVER_OK, then adds buffers and collects what the device used:
 *
 *   struct atxf_virtio vd;
 *   struct atxf_virtq q;
 *   atxf_virtio_probe(&vd, dev);                   // capabilities in the mapped BARs
 *   atxf_virtio_begin(&vd, 0);                     // reset, ACKNOWLEDGE, DRIVER, features
 *   atxf_virtq_setup(&q, &vd, 0, 64, 1);           // queue 0, up to 64 entries, MSI-X vector 1
 *   atxf_virtio_ready(&vd);                        // DRIVER_OK
 *   atxf_virtq_add(&q, bufs, 0, 1, cookie);        // one device-writable buffer
 *   atxf_virtq_kick(&q);                           // notify, unless the device said not to
 *   while (atxf_virtq_get(&q, &cookie, &len) == 0) ...   // from irq(dev, 1)
 *
 * The library accepts VIRTIO_F_VERSION_1 (required: a legacy-only device is
 * refused), and VIRTIO_F_INDIRECT_DESC and VIRTIO_F_EVENT_IDX whenever the
 * device offers them: a chain of several buffers then takes one slot of the
 * ring (an indirect table), and notifications and interrupts are suppressed
 * by event index (VIRTIO 1.1 §2.6.7, §2.6.10). It accepts
 * VIRTIO_F_ACCESS_PLATFORM too, and requires it where an IOMMU translates
 * the device's DMA (§6.1): a device without it would use the bus addresses
 * of its IOMMU domain as physical ones, so atxf_virtq_setup refuses it
 * (-ATXF_ENOTSUP; QEMU's iommu_platform=on offers it).
 *
 * The device is not trusted: a used element naming a descriptor that is not
 * the head of a chain in flight, a length past what the chain can hold, or
 * a used index that ran ahead of the ring is refused with -ATXF_EIO, and
 * the queue stays refused (every later call -ATXF_EIO) until the driver
 * resets the device and sets the queue up again. atxf_virtio_error() says
 * what happened, for the log.
 *
 * Not thread-safe: one driver thread owns a device and its queues.
 * Memory comes from atxf_dma_alloc (for the device's PCI function, 64-bit
 * bus addresses): the manifest's DMA budget must hold each queue,
 * ATXF_VIRTQ_DMA_BYTES(size) bytes rounded up to pages, and the buffers.
 */
#ifndef ATXF_VIRTIO_H
#define ATXF_VIRTIO_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/pci_regs.h>
#include <atxf/virtio_regs.h>

#define ATXF_VIRTQ_SIZE_MAX     256     /* entries the library keeps state for */
#define ATXF_VIRTQ_INDIRECT_MAX 64      /* buffers in one indirect chain */

/* Where the library puts a queue of n entries in its DMA memory. */
#define ATXF_VIRTQ_ALIGN(x, a)      (((x) + (a) - 1) / (a) * (a))
#define ATXF_VIRTQ_AVAIL_AT(n)      VIRTQ_DESC_BYTES(n)
#define ATXF_VIRTQ_USED_AT(n)       ATXF_VIRTQ_ALIGN(ATXF_VIRTQ_AVAIL_AT(n) + VIRTQ_AVAIL_BYTES(n), 4u)
#define ATXF_VIRTQ_INDIRECT_AT(n)   ATXF_VIRTQ_ALIGN(ATXF_VIRTQ_USED_AT(n) + VIRTQ_USED_BYTES(n), 16u)
#define ATXF_VIRTQ_DMA_BYTES(n)     (ATXF_VIRTQ_INDIRECT_AT(n) + (n) * 16u * ATXF_VIRTQ_INDIRECT_MAX)

/* A BAR as the framework mapped it (struct atxf_resource_grant's mapped). */
struct atxf_virtio_bar {
	volatile uint8_t *base;     /* NULL: not granted or not mapped */
	uint64_t size;
};

/* One device over the modern PCI transport (§4.1). */
struct atxf_virtio {
	atxf_handle_t pci;          /* its function: config space, and DMA is for it */
	struct atxf_dma_tag tag;    /* what its queues are allocated with */
	volatile uint8_t *common;   /* §4.1.4.3 common configuration */
	volatile uint8_t *isr;      /* §4.1.4.5 ISR status */
	volatile uint8_t *notify;   /* §4.1.4.4 notification area */
	uint32_t notify_len;
	uint32_t notify_mult;       /* notify_off_multiplier */
	volatile uint8_t *device_cfg;   /* §4.1.4.6, NULL if the device has none */
	uint32_t device_cfg_len;
	uint64_t features;          /* negotiated, once atxf_virtio_begin succeeded */
	char error[160];             /* what the last refusal was about */
};

/*
 * Finds the common, notify, ISR and (optional) device structures from the
 * function's vendor capabilities, each inside a mapped BAR (4.1.4: the first
 * capability of each type counts), and turns on memory decoding and bus
 * mastering. -ATXF_ENODEV if one it needs is missing or lies outside its BAR.
 */
int atxf_virtio_find(struct atxf_virtio *vd, atxf_handle_t pci,
		     const struct atxf_virtio_bar bars[PCI_BARS]);

struct atxf_device;
/* The same, with the PCI configuration space and BARs devmgr granted to dev
 * (ATXF_RESOURCE_PCI_CONFIG and ATXF_RESOURCE_BAR in its manifest). */
int atxf_virtio_probe(struct atxf_virtio *vd, const struct atxf_device *dev);

/* §4.1.4.3.2: writes 0 to device_status and waits (100 ms at most) until it
 * reads 0: the device then uses none of the driver's memory. */
int atxf_virtio_reset(struct atxf_virtio *vd);

/*
 * §3.1.1 steps 1-6: reset, ACKNOWLEDGE, DRIVER, and the features: the ones
 * in want (device-specific bits) that the device offers, plus VERSION_1,
 * INDIRECT_DESC, EVENT_IDX and ACCESS_PLATFORM as above; FEATURES_OK must stick. Then set the
 * queues up and call atxf_virtio_ready. On failure the device is marked
 * FAILED: -ATXF_ENOTSUP (no VERSION_1, FEATURES_OK refused), -ATXF_ETIMEDOUT.
 */
int atxf_virtio_begin(struct atxf_virtio *vd, uint64_t want);
/* Whether feature bit (VIRTIO_F_*) was negotiated. */
int atxf_virtio_has(const struct atxf_virtio *vd, unsigned bit);

/* §4.1.5.1.2: configuration changes interrupt on MSI-X vector (or
 * VIRTIO_MSI_NO_VECTOR: never); -ATXF_ENOSPC if the device reads it back as
 * anything else (it could not map it). */
int atxf_virtio_config_vector(struct atxf_virtio *vd, uint16_t vector);

/* §3.1.1 step 8: DRIVER_OK, the device may start; atxf_virtio_fail: FAILED. */
int atxf_virtio_ready(struct atxf_virtio *vd);
void atxf_virtio_fail(struct atxf_virtio *vd);

/* §2.1.2: the device set DEVICE_NEEDS_RESET: it works no more until reset. */
int atxf_virtio_needs_reset(const struct atxf_virtio *vd);

/* Reads (and so clears) the ISR status: VIRTIO_ISR_* bits (INTx). */
uint8_t atxf_virtio_isr(const struct atxf_virtio *vd);

/* Copies len bytes at offset of the device configuration, consistently
 * (§4.1.4.3.1: read again while config_generation moves); -ATXF_ERANGE. */
int atxf_virtio_config_read(struct atxf_virtio *vd, uint32_t offset, void *out, size_t len);

/* The reason for the last refusal ("" if none). */
const char *atxf_virtio_error(const struct atxf_virtio *vd);

/* One buffer of a chain: bus address (of DMA memory), length, direction. */
struct atxf_virtq_buf {
	uint64_t bus_addr;
	uint32_t len;               /* > 0 */
};

/* A split virtqueue (§2.6), the driver's side. */
struct atxf_virtq {
	struct atxf_virtio *vd;
	uint16_t index;             /* queue_select */
	uint16_t size;              /* entries: a power of two */
	volatile uint16_t *doorbell;    /* where this queue is notified */
	struct atxf_dma dma;        /* desc, avail, used, indirect tables */
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	struct virtq_used *used;
	volatile uint16_t *used_event;  /* after avail->ring: interrupt me at this used idx */
	volatile uint16_t *avail_event; /* after used->ring: notify me at this avail idx */
	struct virtq_desc *indirect;    /* size tables of ATXF_VIRTQ_INDIRECT_MAX; NULL if off */
	uint64_t indirect_bus;
	uint16_t free_head;         /* first free descriptor, size: none */
	uint16_t nfree;
	uint16_t avail_idx;         /* the next avail->idx we publish */
	uint16_t kicked_idx;        /* avail_idx when we last decided about a notify */
	uint16_t last_used;         /* used->idx we have collected up to */
	uint8_t irq_off;            /* atxf_virtq_irq_off: interrupts not wanted */
	uint8_t broken;             /* the device broke the rules: all refused */
	uint16_t next_free[ATXF_VIRTQ_SIZE_MAX];    /* free list and chain links, out of the device's reach */
	uint16_t chain_len[ATXF_VIRTQ_SIZE_MAX];    /* per head: descriptors in the table; 0: free */
	uint32_t writable[ATXF_VIRTQ_SIZE_MAX];     /* per head: bytes the device may write */
	void *token[ATXF_VIRTQ_SIZE_MAX];           /* per head: the driver's cookie */
};

/*
 * §4.1.5.1.3: sets up queue index with at most want entries (the device's
 * size, rounded down to a power of two, caps it), interrupting on MSI-X
 * vector (read back: -ATXF_ENOSPC if refused), and enables it. Between
 * atxf_virtio_begin and atxf_virtio_ready. -ATXF_ENODEV: no such queue;
 * -ATXF_ENOTSUP: an IOMMU translates its DMA and ACCESS_PLATFORM is missing.
 */
int atxf_virtq_setup(struct atxf_virtq *q, struct atxf_virtio *vd, uint16_t index,
		     uint16_t want, uint16_t vector);
/* Frees the queue's memory: only after a reset, when the device is done with it. */
void atxf_virtq_release(struct atxf_virtq *q);

/* Giving up on a device whose start failed: a reset (so it lets go of the
 * rings), the n queues released, then FAILED (§3.1.1). */
void atxf_virtio_abandon(struct atxf_virtio *vd, struct atxf_virtq *queues, unsigned n);

/*
 * Makes a chain available: nout device-readable buffers, then nin
 * device-writable ones, with token to get back from atxf_virtq_get. Not
 * yet notified (atxf_virtq_kick). -ATXF_EINVAL (no buffer, an empty one,
 * too many for one chain), -ATXF_ENOSPC (the ring is full), -ATXF_EIO.
 */
int atxf_virtq_add(struct atxf_virtq *q, const struct atxf_virtq_buf *bufs,
		   unsigned nout, unsigned nin, void *token);

/* Notifies the device of what was added since the last kick, unless it
 * asked not to be (EVENT_IDX, or NO_NOTIFY): 1 if it was notified, 0 if not. */
int atxf_virtq_kick(struct atxf_virtq *q);

/* The next chain the device used: its token and the bytes it wrote.
 * -ATXF_EAGAIN: none yet; -ATXF_EIO: the device broke the rules (above). */
int atxf_virtq_get(struct atxf_virtq *q, void **token, uint32_t *len);

/*
 * Interrupt suppression (§2.6.7): off, the device is asked not to interrupt
 * (one more may still come); on, it is asked to interrupt at the next used
 * entry. atxf_virtq_irq_on returns 1 if entries are already waiting (collect
 * them: no interrupt may come for those), else 0.
 */
void atxf_virtq_irq_off(struct atxf_virtq *q);
int atxf_virtq_irq_on(struct atxf_virtq *q);

/* Chains the device holds (made available, not yet collected). */
unsigned atxf_virtq_in_flight(const struct atxf_virtq *q);

#endif
