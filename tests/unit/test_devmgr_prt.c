/*
 * devmgr's INTx routing on the host (services/devmgr/aml.c, prt.c,
 * intx.c): DSDTs assembled here byte by byte, shaped like QEMU's q35 one
 * (a _PRT method returning a PIC-mode or an APIC-mode package), a static
 * _PRT, and the tables devmgr must refuse with a reason (PIC links only,
 * a computed _PRT, no host bridge, an unreadable scope, every truncation
 * of a good table); the bridge swizzle over hand-made device lists; and
 * pc's routing from the PIIX3's PIRQ registers and the MADT's overrides.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "aml.h"
#include "intx.h"
#include "piix.h"
#include "prt.h"

/* ---- a tiny AML assembler ------------------------------------------------ */

struct aml_buf {
	uint8_t b[16384];
	size_t n;
};

static void put(struct aml_buf *a, const void *p, size_t n)
{
	assert_true(a->n + n <= sizeof(a->b));
	memcpy(a->b + a->n, p, n);
	a->n += n;
}

static void byte(struct aml_buf *a, unsigned v)
{
	uint8_t b = (uint8_t)v;

	put(a, &b, 1);
}

/* Opens an object with a 3-byte PkgLength (valid for any length, if not the
 * shortest); end() fills it in. ops above 0xff are 0x5b-prefixed. */
static size_t begin(struct aml_buf *a, unsigned op)
{
	size_t at;

	if (op > 0xff)
		byte(a, 0x5b);
	byte(a, op & 0xff);
	at = a->n;
	a->n += 3;
	return at;
}

static void end(struct aml_buf *a, size_t at)
{
	size_t len = a->n - at;

	a->b[at] = (uint8_t)(0x80 | (len & 0x0f));
	a->b[at + 1] = (uint8_t)(len >> 4);
	a->b[at + 2] = (uint8_t)(len >> 12);
}

/* "\\_SB_.PCI0" or "GSIE": the NameString encoding. */
static void path(struct aml_buf *a, const char *s)
{
	unsigned segs;

	while (*s == '\\' || *s == '^')
		byte(a, (uint8_t)*s++);
	segs = (unsigned)(strlen(s) + 1) / 5;
	if (segs == 0)
		byte(a, 0);                     /* NullName: "\" alone */
	else if (segs == 2)
		byte(a, 0x2e);
	else if (segs > 2)
		byte(a, 0x2f), byte(a, segs);
	for (unsigned i = 0; i < segs; i++)
		put(a, s + 5 * i, 4);
}

static void integer(struct aml_buf *a, uint64_t v)
{
	unsigned n = v < 0x100 ? 1 : v < 0x10000 ? 2 : v < 0x100000000ull ? 4 : 8;

	if (v <= 1) {
		byte(a, (unsigned)v);
		return;
	}
	byte(a, n == 1 ? 0x0a : n == 2 ? 0x0b : n == 4 ? 0x0c : 0x0e);
	for (unsigned i = 0; i < n; i++)
		byte(a, (unsigned)(v >> (8 * i)));
}

static void name_int(struct aml_buf *a, const char *name, uint64_t v)
{
	byte(a, 0x08);
	path(a, name);
	integer(a, v);
}

/* Package { slot << 16 | 0xffff, pin, source or 0, index }, with the
 * shortest (1-byte) PkgLength, as QEMU writes small packages. */
static void prt_entry(struct aml_buf *a, unsigned slot, unsigned pin, const char *src,
		      unsigned index)
{
	struct aml_buf t = { .n = 0 };

	byte(&t, 4);
	integer(&t, (uint64_t)slot << 16 | 0xffff);
	integer(&t, pin);
	if (src)
		path(&t, src);
	else
		byte(&t, 0);
	integer(&t, index);
	byte(a, 0x12);
	byte(a, (unsigned)t.n + 1);
	put(a, t.b, t.n);
}

/* Name(NAME, Package { every slot and pin, links from link(slot, pin) }). */
static void prt_package(struct aml_buf *a, const char *name, const char *prefix, unsigned slots)
{
	size_t at;
	char link[5];

	byte(a, 0x08);
	path(a, name);
	at = begin(a, 0x12);
	byte(a, slots * 4);
	for (unsigned s = 0; s < slots; s++) {
		for (unsigned p = 0; p < 4; p++) {
			snprintf(link, sizeof(link), "%s%c", prefix, 'E' + (s + p) % 4);
			prt_entry(a, s, p, link, 0);
		}
	}
	end(a, at);
}

