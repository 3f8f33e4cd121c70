/*
 * virtio-rng registers and rings, as a transitional (legacy-capable) virtio
 * PCI device presents them: QEMU's -device virtio-rng-pci on the default
 * "pc" machine. Sections are those of the Virtio 1.0 specification.
 */
#ifndef VIRTIO_RNG_REG_H
#define VIRTIO_RNG_REG_H

#include <stdint.h>
#include <atxf/pci_regs.h>

/* §4.1.2.1: PCI IDs. 0x1005 is the transitional entropy device. */
#define VIRTIO_PCI_VENDOR   0x1af4
#define VIRTIO_RNG_DEVICE   0x1005

/* PCI's command register (DMA needs bus mastering on): <atxf/pci_regs.h>. */

/* §4.1.4.8: the legacy register block at the start of BAR0 (I/O space). */
#define VIO_DEVICE_FEATURES 0x00    /* u32, R: what the device offers */
#define VIO_DRIVER_FEATURES 0x04    /* u32, RW: what the driver accepts */
#define VIO_QUEUE_ADDRESS   0x08    /* u32, RW: the selected queue's address / 4096 */
#define VIO_QUEUE_SIZE      0x0c    /* u16, R: the selected queue's size */
#define VIO_QUEUE_SELECT    0x0e    /* u16, RW */
#define VIO_QUEUE_NOTIFY    0x10    /* u16, W: "the driver added buffers to queue n" */
#define VIO_DEVICE_STATUS   0x12    /* u8, RW: 0 resets the device */
#define VIO_ISR_STATUS      0x13    /* u8, R: reading clears it and the interrupt */
#define VIO_REGS            0x14    /* bytes of the block (no MSI-X) */

/* §2.1: device status bits, set in this order while starting. */
#define VIO_STATUS_ACKNOWLEDGE 0x01 /* we noticed the device */
#define VIO_STATUS_DRIVER      0x02 /* we can drive it */
#define VIO_STATUS_DRIVER_OK   0x04 /* set up: the device may start */
#define VIO_STATUS_FAILED      0x80 /* we gave up on it */

#define VIO_ISR_QUEUE       0x01    /* §4.1.4.5: a queue has used buffers */

/* §5.4.2: the entropy device has one queue, requestq. */
#define VRNG_QUEUE          0

/* §2.4.5: a descriptor: one buffer in guest memory. */
struct vring_desc {
	uint64_t addr;              /* bus address */
	uint32_t len;
	uint16_t flags;             /* VRING_DESC_F_* */
	uint16_t next;
};
#define VRING_DESC_F_WRITE  0x2     /* the device writes it (else reads) */

/* §2.4.6: the available ring: buffers the driver offers. */
struct vring_avail {
	uint16_t flags;
	uint16_t idx;               /* where the driver puts the next entry, mod size */
	uint16_t ring[];            /* descriptor heads; then a u16 used_event */
};

/* §2.4.8: the used ring: buffers the device is done with. */
struct vring_used_elem {
	uint32_t id;                /* the descriptor head */
	uint32_t len;               /* bytes the device wrote */
};
struct vring_used {
	uint16_t flags;
	uint16_t idx;               /* where the device puts the next entry, mod size */
	struct vring_used_elem ring[];
};

/*
 * §2.4.2 (legacy layout): descriptors, then the available ring, then, on
 * the next 4096-byte boundary, the used ring; all in one contiguous block.
 */
#define VRING_ALIGN 4096u
#define VRING_ROUND(x) (((x) + VRING_ALIGN - 1) & ~(VRING_ALIGN - 1))
#define VRING_USED_OFFSET(n) VRING_ROUND(16u * (n) + 6u + 2u * (n))
#define VRING_BYTES(n) (VRING_USED_OFFSET(n) + VRING_ROUND(6u + 8u * (n)))

#endif
