/*
 * A fake virtio 1.x PCI device for host tests (libatxf-fake, beside
 * <atxf/fake.h>): the device side of the modern transport and the split
 * virtqueue, laid out as QEMU's virtio-*-pci lays them out (VIRTIO 1.1
 * §4.1; all structures in BAR 4), so a driver built on <atxf/virtio.h>
 * runs against it unchanged:
 *
 *   static struct atxf_fake_virtio dev;
 *   atxf_fake_reset();
 *   atxf_fake_virtio_add(&dev, VIRTIO_PCI_RNG, 0xfe000000);
 *   atxf_fake_virtio_grant(&dev, bars);        // its PCI and MMIO capabilities, BAR 4 mapped
 *   my_driver_start(...);                      // the driver's own code
 *   atxf_fake_virtio_fill(&dev, 0, 0x40);      // the device serves queue 0
 *
 * The test plays the device's part: it takes the chains the driver made
 * available (atxf_fake_virtio_pop: descriptor chains and indirect tables,
 * each buffer turned back into memory through the fake DMA), puts any
 * element it likes into the used ring (atxf_fake_virtio_push: also a
 * hostile one, an id out of range or a length too big), and raises the
 * queue's MSI-X vector as the driver's event index or flags ask. It
 * checks what the driver did through the fields below.
 */
#ifndef ATXF_FAKE_VIRTIO_H
#define ATXF_FAKE_VIRTIO_H

#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/virtio.h>

#define ATXF_FAKE_VIRTIO_QUEUES    4
#define ATXF_FAKE_VIRTIO_VECTORS   8
#define ATXF_FAKE_VIRTIO_SEGS      32       /* buffers one chain may have */
#define ATXF_FAKE_VIRTIO_CFG_SIZE  64       /* device configuration bytes */

/* Where QEMU puts each structure in BAR 4 (virtio-pci.c's modern layout). */
#define ATXF_FAKE_VIRTIO_BAR       4
#define ATXF_FAKE_VIRTIO_BAR_SIZE  0x4000
#define ATXF_FAKE_VIRTIO_COMMON_AT 0x0000
#define ATXF_FAKE_VIRTIO_ISR_AT    0x1000
#define ATXF_FAKE_VIRTIO_DEVICE_AT 0x2000
#define ATXF_FAKE_VIRTIO_NOTIFY_AT 0x3000
#define ATXF_FAKE_VIRTIO_NOTIFY_MULT 4

/* One queue, the device's side. */
struct atxf_fake_virtq {
	uint16_t max_size;          /* what queue_size offers (0: no such queue) */
	uint16_t size, enabled, vector;
	uint64_t desc, driver, device;  /* the ring addresses the driver programmed */
	uint16_t last_avail;        /* the next available entry the device takes */
	uint16_t used_idx;          /* the device's used index */
	uint8_t hold_event;         /* 1: pop leaves avail_event where the test put it */
	unsigned notifies;          /* doorbell writes */
};

/* One buffer of a chain, as the device sees it. */
struct atxf_fake_virtio_seg {
	uint8_t *mem;
	uint32_t len;
	int write;                  /* device-writable */
};

struct atxf_fake_virtio_chain {
	uint16_t head;
	int indirect;               /* it came through an indirect table */
	unsigned nseg;
	struct atxf_fake_virtio_seg seg[ATXF_FAKE_VIRTIO_SEGS];
	uint32_t writable;          /* bytes of its device-writable buffers */
};

struct atxf_fake_virtio {
	uint8_t config[256];        /* PCI configuration space, with the capabilities */
	uint64_t offered;           /* features the device offers */
	uint64_t accepted;          /* what the driver wrote */
	uint32_t dfselect, gfselect;
	uint8_t status;             /* device_status */
	uint8_t isr;
	uint8_t cfg_gen;            /* config_generation */
	uint8_t refuse_features;    /* 1: FEATURES_OK never sticks */
	uint8_t stuck_in_reset;     /* 1: device_status never reads 0 again */
	uint16_t nvectors;          /* MSI-X table size: vectors past it read back NO_VECTOR */
	uint16_t msix_config;
	uint16_t qselect;
	struct atxf_fake_virtq q[ATXF_FAKE_VIRTIO_QUEUES];
	uint8_t device_cfg[ATXF_FAKE_VIRTIO_CFG_SIZE];
	unsigned interrupts[ATXF_FAKE_VIRTIO_VECTORS];  /* raised, per MSI-X vector */
	int irq_line_base;          /* >= 0: vector v also raises fake IRQ line base + v */
	unsigned resets;            /* device_status writes of 0 */
	/* Called after each doorbell write for queue (NULL: nothing happens). */
	void (*on_notify)(struct atxf_fake_virtio *d, uint16_t queue);
	void *ctx;
	atxf_handle_t pci, mmio;    /* from atxf_fake_virtio_grant */
	uint64_t paddr;             /* BAR 4's physical address */
};

/*
 * A fresh device of PCI device_id (VIRTIO_PCI_RNG, ..) with BAR 4 at
 * paddr: VERSION_1, INDIRECT_DESC and EVENT_IDX offered, queue 0 of 64
 * entries, 2 MSI-X vectors, no IRQ lines. Change the fields before the
 * driver starts. 0 or a negative ATXF_E* (the MMIO range is taken).
 */
int atxf_fake_virtio_add(struct atxf_fake_virtio *d, uint16_t device_id, uint64_t paddr);

/*
 * The device's capabilities as devmgr grants them: its PCI function, then
 * BAR 4 (the next two handles); bars (may be NULL) gets BAR 4 mapped, as
 * the framework maps it. 0 or a negative ATXF_E*.
 */
int atxf_fake_virtio_grant(struct atxf_fake_virtio *d, struct atxf_virtio_bar bars[PCI_BARS]);

/*
 * The next chain the driver made available on queue qi, or -ATXF_EAGAIN;
 * -ATXF_EPROTO if it breaks the rules (a head or next past the queue, a
 * loop, a readable buffer after a writable one, an indirect table it did
 * not negotiate or of a bad size, a buffer outside DMA memory).
 */
int atxf_fake_virtio_pop(struct atxf_fake_virtio *d, unsigned qi,
			 struct atxf_fake_virtio_chain *c);

/* Puts {id, len} in queue qi's used ring as given (no check: a hostile
 * device is the test's to play) and interrupts if the driver asked. */
void atxf_fake_virtio_push(struct atxf_fake_virtio *d, unsigned qi, uint32_t id, uint32_t len);

/* Serves every chain available on qi: fills its writable buffers with
 * seed, seed+1, .. (one counter over all) and uses it whole. Chains served. */
unsigned atxf_fake_virtio_fill(struct atxf_fake_virtio *d, unsigned qi, uint8_t *seed);

/* The driver's used_event and avail flags (what it asked of the device). */
uint16_t atxf_fake_virtio_used_event(struct atxf_fake_virtio *d, unsigned qi);
uint16_t atxf_fake_virtio_avail_flags(struct atxf_fake_virtio *d, unsigned qi);
/* The device's wishes: notify me at avail index idx (EVENT_IDX; sets
 * hold_event), or not at all (used ring flag NO_NOTIFY). */
void atxf_fake_virtio_avail_event(struct atxf_fake_virtio *d, unsigned qi, uint16_t idx);
void atxf_fake_virtio_no_notify(struct atxf_fake_virtio *d, unsigned qi, int on);

/* §2.1.2: the device hits an error it cannot undo: DEVICE_NEEDS_RESET and
 * a configuration-change interrupt. */
void atxf_fake_virtio_needs_reset(struct atxf_fake_virtio *d);

#endif
