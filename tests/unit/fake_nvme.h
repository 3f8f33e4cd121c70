/*
 * A fake NVMe controller for the nvme driver's host tests, on libatxf-fake:
 * the registers of NVMe 1.4 §3.1 as QEMU's hw/nvme lays them out, an admin
 * queue and I/O queues it serves the moment a tail doorbell is written,
 * IDENTIFY (CNS 0, 1, 2), Set Features Number of Queues, Create I/O CQ/SQ,
 * and Read/Write/Flush of one namespace through PRP1/PRP2 and PRP lists
 * into a disk array. Faults the tests set: a completion dropped, the
 * controller fatal status.
 */
#ifndef FAKE_NVME_H
#define FAKE_NVME_H

#include <stdint.h>

#define FAKE_NVME_PADDR   0xfeb00000ull
#define FAKE_NVME_SIZE    0x2000u
#define FAKE_NVME_BLOCKS  2048u         /* of 512 bytes: 1 MiB */
#define FAKE_NVME_MAXQ    2             /* I/O queue pairs it grants */
#define FAKE_NVME_MDTS    5             /* 128 KiB per command */

struct fake_nvme_q {
	uint64_t bus;
	uint16_t size, head, tail;
	uint16_t cqid;                      /* an SQ's CQ */
	uint8_t phase;                      /* a CQ's */
	int live;
};

struct fake_nvme {
	uint32_t cc, csts, aqa;
	uint64_t asq, acq;
	struct fake_nvme_q sq[FAKE_NVME_MAXQ + 1], cq[FAKE_NVME_MAXQ + 1];
	uint8_t disk[FAKE_NVME_BLOCKS * 512u];
	unsigned drop_writes;               /* completions of Writes to drop */
	unsigned enables;                   /* CC.EN 0 -> 1 transitions */
	unsigned commands;                  /* I/O commands done */
	unsigned prp_lists;                 /* commands whose PRP2 was a list */
	uint16_t bad_cid;                   /* nonzero: post a completion with it once */
};

/* Adds the controller's MMIO at FAKE_NVME_PADDR; returns the mapped registers. */
volatile uint8_t *fake_nvme_add(struct fake_nvme *f);

#endif
