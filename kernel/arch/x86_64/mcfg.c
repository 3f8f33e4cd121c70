/*
 * MCFG (arch/x86_64/mcfg.h): after the common header, 8 reserved bytes,
 * then 16-byte allocation entries: base u64, segment u16, start bus u8,
 * end bus u8, 4 reserved (PCI Firmware 3.0 table 4-3).
 */
#include "arch/x86_64/acpi.h"
#include "arch/x86_64/mcfg.h"
#include "lib/string.h"

#define MCFG_ENTRIES_AT 44      /* header (36) + reserved (8) */
#define MCFG_ENTRY_SIZE 16

bool mcfg_segment0(struct ecam_window *out)
{
	const struct acpi_sdt_header *h = acpi_find_table("MCFG");
	const uint8_t *t = (const uint8_t *)h;

	for (uint32_t at = MCFG_ENTRIES_AT; h && at + MCFG_ENTRY_SIZE <= h->length;
	     at += MCFG_ENTRY_SIZE) {
		uint16_t segment;

		memcpy(&segment, t + at + 8, 2);
		if (segment != 0 || t[at + 11] < t[at + 10])
			continue;
		memcpy(&out->base, t + at, 8);
		out->bus_first = t[at + 10];
		out->bus_last = t[at + 11];
		return out->base != 0;
	}
	return false;
}
