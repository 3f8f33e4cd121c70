/*
 * Virtio over PCI, the one set of definitions: the modern (1.x) PCI
 * transport and the split virtqueue, from "Virtual I/O Device (VIRTIO)
 * Version 1.1" (OASIS, 2019); section numbers are that document's. All
 * fields are little-endian, as x86 is. The virtio library (<atxf/virtio.h>),
 * its fake device (<atxf/fake_virtio.h>) and virtio drivers include this.
 * QEMU: -device virtio-*-pci,disable-legacy=on.
 */
#ifndef ATXF_VIRTIO_REGS_H
#define ATXF_VIRTIO_REGS_H

#include <stdint.h>

/* 4.1.2: vendor 0x1af4; modern device ID 0x1040 + type, or a transitional one. */
#define VIRTIO_PCI_VENDOR           0x1af4
#define VIRTIO_PCI_MODERN_BASE      0x1040
#define VIRTIO_ID_RNG               4           /* 5.4: entropy device */
#define VIRTIO_PCI_RNG              (VIRTIO_PCI_MODERN_BASE + VIRTIO_ID_RNG)
#define VIRTIO_PCI_RNG_TRANSITIONAL 0x1005

/* 4.1.4: struct virtio_pci_cap in a vendor capability (PCI_CAP_ID_VENDOR). */
#define VIRTIO_CAP_CFG_TYPE         3           /* u8: VIRTIO_PCI_CAP_* */
#define VIRTIO_CAP_BAR              4           /* u8: 0..5 */
#define VIRTIO_CAP_OFFSET           8           /* le32: within the BAR */
#define VIRTIO_CAP_LENGTH           12          /* le32 */
#define VIRTIO_CAP_NOTIFY_MULT      16          /* le32: 4.1.4.4 notify_off_multiplier */
#define VIRTIO_CAP_LEN              16          /* bytes of virtio_pci_cap */
#define VIRTIO_CAP_NOTIFY_LEN       20          /* and of virtio_pci_notify_cap */

#define VIRTIO_PCI_CAP_COMMON_CFG   1
#define VIRTIO_PCI_CAP_NOTIFY_CFG   2
#define VIRTIO_PCI_CAP_ISR_CFG      3
#define VIRTIO_PCI_CAP_DEVICE_CFG   4

/* 4.1.4.3: the common configuration structure. */
#define VIRTIO_COMMON_DFSELECT      0x00        /* le32 device_feature_select */
#define VIRTIO_COMMON_DF            0x04        /* le32 device_feature (RO) */
#define VIRTIO_COMMON_GFSELECT      0x08        /* le32 driver_feature_select */
#define VIRTIO_COMMON_GF            0x0c        /* le32 driver_feature */
#define VIRTIO_COMMON_MSIX_CONFIG   0x10        /* le16 config_msix_vector */
#define VIRTIO_COMMON_NUM_QUEUES    0x12        /* le16 num_queues (RO) */
#define VIRTIO_COMMON_STATUS        0x14        /* u8 device_status */
#define VIRTIO_COMMON_CFG_GEN       0x15        /* u8 config_generation (RO) */
#define VIRTIO_COMMON_Q_SELECT      0x16        /* le16 queue_select */
#define VIRTIO_COMMON_Q_SIZE        0x18        /* le16 queue_size */
#define VIRTIO_COMMON_Q_MSIX        0x1a        /* le16 queue_msix_vector */
#define VIRTIO_COMMON_Q_ENABLE      0x1c        /* le16 queue_enable */
#define VIRTIO_COMMON_Q_NOFF        0x1e        /* le16 queue_notify_off (RO) */
#define VIRTIO_COMMON_Q_DESC        0x20        /* le64 queue_desc */
#define VIRTIO_COMMON_Q_DRIVER      0x28        /* le64 queue_driver: the available ring */
#define VIRTIO_COMMON_Q_DEVICE      0x30        /* le64 queue_device: the used ring */
#define VIRTIO_COMMON_SIZE          0x38
#define VIRTIO_MSI_NO_VECTOR        0xffff      /* no vector; also "could not map it" */

/* 2.1: device status. */
#define VIRTIO_STATUS_ACKNOWLEDGE   0x01
#define VIRTIO_STATUS_DRIVER        0x02
#define VIRTIO_STATUS_DRIVER_OK     0x04
#define VIRTIO_STATUS_FEATURES_OK   0x08
#define VIRTIO_STATUS_NEEDS_RESET   0x40        /* the device hit an error it cannot undo */
#define VIRTIO_STATUS_FAILED        0x80

/* 4.1.4.5: ISR status; reading it clears it (INTx only: MSI-X has vectors). */
#define VIRTIO_ISR_QUEUE            0x1
#define VIRTIO_ISR_CONFIG           0x2

/* 6: reserved feature bits (bit numbers in the 64-bit feature set). */
#define VIRTIO_F_INDIRECT_DESC      28          /* 2.6.5.3 */
#define VIRTIO_F_EVENT_IDX          29          /* 2.6.7, 2.6.10 */
#define VIRTIO_F_VERSION_1          32
#define VIRTIO_F_ACCESS_PLATFORM    33          /* 6.1: DMA through the platform's IOMMU */
#define VIRTIO_FEATURE(bit)         (1ull << (bit))

/* 2.6.5: a descriptor. */
#define VIRTQ_DESC_F_NEXT           1           /* the chain goes on at next */
#define VIRTQ_DESC_F_WRITE          2           /* the device writes it (else reads) */
#define VIRTQ_DESC_F_INDIRECT       4           /* the buffer is a descriptor table */

struct virtq_desc {                             /* 16-byte aligned */
	uint64_t addr;                          /* bus address */
	uint32_t len;
	uint16_t flags;                         /* VIRTQ_DESC_F_* */
	uint16_t next;
};

/* 2.6.6: the available ring, then le16 used_event (with EVENT_IDX). */
#define VIRTQ_AVAIL_F_NO_INTERRUPT  1
struct virtq_avail {                            /* 2-byte aligned */
	uint16_t flags;
	uint16_t idx;                           /* where the driver puts the next entry */
	uint16_t ring[];                        /* descriptor heads, queue size of them */
};

/* 2.6.8: the used ring, then le16 avail_event (with EVENT_IDX). */
#define VIRTQ_USED_F_NO_NOTIFY      1
struct virtq_used_elem {
	uint32_t id;                            /* the head of the chain it finished */
	uint32_t len;                           /* bytes it wrote into the chain */
};
struct virtq_used {                             /* 4-byte aligned */
	uint16_t flags;
	uint16_t idx;                           /* where the device puts the next entry */
	struct virtq_used_elem ring[];
};

/* 2.6: ring sizes for a queue of n entries (n a power of two, at most
 * 32768), each with its trailing event index; and where that index is. */
#define VIRTQ_DESC_BYTES(n)         (16u * (n))
#define VIRTQ_AVAIL_BYTES(n)        (6u + 2u * (n))
#define VIRTQ_USED_BYTES(n)         (6u + 8u * (n))
#define VIRTQ_USED_EVENT_AT(n)      (4u + 2u * (n))     /* in the available ring */
#define VIRTQ_AVAIL_EVENT_AT(n)     (4u + 8u * (n))     /* in the used ring */
#define VIRTQ_MAX_SIZE              32768u

/*
 * 2.6.7.1, 2.6.10: with EVENT_IDX, whoever moved an index from old to new
 * signals the other side only if that crossed the other side's event index.
 */
static inline int virtq_need_event(uint16_t event, uint16_t new_idx, uint16_t old_idx)
{
	return (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old_idx);
}

#endif