/* Device(GSIx) { Name(_CRS, ResourceTemplate { Interrupt (...) { gsi } }) } */
static void gsi_link(struct aml_buf *a, const char *name, unsigned gsi)
{
	const uint8_t ext_irq[] = { 0x89, 6, 0, 0x09, 1, (uint8_t)gsi, 0, 0, 0, 0x79, 0 };
	size_t dev = begin(a, 0x5b82), buf;

	path(a, name);
	name_int(a, "_HID", 0x0f0cd041);       /* PNP0C0F */
	byte(a, 0x08);
	path(a, "_CRS");
	buf = begin(a, 0x11);
	integer(a, sizeof(ext_irq));
	put(a, ext_irq, sizeof(ext_irq));
	end(a, buf);
	end(a, dev);
}

/* Device(LNKx) { Method(_CRS) { Return (IQCR (PRQx)) } }: a PIC link. */
static void pic_link(struct aml_buf *a, const char *name)
{
	size_t dev = begin(a, 0x5b82), m;

	path(a, name);
	m = begin(a, 0x14);
	path(a, "_CRS");
	byte(a, 0);
	byte(a, 0xa4);
	path(a, "IQCR");
	path(a, "PRQA");
	end(a, m);
	end(a, dev);
}

/* Method(_PRT) { If (LEqual (PICF, Zero)) { Return (PRTP) } Else { Return (PRTA) } } */
static void prt_method(struct aml_buf *a)
{
	size_t m = begin(a, 0x14), i, e;

	path(a, "_PRT");
	byte(a, 0);
	i = begin(a, 0xa0);
	byte(a, 0x93);
	path(a, "PICF");
	byte(a, 0);
	byte(a, 0xa4);
	path(a, "PRTP");
	end(a, i);
	e = begin(a, 0xa1);
	byte(a, 0xa4);
	path(a, "PRTA");
	end(a, e);
	end(a, m);
}

static void header(struct aml_buf *a)
{
	uint8_t h[36] = { 'D', 'S', 'D', 'T' };

	put(a, h, sizeof(h));
}

static void finish(struct aml_buf *a)
{
	uint32_t len = (uint32_t)a->n;

	memcpy(a->b + 4, &len, 4);
}

/* What the q35 DSDT has that matters, and things a reader must pass over. */
static void q35_like(struct aml_buf *a, int with_apic_table, int bad_opcode_in_pci0)
{
	size_t sb, pci0, reg;

	header(a);
	name_int(a, "PICF", 0);
	reg = begin(a, 0x10);                   /* Scope(\) { OperationRegion, Field } */
	path(a, "\\");
	byte(a, 0x5b), byte(a, 0x80);
	path(a, "DBG_");
	byte(a, 1);
	integer(a, 0x402);
	integer(a, 1);
	end(a, reg);
	sb = begin(a, 0x10);
	path(a, "\\_SB_");
	pci0 = begin(a, 0x5b82);
	path(a, "PCI0");
	name_int(a, "_HID", 0x080ad041);       /* PNP0A08 */
	name_int(a, "_CID", 0x030ad041);
	if (bad_opcode_in_pci0)
		byte(a, 0x5b), byte(a, 0x99);   /* no such extended opcode */
	prt_package(a, "PRTP", "LNK", 24);
	if (with_apic_table)
		prt_package(a, "PRTA", "GSI", 24);
	prt_method(a);
	end(a, pci0);
	for (unsigned i = 0; i < 4; i++) {
		char name[5] = { 'L', 'N', 'K', (char)('E' + i), 0 };

		pic_link(a, name);
		name[0] = 'G', name[1] = 'S', name[2] = 'I';
		gsi_link(a, name, 20 + i);
	}
	end(a, sb);
	finish(a);
}

static struct aml_buf dsdt;
static struct dm_prt prt;
static char why[160];

static int read_dsdt(void)
{
	why[0] = '\0';
	return dm_prt_read(dsdt.b, dsdt.n, &prt, why, sizeof(why));
}

static uint32_t gsi_of(unsigned slot, unsigned pin)
{
	uint32_t gsi = 0;

	assert_int_equal(dm_prt_gsi(&prt, slot, pin, &gsi), 0);
	return gsi;
}

/* ---- reading the routing ------------------------------------------------- */

