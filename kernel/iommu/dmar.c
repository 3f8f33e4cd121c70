/*
 * The ACPI DMAR table (VT-d spec §8.1, §8.3): a header, then remapping
 * structures, of which a DRHD (type 0) names a remapping unit's register
 * base. QEMU's intel-iommu reports one DRHD for segment 0, which is all
 * this kernel drives; we put every device of it behind that unit.
 */
#include "arch/x86_64/acpi.h"
#include "iommu/vtd.h"
#include "lib/log.h"
#include "lib/string.h"

#define DMAR_STRUCTS_OFFSET 48      /* header 36, width 1, flags 1, reserved 10 */
#define DMAR_TYPE_DRHD      0

struct dmar_struct {
	uint16_t type;
	uint16_t length;
} __attribute__((packed));

struct dmar_drhd {
	uint16_t type;
	uint16_t length;
	uint8_t flags;
	uint8_t reserved;
	uint16_t segment;
	uint64_t base;          /* register base address */
} __attribute__((packed));

uint64_t dmar_find_unit(void)
{
	const struct acpi_sdt_header *h = acpi_find_table("DMAR");
	const uint8_t *t = (const uint8_t *)h;

	if (!h)
		return 0;
	for (uint32_t off = DMAR_STRUCTS_OFFSET; off + sizeof(struct dmar_drhd) <= h->length;) {
		struct dmar_drhd d;

		memcpy(&d, t + off, sizeof(d));         /* structures are unaligned */
		if (d.length < sizeof(struct dmar_struct))
			break;                          /* malformed: stop, do not loop */
		if (d.type == DMAR_TYPE_DRHD && d.segment == 0)
			return d.base;
		off += d.length;
	}
	return 0;
}
