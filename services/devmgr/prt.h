/*
 * The PCI interrupt routing of the host bridge's bus, from the DSDT's
 * _PRT (ACPI 6.5 §6.2.13): for each slot and INTx pin of bus 0, the GSI
 * its line reaches at the IOAPIC. docs/pci-interrupts.md says why ACPI and
 * not the chipset's registers. Pure code (aml.c underneath); the host
 * tests feed it hand-assembled tables (tests/unit/test_devmgr_prt.c).
 */
#ifndef DEVMGR_PRT_H
#define DEVMGR_PRT_H

#include <stddef.h>
#include <stdint.h>
#include "aml.h"

#define DM_PRT_MAX 128          /* 32 slots x 4 pins */

struct dm_prt_entry {
	uint8_t slot;           /* device number on bus 0 */
	uint8_t pin;            /* 0 = INTA# .. 3 = INTD# (the _PRT's numbering) */
	uint32_t gsi;
};

struct dm_prt {
	struct dm_prt_entry e[DM_PRT_MAX];
	unsigned count;
	char table[AML_PATH_MAX];       /* the package read, e.g. "\_SB_PCI0PRTA" */
};

/*
 * Reads the routing from a whole DSDT (header included). Returns 0, or
 * -1 with why = a sentence naming what is missing or malformed.
 */
int dm_prt_read(const uint8_t *dsdt, size_t len, struct dm_prt *out, char *why,
		size_t why_size);

/* The GSI of (slot, pin) on bus 0: 0, or -1 if the table has no entry. */
int dm_prt_gsi(const struct dm_prt *prt, unsigned slot, unsigned pin, uint32_t *gsi);

#endif
