/*
 * AHCI registers and in-memory structures (Serial ATA AHCI 1.3.1), and
 * the Register H2D FIS (SATA 3.2 §10.5.5). Section numbers are AHCI's.
 */
#ifndef AHCI_REG_H
#define AHCI_REG_H

#include <stdint.h>

/* §3.1 Generic host control (ABAR = BAR 5). */
#define AHCI_CAP        0x00
#define   AHCI_CAP_NP(c)    (((c) & 0x1f) + 1)          /* ports */
#define   AHCI_CAP_NCS(c)   ((((c) >> 8) & 0x1f) + 1)   /* command slots per port */
#define   AHCI_CAP_SNCQ     (1u << 30)                  /* native command queuing */
#define   AHCI_CAP_S64A     (1u << 31)                  /* 64-bit addressing */
#define AHCI_GHC        0x04
#define   AHCI_GHC_HR       (1u << 0)                   /* HBA reset */
#define   AHCI_GHC_IE       (1u << 1)                   /* interrupt enable */
#define   AHCI_GHC_AE       (1u << 31)                  /* AHCI enable */
#define AHCI_IS         0x08                            /* a bit per port with PxIS & PxIE */
#define AHCI_PI         0x0c                            /* ports implemented */
#define AHCI_VS         0x10

#define AHCI_MAX_PORTS  32
#define AHCI_MAX_SLOTS  32

/* §3.3 Port registers, at 0x100 + port * 0x80. */
#define AHCI_PORT(p)    (0x100u + (unsigned)(p) * 0x80u)
#define PX_CLB          0x00
#define PX_CLBU         0x04
#define PX_FB           0x08
#define PX_FBU          0x0c
#define PX_IS           0x10
#define PX_IE           0x14
#define PX_CMD          0x18
#define PX_TFD          0x20
#define PX_SIG          0x24
#define PX_SSTS         0x28
#define PX_SCTL         0x2c
#define PX_SERR         0x30
#define PX_SACT         0x34
#define PX_CI           0x38

/* §3.3.5 PxIS / PxIE bits. */
#define PX_IS_DHRS      (1u << 0)      /* D2H register FIS: a non-queued command ended */
#define PX_IS_PSS       (1u << 1)      /* PIO setup FIS */
#define PX_IS_DSS       (1u << 2)
#define PX_IS_SDBS      (1u << 3)      /* set device bits FIS: NCQ completions */
#define PX_IS_DPS       (1u << 5)      /* a PRD with I set was done */
#define PX_IS_OFS       (1u << 24)     /* overflow: PRDT shorter than the transfer */
#define PX_IS_INFS      (1u << 26)
#define PX_IS_IFS       (1u << 27)     /* interface fatal */
#define PX_IS_HBDS      (1u << 28)     /* host bus data error */
#define PX_IS_HBFS      (1u << 29)     /* host bus fatal: a bad address */
#define PX_IS_TFES      (1u << 30)     /* task file error: ERR in the status */
#define PX_IS_ERRORS    (PX_IS_OFS | PX_IS_INFS | PX_IS_IFS | PX_IS_HBDS | PX_IS_HBFS | PX_IS_TFES)
#define PX_IE_USED      (PX_IS_DHRS | PX_IS_PSS | PX_IS_SDBS | PX_IS_DPS | PX_IS_ERRORS)

/* §3.3.7 PxCMD. */
#define PX_CMD_ST       (1u << 0)      /* start: process the command list */
#define PX_CMD_SUD      (1u << 1)      /* spin-up device */
#define PX_CMD_POD      (1u << 2)      /* power on device */
#define PX_CMD_FRE      (1u << 4)      /* FIS receive enable */
#define PX_CMD_FR       (1u << 14)     /* FIS receive running */
#define PX_CMD_CR       (1u << 15)     /* command list running */

/* §3.3.8 PxTFD: status in bits 7:0, error in 15:8. */
#define PX_TFD_STS(t)   ((uint8_t)((t) & 0xff))
#define PX_TFD_ERR(t)   ((uint8_t)(((t) >> 8) & 0xff))

/* §3.3.10-11 PxSSTS.DET, PxSCTL.DET. */
#define PX_SSTS_DET(s)  ((s) & 0xf)
#define   PX_DET_PRESENT    3          /* device present, phy communication up */
#define PX_SCTL_DET_INIT 1             /* COMRESET while set */

#define AHCI_SIG_ATA    0x00000101u    /* §3.3.9: a disk answered the reset */

/* §4.2.2 Command header: 32 per port, 1 KiB, 1 KiB aligned. */
struct ahci_cmd_header {
	uint16_t flags;        /* CFL (dwords of the command FIS) 4:0, W 6, P 7, C 10 */
	uint16_t prdtl;        /* PRDT entries */
	uint32_t prdbc;        /* bytes transferred, written by the HBA */
	uint64_t ctba;         /* command table, 128-byte aligned */
	uint32_t reserved[4];
};
#define AHCI_HDR_W      (1u << 6)      /* host to device */
#define AHCI_HDR_C      (1u << 10)     /* clear BSY on R_OK (for resets) */

/* §4.2.3.3 PRDT entry. */
struct ahci_prd {
	uint64_t dba;          /* data address; bit 0 must be 0 (word aligned) */
	uint32_t reserved;
	uint32_t dbc;          /* bytes - 1 in 21:0 (even count); I at 31 */
};
#define AHCI_PRD_MAX    (4u << 20)

/* §4.2.3 Command table: CFIS 64 bytes, ACMD 16, reserved 48, then the PRDT. */
#define AHCI_PRDS_PER_CMD 72   /* a 256 KiB transfer at any address takes 65; 72 fills the table to 128-byte multiples */
struct ahci_cmd_table {
	uint8_t cfis[64];
	uint8_t acmd[16];
	uint8_t reserved[48];
	struct ahci_prd prd[AHCI_PRDS_PER_CMD];
};

/* §4.2.1 Received FIS area, 256 bytes, 256 aligned. */
#define AHCI_RFIS_SIZE  256
#define AHCI_RFIS_D2H   0x40           /* the last Register D2H FIS */

/* SATA 3.2 §10.5.5 Register Host to Device FIS. */
#define FIS_TYPE_REG_H2D 0x27
#define FIS_H2D_C       0x80           /* the command register is updated */

_Static_assert(sizeof(struct ahci_cmd_header) == 32, "AHCI command header is 32 bytes");
_Static_assert(sizeof(struct ahci_prd) == 16, "AHCI PRD is 16 bytes");
_Static_assert(sizeof(struct ahci_cmd_table) % 128 == 0, "command tables are 128-byte aligned");

#endif
