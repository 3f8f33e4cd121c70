/*
 * A fake AHCI HBA with one port for the ahci driver's host test
 * (test_ahci.c), modelled on QEMU 7.2's hw/ide/ahci.c: GHC.HR resets at
 * once, FRE sends the disk's first D2H FIS (signature 0x101), a COMRESET
 * (PxSCTL.DET 1 -> 0) resets the port, and issued commands run when the
 * test calls fake_ahci_run: IDENTIFY (ide-hd's answer, ata_ide_hd.c),
 * READ/WRITE DMA EXT and FPDMA QUEUED on a RAM disk, FLUSH CACHE EXT. A
 * command touching bad_sector fails as QEMU fails it: ABRT, ERR, TFES.
 */
#ifndef TESTS_UNIT_FAKE_AHCI_H
#define TESTS_UNIT_FAKE_AHCI_H

#include <stdbool.h>
#include <stdint.h>

#define FAKE_AHCI_PADDR   0xfebf0000ull
#define FAKE_AHCI_SECTORS 4096u

struct fake_ahci {
	uint32_t ghc, is;
	uint32_t clb, fb, pis, pie, cmd, tfd, sig, sctl, serr, sact, ci;
	bool present;
	bool d2h_sent;
	bool hang;                  /* issued commands never run */
	bool sync;                  /* commands run when issued (bring-up polls) */
	uint64_t bad_sector;        /* UINT64_MAX: none */
	unsigned comresets, flushes, ncq_cmds, dma_cmds;
	uint8_t disk[FAKE_AHCI_SECTORS * 512];
};

/* Registers the HBA's MMIO at FAKE_AHCI_PADDR; returns it mapped. */
volatile uint8_t *fake_ahci_add(struct fake_ahci *f);
/* Runs every issued command (also at once on issue while sync is set);
 * returns how many ran. */
unsigned fake_ahci_run(struct fake_ahci *f);

#endif
