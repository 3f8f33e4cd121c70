/*
 * PCI configuration space, the one set of definitions: the type 0/1 header
 * (PCI Local Bus 3.0 §6.1, §6.2), the capability list (§6.7), MSI (§6.8.1)
 * and MSI-X (PCI 3.0 §6.8.2). The kernel, devmgr, drivers and templates all
 * include this file; nothing here is defined anywhere else.
 */
#ifndef ATXF_PCI_REGS_H
#define ATXF_PCI_REGS_H

#include <stdint.h>

/* Sizes of one function's space: conventional, and through ECAM (PCIe). */
#define PCI_CFG_SIZE          256
#define PCI_CFG_EXT_SIZE      4096

/* §6.1: the header every function has. */
#define PCI_VENDOR_ID         0x00      /* u16; 0xffff: no function here */
#define PCI_DEVICE_ID         0x02      /* u16 */
#define PCI_COMMAND           0x04      /* u16 */
#define   PCI_COMMAND_IO      0x0001    /* decode its I/O BARs */
#define   PCI_COMMAND_MEMORY  0x0002    /* decode its memory BARs */
#define   PCI_COMMAND_MASTER  0x0004    /* may do DMA (and send MSIs) */
#define   PCI_COMMAND_INTX_DISABLE 0x0400
#define PCI_STATUS            0x06      /* u16 */
#define   PCI_STATUS_CAP_LIST 0x0010    /* a capability list exists */
#define PCI_CLASS_REVISION    0x08      /* u32: revision, prog-if, subclass, class */
#define PCI_HEADER_TYPE       0x0e      /* u8; bit 7: multi-function */
#define   PCI_HEADER_TYPE_MASK 0x7f
#define   PCI_HEADER_MULTI    0x80
#define   PCI_HEADER_NORMAL   0
#define   PCI_HEADER_BRIDGE   1
#define PCI_BAR0              0x10      /* type 0: six u32 BARs, 0x10..0x27 */
#define PCI_BARS              6
#define   PCI_BAR_IO          0x1       /* bit 0: an I/O BAR */
#define   PCI_BAR_MEM_64      0x4       /* bits 2..1 = 2: a 64-bit memory BAR */
#define   PCI_BAR_MEM_TYPE    0x6
#define   PCI_BAR_IO_MASK     (~0x3u)
#define   PCI_BAR_MEM_MASK    (~0xfu)
#define PCI_SECONDARY_BUS     0x19      /* type 1 (PCI-PCI Bridge 1.2 §3.2) */
#define PCI_CAP_PTR           0x34      /* u8: the first capability */
#define PCI_INTERRUPT_LINE    0x3c      /* u8: the firmware's PIC line */
#define PCI_INTERRUPT_PIN     0x3d      /* u8: 1..4 = INTA#..INTD#, 0 none */
#define PCI_CAP_FIRST         0x40      /* capabilities live above the header */

/* §6.7: each capability starts with its ID and the next one's offset. */
#define PCI_CAP_ID            0
#define PCI_CAP_NEXT          1
#define PCI_CAP_ID_MSI        0x05
#define PCI_CAP_ID_VENDOR     0x09      /* vendor specific (virtio uses it) */
#define PCI_CAP_ID_EXP        0x10      /* PCI Express */
#define PCI_CAP_ID_MSIX       0x11
#define PCI_CAP_LIST_MAX      48        /* (256 - 64) / 4: a longer list loops */

/* §6.8.1: MSI. Offsets in the capability. */
#define PCI_MSI_CTRL          2         /* u16 message control */
#define   PCI_MSI_CTRL_ENABLE 0x0001
#define   PCI_MSI_CTRL_MME    0x0070    /* multiple message enable */
#define   PCI_MSI_CTRL_64BIT  0x0080
#define PCI_MSI_ADDR_LO       4
#define PCI_MSI_ADDR_HI       8         /* 64-bit layout only */
#define PCI_MSI_DATA_32       8
#define PCI_MSI_DATA_64       12
#define PCI_MSI_CAP_SIZE      24        /* the largest layout: 64-bit with masking */

/* §6.8.2: MSI-X. Offsets in the capability. */
#define PCI_MSIX_CTRL         2         /* u16 message control */
#define   PCI_MSIX_CTRL_SIZE  0x07ff    /* table size - 1 */
#define   PCI_MSIX_CTRL_MASKALL 0x4000  /* function mask */
#define   PCI_MSIX_CTRL_ENABLE 0x8000
#define PCI_MSIX_TABLE        4         /* u32: offset into the BAR | BIR */
#define PCI_MSIX_PBA          8         /* u32: offset into the BAR | BIR */
#define   PCI_MSIX_BIR_MASK   0x7       /* which BAR (0..5) */
#define PCI_MSIX_CAP_SIZE     12
#define PCI_MSIX_MAX_VECTORS  2048

/* One MSI-X table entry (§6.8.2.6..9), 16 bytes. */
#define PCI_MSIX_ENTRY_SIZE   16
#define PCI_MSIX_ENTRY_ADDR_LO 0
#define PCI_MSIX_ENTRY_ADDR_HI 4
#define PCI_MSIX_ENTRY_DATA   8
#define PCI_MSIX_ENTRY_CTRL   12
#define   PCI_MSIX_ENTRY_MASKED 0x1     /* vector control bit 0 */

/* The table size (vectors) from MSI-X message control. */
static inline unsigned pci_msix_table_size(uint16_t ctrl)
{
	return (ctrl & PCI_MSIX_CTRL_SIZE) + 1u;
}

/*
 * Walks a function's capability list for `id`, starting after the
 * capability at `after` (0: from the start): its offset, or 0 when there
 * is none. read8 reads one config byte; the walk stops after
 * PCI_CAP_LIST_MAX steps, so a looping list ends too. Shared by the kernel
 * and libatxf (sdk/format/pci_cap.c); drivers call atxf_pci_find_cap().
 */
typedef uint8_t (*atxf_pci_read8_fn)(void *ctx, uint16_t offset);
uint8_t atxf_pci_cap_walk(atxf_pci_read8_fn read8, void *ctx, uint8_t id, uint8_t after);

#endif
