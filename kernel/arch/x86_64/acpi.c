/*
 * ACPI table discovery. The RSDP is found by the BIOS rules (ACPI 6.5
 * §5.2.5.1): on a 16-byte boundary in the first KiB of the EBDA or in
 * 0xe0000..0xfffff. Tables are mapped read-only through the KVA region,
 * since firmware may put them in "reserved" memory the direct map skips.
 * QEMU device: SeaBIOS's tables (-machine q35 or pc).
 */
#include "arch/x86_64/acpi.h"
#include "arch/x86_64/memlayout.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/kva.h"

struct rsdp {
	char signature[8];      /* "RSD PTR " */
	uint8_t checksum;       /* first 20 bytes sum to 0 */
	char oem_id[6];
	uint8_t revision;       /* 0: ACPI 1.0 (RSDT only), 2+: XSDT too */
	uint32_t rsdt_phys;
	uint32_t length;        /* revision 2+ */
	uint64_t xsdt_phys;
	uint8_t ext_checksum;   /* all `length` bytes sum to 0 */
	uint8_t reserved[3];
} __attribute__((packed));

#define EBDA_SEGMENT_PTR 0x40e
#define BIOS_AREA_START  0xe0000
#define BIOS_AREA_END    0x100000

static const struct rsdp *rsdp;

static uint8_t sum(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint8_t s = 0;

	while (n--)
		s += *b++;
	return s;
}

static const struct rsdp *scan(uint64_t start, uint64_t end)
{
	const char *base = kva_map_phys(start, end - start, 0);

	for (uint64_t off = 0; base && off + 20 <= end - start; off += 16) {
		const struct rsdp *r = (const void *)(base + off);
		if (!memcmp(r->signature, "RSD PTR ", 8) && sum(r, 20) == 0)
			return r;
	}
	return NULL;
}

static const struct rsdp *find_rsdp(void)
{
	const uint16_t *ebda_seg = kva_map_phys(EBDA_SEGMENT_PTR, 2, 0);
	uint64_t ebda = ebda_seg ? (uint64_t)*ebda_seg << 4 : 0;
	const struct rsdp *r = NULL;

	if (ebda >= 0x80000 && ebda < BIOS_AREA_START)
		r = scan(ebda, ebda + 1024);
	return r ? r : scan(BIOS_AREA_START, BIOS_AREA_END);
}

/* Maps a whole table and checks its checksum; NULL if bad. */
static const struct acpi_sdt_header *map_table(uint64_t pa)
{
	const struct acpi_sdt_header *h = kva_map_phys(pa, sizeof(*h), 0);

	if (!h || h->length < sizeof(*h) || h->length > (1u << 20))
		return NULL;
	h = kva_map_phys(pa, h->length, 0);
	return h && sum(h, h->length) == 0 ? h : NULL;
}

/* The i-th table address of the RSDT (4-byte entries) or XSDT (8-byte). */
static uint64_t root_entry(const struct acpi_sdt_header *root, bool xsdt, size_t i)
{
	const uint8_t *e = (const uint8_t *)(root + 1) + i * (xsdt ? 8 : 4);
	uint64_t v = 0;

	memcpy(&v, e, xsdt ? 8 : 4);            /* entries are unaligned */
	return v;
}

/* The DSDT is no RSDT entry: the FADT points at it (ACPI 6.5 §5.2.9,
 * X_DSDT at offset 140 when the table is that long and it is set, else
 * the 32-bit DSDT at offset 40). */
#define FADT_DSDT   40
#define FADT_X_DSDT 140

static const struct acpi_sdt_header *find_dsdt(void)
{
	const struct acpi_sdt_header *fadt = acpi_find_table("FACP");
	uint64_t pa = 0;
	uint32_t pa32 = 0;

	if (!fadt || fadt->length < FADT_DSDT + 4)
		return NULL;
	if (fadt->length >= FADT_X_DSDT + 8)
		memcpy(&pa, (const uint8_t *)fadt + FADT_X_DSDT, 8);
	if (!pa) {
		memcpy(&pa32, (const uint8_t *)fadt + FADT_DSDT, 4);
		pa = pa32;
	}
	return pa ? map_table(pa) : NULL;
}

const struct acpi_sdt_header *acpi_find_table(const char sig[4])
{
	if (!memcmp(sig, "DSDT", 4))
		return find_dsdt();

	if (!rsdp && !(rsdp = find_rsdp()))
		return NULL;
	bool xsdt = rsdp->revision >= 2 && rsdp->xsdt_phys;
	const struct acpi_sdt_header *root = map_table(xsdt ? rsdp->xsdt_phys : rsdp->rsdt_phys);

	if (!root)
		return NULL;
	size_t n = (root->length - sizeof(*root)) / (xsdt ? 8 : 4);
	for (size_t i = 0; i < n; i++) {
		const struct acpi_sdt_header *h = map_table(root_entry(root, xsdt, i));
		if (h && !memcmp(h->signature, sig, 4))
			return h;
	}
	return NULL;
}