static void test_q35_method_picks_the_apic_table(void **state)
{
	(void)state;
	dsdt.n = 0;
	q35_like(&dsdt, 1, 0);
	assert_int_equal(read_dsdt(), 0);
	assert_string_equal(prt.table, "\\_SB_PCI0PRTA");
	assert_int_equal(prt.count, 96);
	assert_int_equal(gsi_of(0x10, 0), 20);          /* (16 + 0) mod 4 = 0: GSIE */
	assert_int_equal(gsi_of(0x11, 0), 21);
	assert_int_equal(gsi_of(0x12, 3), 21);          /* (18 + 3) mod 4 = 1: GSIF */
	assert_int_equal(gsi_of(0x13, 1), 20);
	assert_int_equal(dm_prt_gsi(&prt, 0x1f, 0, &(uint32_t){ 0 }), -1);
}

static void test_static_prt_with_gsi_indexes(void **state)
{
	size_t sb, dev, pkg;

	(void)state;
	dsdt.n = 0;
	header(&dsdt);
	sb = begin(&dsdt, 0x10);
	path(&dsdt, "\\_SB_");
	dev = begin(&dsdt, 0x5b82);
	path(&dsdt, "PCI0");
	name_int(&dsdt, "_HID", 0x030ad041);   /* PNP0A03 */
	byte(&dsdt, 0x08);
	path(&dsdt, "_PRT");
	pkg = begin(&dsdt, 0x12);
	byte(&dsdt, 2);
	prt_entry(&dsdt, 3, 0, NULL, 17);       /* Source 0: the index is the GSI */
	prt_entry(&dsdt, 3, 1, NULL, 18);
	end(&dsdt, pkg);
	end(&dsdt, dev);
	end(&dsdt, sb);
	finish(&dsdt);
	assert_int_equal(read_dsdt(), 0);
	assert_string_equal(prt.table, "\\_SB_PCI0_PRT");
	assert_int_equal(prt.count, 2);
	assert_int_equal(gsi_of(3, 0), 17);
	assert_int_equal(gsi_of(3, 1), 18);
}

static void test_refused_tables(void **state)
{
	size_t sb, dev, m, w;

	(void)state;
	dsdt.n = 0;
	q35_like(&dsdt, 0, 0);                  /* PRTP only: every link is PIC-mode */
	assert_int_equal(read_dsdt(), -1);
	assert_non_null(strstr(why, "link LNKE has no fixed _CRS (it is code: a PIC-mode link)"));

	dsdt.n = 0;                             /* a _PRT that builds its table in a loop */
	header(&dsdt);
	sb = begin(&dsdt, 0x10);
	path(&dsdt, "\\_SB_");
	dev = begin(&dsdt, 0x5b82);
	path(&dsdt, "PCI0");
	name_int(&dsdt, "_HID", 0x030ad041);
	m = begin(&dsdt, 0x14);
	path(&dsdt, "_PRT");
	byte(&dsdt, 0);
	w = begin(&dsdt, 0xa2);
	byte(&dsdt, 0x95), byte(&dsdt, 0x61), integer(&dsdt, 128);     /* LLess(Local1, 128) */
	end(&dsdt, w);
	byte(&dsdt, 0xa4), byte(&dsdt, 0x60);   /* Return (Local0) */
	end(&dsdt, m);
	end(&dsdt, dev);
	end(&dsdt, sb);
	finish(&dsdt);
	assert_int_equal(read_dsdt(), -1);
	assert_non_null(strstr(why, "returns no named package (it computes its table)"));

	dsdt.n = 0;                             /* an empty _PRT (found by fuzz_prt) */
	header(&dsdt);
	sb = begin(&dsdt, 0x5b82);
	path(&dsdt, "\\_SB_.PCI0");
	name_int(&dsdt, "_HID", 0x080ad041);
	byte(&dsdt, 0x08);
	path(&dsdt, "_PRT");
	m = begin(&dsdt, 0x12);
	byte(&dsdt, 0);
	end(&dsdt, m);
	end(&dsdt, sb);
	finish(&dsdt);
	assert_int_equal(read_dsdt(), -1);
	assert_non_null(strstr(why, "\\_SB_PCI0_PRT has no entries"));

	dsdt.n = 0;                             /* no host bridge _HID */
	header(&dsdt);
	name_int(&dsdt, "_PRT", 0);
	finish(&dsdt);
	assert_int_equal(read_dsdt(), -1);
	assert_non_null(strstr(why, "no _PRT under a PCI host bridge"));
}

