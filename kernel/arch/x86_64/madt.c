/*
 * The MADT ("APIC" table, ACPI 6.5 §5.2.12): local APIC address, the CPUs,
 * the IOAPICs and how ISA IRQs map onto GSIs. QEMU overrides IRQ0 (the PIT)
 * to GSI 2, for one; everything not overridden is identity-mapped and
 * edge-triggered active-high, as on the ISA bus.
 */
#include "arch/x86_64/acpi.h"
#include "lib/string.h"

#define MADT_PCAT_COMPAT   1u
#define MADT_LAPIC         0
#define MADT_IOAPIC        1
#define MADT_OVERRIDE      2
#define MADT_LAPIC_ADDRESS 5
#define LAPIC_ENABLED      1u
#define LAPIC_ONLINE_CAPABLE 2u

struct madt_entry {
	uint8_t type;
	uint8_t length;
} __attribute__((packed));

static uint32_t le32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static void add_cpu(struct madt_info *m, const uint8_t *e)
{
	uint32_t flags = le32(e + 4);

	if ((flags & (LAPIC_ENABLED | LAPIC_ONLINE_CAPABLE)) && m->ncpus < MAX_CPUS)
		m->cpu_apic_ids[m->ncpus++] = e[3];
}

static void add_ioapic(struct madt_info *m, const uint8_t *e)
{
	if (m->nioapics < MAX_IOAPICS)
		m->ioapics[m->nioapics++] = (struct ioapic_info){
			.id = e[2], .phys = le32(e + 4), .gsi_base = le32(e + 8) };
}

/* Flags: polarity in bits 0-1 (3 = active low), trigger in 2-3 (3 = level). */
static void add_override(struct madt_info *m, const uint8_t *e)
{
	uint16_t flags = e[8] | e[9] << 8;

	if (e[2] != 0 || e[3] >= 16)            /* bus 0 is ISA */
		return;
	m->isa[e[3]] = (struct irq_override){
		.present = true, .gsi = le32(e + 4),
		.active_low = (flags & 3) == 3, .level = ((flags >> 2) & 3) == 3 };
}

/* The bytes each entry type must have for the fields read below. */
static const uint8_t min_length[] = {
	[MADT_LAPIC] = 8, [MADT_IOAPIC] = 12, [MADT_OVERRIDE] = 10,
	[MADT_LAPIC_ADDRESS] = 12,
};

static void parse_entry(struct madt_info *m, const uint8_t *e)
{
	if (e[0] < sizeof(min_length) && e[1] < min_length[e[0]])
		return;                         /* truncated entry: ignore it */
	switch (e[0]) {
	case MADT_LAPIC:
		add_cpu(m, e);
		break;
	case MADT_IOAPIC:
		add_ioapic(m, e);
		break;
	case MADT_OVERRIDE:
		add_override(m, e);
		break;
	case MADT_LAPIC_ADDRESS:
		memcpy(&m->lapic_phys, e + 4, 8);
		break;
	}
}

bool acpi_read_madt(struct madt_info *m)
{
	const struct acpi_sdt_header *h = acpi_find_table("APIC");

	memset(m, 0, sizeof(*m));
	if (!h || h->length < sizeof(*h) + 8)
		return false;
	const uint8_t *body = (const uint8_t *)(h + 1);
	const uint8_t *end = (const uint8_t *)h + h->length;

	m->lapic_phys = le32(body);
	m->has_8259 = le32(body + 4) & MADT_PCAT_COMPAT;
	for (const uint8_t *e = body + 8; e + 2 <= end && e[1] >= 2 && e + e[1] <= end; e += e[1])
		parse_entry(m, e);
	return true;
}
