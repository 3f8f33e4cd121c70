/*
 * pc's INTx routing (piix.h). PIIX3 datasheet, function 0 register
 * PIRQRC[A:D] (offsets 60h-63h): each PIRQ line goes to the ISA IRQ in
 * bits 3-0 unless bit 7 is set; SeaBIOS programs IRQ 10, 10, 11, 11. The
 * board wires slot S's pin P (0 = INTA#) to PIRQ[(S + P - 1) mod 4], the
 * i440FX rotation QEMU emulates (hw/pci-host/i440fx.c) and its DSDT's
 * _PRT loop computes. QEMU device: -machine pc.
 */
#include <string.h>
#include "piix.h"

#define PIIX3_ISA      0x7000   /* 8086:7000, PIIX3 function 0 */
#define PIIX4_ISA      0x7110   /* 8086:7110, PIIX4 function 0: the same registers */
#define PIRQ_DISABLED  0x80
#define MADT_ENTRIES   44       /* header, local APIC address, flags */
#define MADT_OVERRIDE  2

int dm_piix_isa_bridge(const struct dm_device *d)
{
	return d->bus == DM_BUS_PCI && d->pci.vendor == 0x8086 && (d->pci.bdf >> 8) == 0 &&
	       (d->pci.device == PIIX3_ISA || d->pci.device == PIIX4_ISA) &&
	       (d->pci.bdf & 7) == 0;
}

int dm_piix_table(const uint8_t pirq[4], const uint32_t isa_gsi[16], struct dm_prt *out)
{
	out->count = 0;
	for (unsigned slot = 0; slot < 32; slot++) {
		for (unsigned pin = 0; pin < 4; pin++) {
			uint8_t route = pirq[(slot + pin + 3) % 4];     /* (S + P - 1) mod 4 */

			if (route & PIRQ_DISABLED)
				continue;
			out->e[out->count++] = (struct dm_prt_entry){
				.slot = (uint8_t)slot, .pin = (uint8_t)pin,
				.gsi = isa_gsi[route & 0x0f] };
		}
	}
	memcpy(out->table, "PIIX", 5);
	return out->count ? 0 : -1;
}

void dm_madt_isa_gsi(const uint8_t *madt, size_t len, uint32_t isa_gsi[16])
{
	const uint8_t *e, *end;

	for (unsigned i = 0; i < 16; i++)
		isa_gsi[i] = i;
	if (!madt || len < MADT_ENTRIES)
		return;
	end = madt + len;
	/* Type 2: bus (0, ISA), source IRQ, GSI (4 bytes), flags. */
	for (e = madt + MADT_ENTRIES; end - e >= 2 && e[1] >= 2 && e[1] <= end - e; e += e[1])
		if (e[0] == MADT_OVERRIDE && e[1] >= 10 && e[2] == 0 && e[3] < 16)
			isa_gsi[e[3]] = (uint32_t)e[4] | (uint32_t)e[5] << 8 |
					(uint32_t)e[6] << 16 | (uint32_t)e[7] << 24;
}