static void test_unreadable_scope_is_named(void **state)
{
	(void)state;
	dsdt.n = 0;
	q35_like(&dsdt, 1, 1);                  /* an unknown opcode before PCI0's tables */
	assert_int_equal(read_dsdt(), -1);
	assert_non_null(strstr(why, "no _PRT under a PCI host bridge"));
	assert_non_null(strstr(why, "AML opcode 0x5b at offset"));
	assert_non_null(strstr(why, "in \\_SB_PCI0 not read"));
}

/* Every prefix of a good table, with its length field saying so, is
 * refused with a reason (tests/fuzz/fuzz_prt.c tries far more inputs). */
static void test_every_truncation_is_refused_or_read(void **state)
{
	static struct aml_buf whole;
	unsigned ok = 0;

	(void)state;
	whole.n = 0;
	q35_like(&whole, 1, 0);
	for (size_t len = 0; len < whole.n; len++) {
		uint32_t l32 = (uint32_t)len;

		memcpy(dsdt.b, whole.b, len);
		dsdt.n = len;
		if (len >= 8)
			memcpy(dsdt.b + 4, &l32, 4);
		ok += read_dsdt() == 0;
		assert_true(why[0] || prt.count > 0);
	}
	assert_int_equal(ok, 0);                /* the links come last: no prefix has them */
	dsdt.n = whole.n;
	memcpy(dsdt.b, whole.b, whole.n);
	memcpy(dsdt.b + 4, &(uint32_t){ (uint32_t)whole.n + 1 }, 4);
	assert_int_equal(read_dsdt(), -1);
	assert_non_null(strstr(why, "is not the"));
}

/* ---- routing functions behind bridges ------------------------------------ */

static struct dm_device pci_fn(unsigned bus, unsigned slot, unsigned fn, unsigned pin)
{
	return (struct dm_device){ .bus = DM_BUS_PCI, .present = 1,
		.pci = { .bdf = ATXF_PCI_BDF(bus, slot, fn), .intx_pin = (uint8_t)pin } };
}

static struct dm_device bridge(unsigned bus, unsigned slot, unsigned secondary)
{
	struct dm_device d = pci_fn(bus, slot, 0, 1);

	d.pci.is_bridge = 1;
	d.pci.secondary = (uint8_t)secondary;
	return d;
}

static void test_swizzle_through_bridges(void **state)
{
	static struct dm_devices list;

	(void)state;
	dsdt.n = 0;
	q35_like(&dsdt, 1, 0);
	assert_int_equal(read_dsdt(), 0);
	list.count = 0;
	list.dev[list.count++] = bridge(0, 0x13, 1);
	list.dev[list.count++] = pci_fn(1, 2, 0, 1);    /* INTA# -> bridge pin (0+2)%4 = C */
	list.dev[list.count++] = bridge(1, 3, 2);
	list.dev[list.count++] = pci_fn(2, 1, 0, 2);    /* INTB#: (1+1)%4 = C, (2+3)%4 = B */
	list.dev[list.count++] = pci_fn(0, 0x10, 1, 4); /* function 1, INTD# */
	list.dev[list.count++] = pci_fn(5, 0, 0, 1);    /* no bridge leads to bus 5 */
	list.dev[list.count++] = bridge(6, 1, 6);       /* a bridge to its own bus: a loop */
	list.dev[list.count++] = pci_fn(6, 2, 0, 1);
	list.dev[list.count++] = pci_fn(0, 0x11, 0, 0); /* no INTx pin */
	dm_intx_route(&list, &prt);
	assert_int_equal(list.dev[0].pci.intx_gsi, 23); /* (19 + 0) mod 4 = 3: GSIH */
	assert_true(list.dev[1].pci.intx_routed);
	assert_int_equal(list.dev[1].pci.intx_gsi, 21); /* slot 19 pin C: (19+2)%4 = 1 */
	assert_true(list.dev[3].pci.intx_routed);
	assert_int_equal(list.dev[3].pci.intx_gsi, 20); /* slot 19 pin B: (19+1)%4 = 0 */
	assert_int_equal(list.dev[4].pci.intx_gsi, 23); /* slot 16 pin D: (16+3)%4 = 3 */
	assert_false(list.dev[5].pci.intx_routed);
	assert_false(list.dev[7].pci.intx_routed);
	assert_false(list.dev[8].pci.intx_routed);
	dm_intx_route(&list, NULL);                     /* no routing known: none */
	assert_false(list.dev[1].pci.intx_routed);
}

