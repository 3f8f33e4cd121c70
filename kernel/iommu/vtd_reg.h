/*
 * Intel VT-d remapping hardware: the registers and table formats this
 * kernel uses, from the Intel Virtualization Technology for Directed I/O
 * Architecture Specification (rev. 4.0): §10.4 registers, §9.1 root entry,
 * §9.3 context entry, §9.8 second-level paging entries, §10.4.14 fault
 * recording. QEMU device: -device intel-iommu (hw/i386/intel_iommu.c).
 */
#ifndef IOMMU_VTD_REG_H
#define IOMMU_VTD_REG_H

#define VTD_VER         0x00    /* version */
#define VTD_CAP         0x08    /* capabilities */
#define VTD_ECAP        0x10    /* extended capabilities */
#define VTD_GCMD        0x18    /* global command */
#define VTD_GSTS        0x1c    /* global status */
#define VTD_RTADDR      0x20    /* root table address */
#define VTD_CCMD        0x28    /* context command */
#define VTD_FSTS        0x34    /* fault status */
#define VTD_FECTL       0x38    /* fault event control */
#define VTD_FEDATA      0x3c    /* fault event MSI data */
#define VTD_FEADDR      0x40    /* fault event MSI address */
#define VTD_FEUADDR     0x44
#define VTD_REG_WINDOW  0x1000

/* CAP (§10.4.2) */
#define VTD_CAP_SAGAW(c)  (((c) >> 8) & 0x1f)   /* bit 1: 3-level, bit 2: 4-level */
#define VTD_CAP_MGAW(c)   ((((c) >> 16) & 0x3f) + 1)
#define VTD_CAP_FRO(c)    ((((c) >> 24) & 0x3ff) * 16)  /* fault records' offset */
#define VTD_CAP_NFR(c)    ((((c) >> 40) & 0xff) + 1)    /* how many */
#define VTD_CAP_CM        (1ull << 7)           /* caching mode: flush on map too */
#define VTD_CAP_ND(c)     ((c) & 7)             /* domain ids: 2^(4 + 2 * ND) */

/* ECAP (§10.4.3) */
#define VTD_ECAP_IRO(e)   ((((e) >> 8) & 0x3ff) * 16)  /* IOTLB registers' offset */
#define VTD_ECAP_C        (1ull << 0)           /* coherent page walks */

/* GCMD / GSTS (§10.4.4, §10.4.5): one bit per command, status in the same place */
#define VTD_GCMD_TE       (1u << 31)            /* translation enable */
#define VTD_GCMD_SRTP     (1u << 30)            /* set root table pointer */

/* CCMD (§10.4.7): invalidate the context cache globally */
#define VTD_CCMD_ICC      (1ull << 63)
#define VTD_CCMD_GLOBAL   (1ull << 61)

/* IOTLB register, 8 bytes after IVA (§10.4.8.1): global invalidation,
 * draining reads and writes first */
#define VTD_IOTLB_REG     8
#define VTD_IOTLB_IVT     (1ull << 63)
#define VTD_IOTLB_GLOBAL  (1ull << 60)
#define VTD_IOTLB_DR      (1ull << 49)
#define VTD_IOTLB_DW      (1ull << 48)

/* FSTS (§10.4.9) and FECTL (§10.4.10) */
#define VTD_FSTS_PFO      (1u << 0)             /* a fault was lost: records full */
#define VTD_FSTS_PPF      (1u << 1)             /* a record holds a fault */
#define VTD_FECTL_IM      (1u << 31)            /* interrupt mask */

/* A fault record (§10.4.14), 16 bytes: the page address in the low qword;
 * in the high one the source id (BDF), the reason, the access type and F */
#define VTD_FRCD_HI_F       (1ull << 63)        /* RW1C: the record is valid */
#define VTD_FRCD_HI_T       (1ull << 62)        /* 1: a read, 0: a write */
#define VTD_FRCD_HI_FR(h)   (((h) >> 32) & 0xff)
#define VTD_FRCD_HI_SID(h)  ((h) & 0xffff)

/* Root entry (§9.1): lo bit 0 present, bits 12..63 the context table */
#define VTD_ROOT_PRESENT  1ull
/* Context entry (§9.3): lo bit 0 present, TT (bits 2..3) 0 = second-level
 * translation of untranslated requests, bits 12..63 the page table; hi
 * bits 0..2 the address width (1: 39-bit, 3 levels; 2: 48-bit, 4 levels),
 * bits 8..23 the domain id */
#define VTD_CTX_PRESENT   1ull
#define VTD_CTX_AW(aw)    ((uint64_t)(aw))
#define VTD_CTX_DID(d)    ((uint64_t)(d) << 8)

/* Second-level paging entry (§9.8): read, write, bits 12..51 the address */
#define VTD_SL_READ       (1ull << 0)
#define VTD_SL_WRITE      (1ull << 1)
#define VTD_SL_ADDR       0x000ffffffffff000ull

#endif
