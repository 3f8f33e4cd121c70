/*
 * @NAME@_reg.h: virtio over PCI, from "Virtual I/O Device (VIRTIO) Version
 * 1.1" (OASIS, 2019). Section numbers are that document's. All fields are
 * little-endian, as x86 is.
 */
#ifndef @UPPER@_REG_H
#define @UPPER@_REG_H

#include <stdint.h>
#include <atxf/pci_regs.h>

/* 4.1.2 PCI Device Discovery: 0x1040 + device type, or the transitional ID. */
#define VIRTIO_VENDOR             0x1af4
#define VIRTIO_RNG_DEVICE         0x1044    /* 5.4: entropy device, type 4 */
#define VIRTIO_RNG_TRANSITIONAL   0x1005

/* PCI's own registers and capability IDs are the SDK's <atxf/pci_regs.h>. */

/* 4.1.4 Virtio Structure PCI Capabilities: struct virtio_pci_cap's cfg_type. */
#define VIRTIO_PCI_CAP_COMMON_CFG 1
#define VIRTIO_PCI_CAP_NOTIFY_CFG 2
#define VIRTIO_PCI_CAP_ISR_CFG    3
#define VIRTIO_PCI_CAP_DEVICE_CFG 4
/* Byte offsets in the capability: cap_vndr, cap_next, cap_len, cfg_type | bar | offset | length. */
#define VIRTIO_CAP_BAR            4
#define VIRTIO_CAP_OFFSET         8
#define VIRTIO_CAP_LENGTH         12
#define VIRTIO_CAP_NOTIFY_MULT    16        /* 4.1.4.4: notify_off_multiplier */

/* 4.1.4.3 Common configuration structure layout. */
#define VIRTIO_COMMON_DFSELECT    0x00      /* le32 device_feature_select */
#define VIRTIO_COMMON_DF          0x04      /* le32 device_feature (RO) */
#define VIRTIO_COMMON_GFSELECT    0x08      /* le32 driver_feature_select */
#define VIRTIO_COMMON_GF          0x0c      /* le32 driver_feature */
#define VIRTIO_COMMON_MSIX_CONFIG 0x10      /* le16 msix_config: configuration change vector */
#define VIRTIO_COMMON_STATUS      0x14      /* u8 device_status */
#define VIRTIO_COMMON_Q_SELECT    0x16      /* le16 queue_select */
#define VIRTIO_COMMON_Q_SIZE      0x18      /* le16 queue_size */
#define VIRTIO_COMMON_Q_MSIX      0x1a      /* le16 queue_msix_vector */
#define VIRTIO_COMMON_Q_ENABLE    0x1c      /* le16 queue_enable */
#define VIRTIO_COMMON_Q_NOFF      0x1e      /* le16 queue_notify_off (RO) */
#define VIRTIO_COMMON_Q_DESC      0x20      /* le64 queue_desc */
#define VIRTIO_COMMON_Q_DRIVER    0x28      /* le64 queue_driver: the available ring */
#define VIRTIO_COMMON_Q_DEVICE    0x30      /* le64 queue_device: the used ring */
#define VIRTIO_COMMON_SIZE        0x38
#define VIRTIO_MSI_NO_VECTOR      0xffff    /* 4.1.4.3: no vector for it */

/* 2.1 Device Status Field. */
#define VIRTIO_STATUS_ACKNOWLEDGE 1
#define VIRTIO_STATUS_DRIVER      2
#define VIRTIO_STATUS_DRIVER_OK   4
#define VIRTIO_STATUS_FEATURES_OK 8
#define VIRTIO_STATUS_FAILED      128

/* 6 Reserved Feature Bits: VIRTIO_F_VERSION_1 is bit 32, bit 0 of feature word 1. */
#define VIRTIO_F_VERSION_1_WORD   1
#define VIRTIO_F_VERSION_1_BIT    (1u << 0)

/* 4.1.4.5 ISR status: reading it clears it. */
#define VIRTIO_ISR_QUEUE          0x1
#define VIRTIO_ISR_CONFIG         0x2

/* 2.6 Split Virtqueues: what driver and device share in DMA memory. */
#define VIRTQ_DESC_F_WRITE        2         /* the device writes this buffer */

struct virtq_desc {                         /* 2.6.5, 16-byte aligned */
	uint64_t addr;                      /* bus address of the buffer */
	uint32_t len;
	uint16_t flags;                     /* VIRTQ_DESC_F_* */
	uint16_t next;
};

struct virtq_avail {                        /* 2.6.6, 2-byte aligned */
	uint16_t flags;
	uint16_t idx;                       /* where the driver puts the next entry */
	uint16_t ring[];                    /* descriptor heads, queue size of them */
};

struct virtq_used_elem {
	uint32_t id;                        /* descriptor head the device finished */
	uint32_t len;                       /* bytes it wrote */
};

struct virtq_used {                         /* 2.6.8, 4-byte aligned */
	uint16_t flags;
	uint16_t idx;                       /* where the device puts the next entry */
	struct virtq_used_elem ring[];
};

#endif