/* ---- pc: the PIIX3's PIRQ registers -------------------------------------- */

/* A MADT: header, local APIC address and flags, then the entries given. */
static size_t madt(uint8_t *t, const uint8_t *entries, size_t n)
{
	memset(t, 0, 44);
	memcpy(t, "APIC", 4);
	memcpy(t + 44, entries, n);
	return 44 + n;
}

/* The parent of a scope one segment below the root is the root, and the
 * root is its own parent; nothing shorter is ever cut before its start. */
static void test_parent_never_leaves_the_path(void **state)
{
	char out[AML_PATH_MAX];

	(void)state;
	aml_parent("\\_SB_PCI0", out);
	assert_string_equal(out, "\\_SB_");
	aml_parent("\\_SB_", out);
	assert_string_equal(out, "\\");
	aml_parent("\\", out);
	assert_string_equal(out, "\\");
	aml_parent("\\AB", out);          /* no such path, but no write before out */
	assert_string_equal(out, "\\");
}

static void test_piix_routing(void **state)
{
	/* IRQ 11 overridden to GSI 19; an entry claiming 200 bytes ends the walk. */
	static const uint8_t overrides[] = {
		0, 8, 0, 0, 0, 0, 0, 0,                         /* a local APIC */
		2, 10, 0, 11, 19, 0, 0, 0, 0x0d, 0,             /* ISA IRQ 11 -> GSI 19 */
		2, 10, 1, 10, 30, 0, 0, 0, 0, 0,                /* bus 1: not ISA, ignored */
		2, 200, 0, 10, 31, 0, 0, 0, 0, 0,               /* runs past the table */
	};
	const uint8_t pirq[4] = { 10, 10, 11, 0x80 };   /* PIRQD routing disabled */
	uint8_t t[128];
	uint32_t isa_gsi[16];

	(void)state;
	dm_madt_isa_gsi(t, madt(t, overrides, sizeof(overrides)), isa_gsi);
	assert_int_equal(isa_gsi[11], 19);
	assert_int_equal(isa_gsi[10], 10);
	assert_int_equal(isa_gsi[0], 0);
	dm_madt_isa_gsi(NULL, 0, isa_gsi);
	assert_int_equal(isa_gsi[11], 11);
	dm_madt_isa_gsi(t, madt(t, overrides, sizeof(overrides)), isa_gsi);
	assert_int_equal(dm_piix_table(pirq, isa_gsi, &prt), 0);
	assert_int_equal(prt.count, 96);                /* PIRQD's quarter is missing */
	assert_int_equal(gsi_of(3, 0), 19);             /* (3 + 0 - 1) mod 4 = C: IRQ 11 */
	assert_int_equal(gsi_of(5, 0), 10);             /* A */
	assert_int_equal(gsi_of(5, 2), 19);             /* C */
	assert_int_equal(dm_prt_gsi(&prt, 4, 0, &(uint32_t){ 0 }), -1);  /* D: off */
	assert_int_equal(dm_piix_table((const uint8_t[4]){ 0x80, 0x80, 0x80, 0x80 }, isa_gsi,
				       &prt), -1);
}

/* `test_devmgr_prt --seed FILE` writes the q35-shaped table: the fuzzer's
 * seed (tests/fuzz/fuzz_prt.c), so it starts from a table that reads. */
static int write_seed(const char *file)
{
	FILE *f = fopen(file, "wb");
	int ok;

	dsdt.n = 0;
	q35_like(&dsdt, 1, 0);
	ok = f && fwrite(dsdt.b, 1, dsdt.n, f) == dsdt.n;
	if (f && fclose(f))
		ok = 0;
	if (!ok)
		fprintf(stderr, "test_devmgr_prt: cannot write the seed %s\n", file);
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--seed"))
		return write_seed(argv[2]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_q35_method_picks_the_apic_table),
		cmocka_unit_test(test_static_prt_with_gsi_indexes),
		cmocka_unit_test(test_refused_tables),
		cmocka_unit_test(test_unreadable_scope_is_named),
		cmocka_unit_test(test_every_truncation_is_refused_or_read),
		cmocka_unit_test(test_swizzle_through_bridges),
		cmocka_unit_test(test_parent_never_leaves_the_path),
		cmocka_unit_test(test_piix_routing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
