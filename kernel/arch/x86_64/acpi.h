/*
 * Just enough ACPI to find the interrupt controllers: the RSDP, the RSDT or
 * XSDT, and the MADT (ACPI 6.5 §5.2.5, §5.2.7, §5.2.8, §5.2.12); and any
 * table by signature, for SYS_ACPI_TABLE (devmgr reads the DSDT's _PRT).
 */
#ifndef ARCH_X86_64_ACPI_H
#define ARCH_X86_64_ACPI_H

#include <stdbool.h>
#include <stdint.h>

#define MAX_IOAPICS 4
#define MAX_CPUS    64

struct acpi_sdt_header {
	char signature[4];
	uint32_t length;        /* of the whole table, header included */
	uint8_t revision;
	uint8_t checksum;       /* all bytes of the table sum to 0 */
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __attribute__((packed));

struct ioapic_info {
	uint8_t id;
	uint32_t phys;          /* register window */
	uint32_t gsi_base;      /* first GSI it serves */
};

/* An ISA IRQ wired to a different GSI or polarity (MADT type 2). */
struct irq_override {
	bool present;
	uint32_t gsi;
	bool active_low;
	bool level;
};

/* What the MADT says about the interrupt system. */
struct madt_info {
	uint64_t lapic_phys;
	bool has_8259;          /* PCAT_COMPAT: legacy PICs present */
	int ncpus;
	uint8_t cpu_apic_ids[MAX_CPUS];
	int nioapics;
	struct ioapic_info ioapics[MAX_IOAPICS];
	struct irq_override isa[16];
};

/* Finds the MADT and fills *out; false if there is no usable ACPI. */
bool acpi_read_madt(struct madt_info *out);
/* Maps a table by signature (the first one, verified; "DSDT" through the
 * FADT); NULL if absent. */
const struct acpi_sdt_header *acpi_find_table(const char sig[4]);

#endif
