/*
 * NVMe registers, commands and data structures used by drivers/storage/nvme,
 * from the NVM Express Base Specification 1.4 (section numbers below) as
 * QEMU 7.2's hw/nvme emulates them.
 */
#ifndef NVME_REG_H
#define NVME_REG_H

#include <stdint.h>

/* §3.1: controller registers (BAR0). */
#define NVME_CAP        0x00        /* 64-bit capabilities */
#define NVME_VS         0x08
#define NVME_CC         0x14        /* controller configuration */
#define NVME_CSTS       0x1c        /* controller status */
#define NVME_AQA        0x24        /* admin queue attributes */
#define NVME_ASQ        0x28        /* admin submission queue base (64-bit) */
#define NVME_ACQ        0x30        /* admin completion queue base (64-bit) */
#define NVME_DOORBELLS  0x1000      /* SQ y tail at 0x1000 + 2y * stride, CQ y head after it */

/* §3.1.1: CAP fields. */
#define NVME_CAP_MQES(c)    ((uint32_t)((c) & 0xffff))          /* max entries - 1 */
#define NVME_CAP_TO(c)      ((uint32_t)(((c) >> 24) & 0xff))    /* ready timeout, 500 ms units */
#define NVME_CAP_DSTRD(c)   ((uint32_t)(((c) >> 32) & 0xf))     /* stride = 4 << DSTRD */
#define NVME_CAP_CSS_NVM(c) ((((c) >> 37) & 1) != 0)
#define NVME_CAP_MPSMIN(c)  ((uint32_t)(((c) >> 48) & 0xf))     /* 4 KiB << MPSMIN */

/* §3.1.5: CC; 4 KiB pages (MPS 0), NVM command set, 64-byte SQ and 16-byte CQ entries. */
#define NVME_CC_EN          (1u << 0)
#define NVME_CC_IOSQES      (6u << 16)
#define NVME_CC_IOCQES      (4u << 20)
#define NVME_CC_SHN_NORMAL  (1u << 14)

/* §3.1.6: CSTS. */
#define NVME_CSTS_RDY       (1u << 0)
#define NVME_CSTS_CFS       (1u << 1)   /* controller fatal status */
#define NVME_CSTS_SHST(s)   (((s) >> 2) & 3)

#define NVME_PAGE           4096u       /* the memory page size CC.MPS = 0 selects */

/* §5: admin opcodes. */
#define NVME_ADM_CREATE_SQ  0x01
#define NVME_ADM_CREATE_CQ  0x05
#define NVME_ADM_IDENTIFY   0x06
#define NVME_ADM_SET_FEAT   0x09

/* §6: NVM command set opcodes. */
#define NVME_CMD_FLUSH      0x00
#define NVME_CMD_WRITE      0x01
#define NVME_CMD_READ       0x02

/* §5.15.1: Identify CNS values. */
#define NVME_CNS_NS         0x00        /* a namespace's data structure */
#define NVME_CNS_CTRL       0x01        /* the controller's */
#define NVME_CNS_NS_ACTIVE  0x02        /* active NSIDs above CDW1.NSID, 1024 at most */

/* §5.21.1.7: Set Features, Number of Queues. */
#define NVME_FEAT_NUM_QUEUES 0x07

/* §5.3, §5.4: Create I/O CQ/SQ CDW11 bits. */
#define NVME_Q_PC           (1u << 0)   /* physically contiguous */
#define NVME_CQ_IEN         (1u << 1)   /* interrupts enabled */

/* §4.2: a submission queue entry, 64 bytes. */
struct nvme_sqe {
	uint8_t opcode;
	uint8_t flags;              /* FUSE, PSDT: 0 (PRPs) */
	uint16_t cid;               /* command identifier, echoed in the completion */
	uint32_t nsid;
	uint32_t cdw2, cdw3;
	uint64_t mptr;
	uint64_t prp1, prp2;        /* §4.3: data pointer */
	uint32_t cdw10, cdw11, cdw12, cdw13, cdw14, cdw15;
};

/* §4.6: a completion queue entry, 16 bytes. */
struct nvme_cqe {
	uint32_t result;            /* DW0: command specific */
	uint32_t reserved;
	uint16_t sq_head;           /* how far the controller consumed the SQ */
	uint16_t sq_id;
	uint16_t cid;
	uint16_t status;            /* bit 0: phase tag; 15:1 the status field */
};

_Static_assert(sizeof(struct nvme_sqe) == 64, "§4.2: 64-byte SQ entries");
_Static_assert(sizeof(struct nvme_cqe) == 16, "§4.6: 16-byte CQ entries");

#define NVME_CQE_PHASE(s)   ((s) & 1u)
#define NVME_CQE_STATUS(s)  ((uint16_t)((s) >> 1))  /* SCT << 8 | SC, plus M and DNR */
#define NVME_STATUS_CODE(s) ((s) & 0x7ffu)          /* SCT and SC */

/* §5.15.2.1: Identify Controller fields (byte offsets). */
#define NVME_IDC_SN         4           /* serial number, 20 ASCII bytes */
#define NVME_IDC_MN         24          /* model number, 40 */
#define NVME_IDC_MDTS       77          /* max transfer: 2^MDTS min pages, 0: none */
#define NVME_IDC_NN         516         /* number of namespaces (u32) */
#define NVME_IDC_VWC        525         /* bit 0: volatile write cache present */

/* §5.15.2.2 (NVM command set): Identify Namespace fields. */
#define NVME_IDN_NSZE       0           /* size in logical blocks (u64) */
#define NVME_IDN_NLBAF      25          /* number of LBA formats - 1 */
#define NVME_IDN_FLBAS      26          /* bits 3:0: the format in use */
#define NVME_IDN_LBAF       128         /* formats, 4 bytes each; byte 2 is LBADS */

#endif
