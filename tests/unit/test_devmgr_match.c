/*
 * devmgr's matching and least-privilege planning (services/devmgr/match.c)
 * on the host: a table of named cases, each a manifest, a device and what
 * devmgr must do: "no match", the grants it plans ("KIND base size rights",
 * hex, in manifest order) or "! RESOURCE: REASON" for a refusal.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "ide_compat.h"
#include "legacy_table.h"
#include "match.h"
#include "plan_msix.h"

#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

/* An edu-like PCI function at 00:04.0: one MMIO BAR, one I/O BAR, MSI. */
static const struct dm_device edu = {
	.bus = DM_BUS_PCI, .present = 1, .name = "00:04.0",
	.pci = { .bdf = ATXF_PCI_BDF(0, 4, 0), .vendor = 0x1234, .device = 0x11e8,
		 .class_code = 0x00, .subclass = 0xff, .prog_if = 0x00, .irq_line = 11,
		 .has_msi = 1,
		 .bar = { { DM_BAR_MMIO, 0xfea00000, 0x100000 }, { DM_BAR_IO, 0xc000, 0x20 } } },
};

/* An AHCI controller at 00:1f.2 without MSI: INTA#, no route known. */
static const struct dm_device ahci = {
	.bus = DM_BUS_PCI, .present = 1, .name = "00:1f.2",
	.pci = { .bdf = ATXF_PCI_BDF(0, 0x1f, 2), .vendor = 0x8086, .device = 0x2922,
		 .class_code = 0x01, .subclass = 0x06, .prog_if = 0x01, .irq_line = 10,
		 .intx_pin = 1,
		 .bar = { [5] = { DM_BAR_MMIO, 0xfeb00000, 0x1000 } } },
};

/* An nvme-like function at 00:05.0: MSI-X only, 4 vectors, table and PBA
 * in BAR0 after the registers (QEMU's layout). */
static const struct dm_device nvme = {
	.bus = DM_BUS_PCI, .present = 1, .name = "00:05.0",
	.pci = { .bdf = ATXF_PCI_BDF(0, 5, 0), .vendor = 0x1b36, .device = 0x0010,
		 .class_code = 0x01, .subclass = 0x08, .prog_if = 0x02, .irq_line = 11,
		 .msix_vectors = 4, .msix_table = { 0, 0x2000, 64 }, .msix_pba = { 0, 0x3000, 8 },
		 .bar = { { DM_BAR_MMIO, 0xfebd0000, 0x4000 } } },
};

/* A virtio-like function at 00:06.0: MSI-X table and PBA alone in BAR1. */
static const struct dm_device virtio = {
	.bus = DM_BUS_PCI, .present = 1, .name = "00:06.0",
	.pci = { .bdf = ATXF_PCI_BDF(0, 6, 0), .vendor = 0x1af4, .device = 0x1044,
		 .msix_vectors = 2, .msix_table = { 1, 0, 32 }, .msix_pba = { 1, 0x800, 8 },
		 .bar = { [1] = { DM_BAR_MMIO, 0xfebf1000, 0x1000 },
			  [4] = { DM_BAR_MMIO, 0xfe000000, 0x4000 } } },
};

/* An e1000 at 00:03.0: no MSI, INTA# routed to GSI 23 (the _PRT's answer). */
static const struct dm_device e1000 = {
	.bus = DM_BUS_PCI, .present = 1, .name = "00:03.0",
	.pci = { .bdf = ATXF_PCI_BDF(0, 3, 0), .vendor = 0x8086, .device = 0x100e,
		 .class_code = 0x02, .intx_pin = 1, .intx_routed = 1, .intx_gsi = 23,
		 .bar = { { DM_BAR_MMIO, 0xfeb40000, 0x20000 } } },
};

/* An edu with MSI whose INTA# is routed to GSI 20. */
static const struct dm_device edu_routed = {
	.bus = DM_BUS_PCI, .present = 1, .name = "00:10.0",
	.pci = { .bdf = ATXF_PCI_BDF(0, 0x10, 0), .vendor = 0x1234, .device = 0x11e8,
		 .has_msi = 1, .intx_pin = 1, .intx_routed = 1, .intx_gsi = 20 },
};

struct plan_case {
	const char *name;
	const struct dm_device *dev;    /* NULL: the legacy table's entry named legacy */
	const char *legacy;
	struct atxf_manifest m;
	const char *want;
};

#define MANIFEST(...) { .magic = ATXF_MANIFEST_MAGIC, .version = 1, .name = "t", __VA_ARGS__ }

static const struct plan_case cases[] = {
	{ "legacy match: keyboard on the i8042", NULL, "i8042",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("i8042") },
		   .resources = { ATXF_RESOURCE_IOPORT(0x60, 1, RW),
				  ATXF_RESOURCE_IOPORT(0x64, 1, RW), ATXF_RESOURCE_IRQ(1) }),
	  "ioport 60 1 3, ioport 64 1 3, irq 1 1 1" },
	{ "legacy match: mouse takes the i8042's second line", NULL, "i8042",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("i8042") },
		   .resources = { ATXF_RESOURCE_IRQ(12) }),
	  "irq c 1 1" },
	{ "legacy match: COM1, all eight ports", NULL, "COM1",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
		   .resources = { ATXF_RESOURCE_IOPORT(0x3f8, 8, RW), ATXF_RESOURCE_IRQ(4) }),
	  "ioport 3f8 8 3, irq 4 1 1" },
	{ "legacy name must be exact: COM1 is not COM2", NULL, "COM2",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") }), "no match" },
	{ "pci id", &edu, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
		   .resources = { ATXF_RESOURCE_PCI_CONFIG(), ATXF_RESOURCE_BAR(0),
				  ATXF_RESOURCE_PCI_IRQ(), ATXF_RESOURCE_DMA(65536) }),
	  "pci 20 1 3, mmio fea00000 100000 3, irq 100000020 1 1, dma 0 10000 3" },
	{ "pci id with any device (0xffff)", &edu, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1234, 0xffff) },
		   .resources = { ATXF_RESOURCE_BAR(1) }),
	  "ioport c000 20 3" },
	{ "pci class with wildcard subclass and prog-if", &ahci, NULL,
	  MANIFEST(.match = { ATXF_MATCH_CLASS(0x01, 0xff, 0xff) },
		   .resources = { ATXF_RESOURCE_BAR(5), ATXF_RESOURCE_PCI_CONFIG() }),
	  "mmio feb00000 1000 3, pci fa 1 3" },
	{ "refused: pci-irq without MSI, INTx pin not routed", &ahci, NULL,
	  MANIFEST(.match = { ATXF_MATCH_CLASS(0x01, 0x06, 0x01) },
		   .resources = { ATXF_RESOURCE_PCI_IRQ() }),
	  "! pci-irq 0x0+0x0: no MSI or MSI-X, and its INTx pin has no known route" },
	{ "pci-irq without MSI: the routed INTx line", &e1000, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x8086, 0x100e) },
		   .resources = { ATXF_RESOURCE_BAR(0), ATXF_RESOURCE_PCI_IRQ() }),
	  "mmio feb40000 20000 3, irq 17 1 1" },
	{ "pci-irq with MSI: MSI, though INTx is routed", &edu_routed, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
		   .resources = { ATXF_RESOURCE_PCI_IRQ() }),
	  "irq 100000080 1 1" },
	{ "pci-intx with MSI: the driver prefers INTx", &edu_routed, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
		   .resources = { ATXF_RESOURCE_PCI_INTX() }),
	  "irq 14 1 1" },
	{ "refused: pci-intx on a function with no INTx pin", &edu, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
		   .resources = { ATXF_RESOURCE_PCI_INTX() }),
	  "! pci-intx 0x0+0x0: the function has no INTx pin" },
	{ "refused: pci-intx on a legacy device", NULL, "COM1",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
		   .resources = { ATXF_RESOURCE_PCI_INTX() }),
	  "! pci-intx 0x0+0x0: not a PCI function" },
	{ "pci class, exact", &ahci, NULL,
	  MANIFEST(.match = { ATXF_MATCH_CLASS(0x01, 0x06, 0x01) }), "" },
	{ "pci class, other prog-if: no match", &ahci, NULL,
	  MANIFEST(.match = { ATXF_MATCH_CLASS(0x01, 0x06, 0x00) }), "no match" },
	{ "no match: pci id on another vendor", &edu, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1af4, 0xffff) }), "no match" },
	{ "no match: legacy entry never matches a pci function", &edu, NULL,
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("00:04.0") }), "no match" },
	{ "refused: ports outside the device's range", NULL, "i8042",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("i8042") },
		   .resources = { ATXF_RESOURCE_IOPORT(0x60, 5, RW) }),
	  "! ioport 0x60+0x5: outside the device's port ranges" },
	{ "refused: COM1 asking for COM2's ports", NULL, "COM1",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
		   .resources = { ATXF_RESOURCE_IOPORT(0x2f8, 8, RW) }),
	  "! ioport 0x2f8+0x8: outside the device's port ranges" },
	{ "refused: IRQ not the device's", NULL, "COM1",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
		   .resources = { ATXF_RESOURCE_IOPORT(0x3f8, 8, RW), ATXF_RESOURCE_IRQ(1) }),
	  "! irq 0x1+0x1: not one of the device's IRQ lines" },
	{ "refused: BAR index beyond the device's BARs", &edu, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
		   .resources = { ATXF_RESOURCE_BAR(0), ATXF_RESOURCE_BAR(2) }),
	  "! pci-bar 2: no such BAR on the device" },
	{ "refused: a legacy device has no BARs", NULL, "COM1",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
		   .resources = { ATXF_RESOURCE_BAR(0) }),
	  "! pci-bar 0: a legacy device has no BARs" },
	{ "refused: DMA for a legacy device", NULL, "i8042",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("i8042") },
		   .resources = { ATXF_RESOURCE_DMA(4096) }),
	  "! dma 0x0+0x1000: a legacy device is no bus master" },
	{ "refused: a driver never gets GRANT", NULL, "COM1",
	  MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
		   .resources = { ATXF_RESOURCE_IOPORT(0x3f8, 8, ATXF_RIGHTS_ALL) }),
	  "! ioport 0x3f8+0x8: rights must be r and/or w (a driver never gets GRANT)" },
	{ "msix: up to max vectors, as many as the table has", &nvme, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1b36, 0x0010) },
		   .resources = { ATXF_RESOURCE_BAR(0), ATXF_RESOURCE_PCI_IRQS(2, 16) }),
	  "mmio febd0000 4000 3, irq 200028000 4 1" },
	{ "msix: fewer than the table has when max says so", &nvme, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1b36, 0x0010) },
		   .resources = { ATXF_RESOURCE_PCI_IRQS(1, 3) }),
	  "irq 200028000 3 1" },
	{ "msix: one interrupt on a function without MSI is its vector 0", &virtio, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1af4, 0x1044) },
		   .resources = { ATXF_RESOURCE_PCI_IRQ() }),
	  "irq 200030000 1 1" },
	{ "refused: more vectors needed than the table has", &nvme, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1b36, 0x0010) },
		   .resources = { ATXF_RESOURCE_PCI_IRQS(8, 16) }),
	  "! pci-irq 0x8+0x10: the device has 4 MSI-X vectors, the manifest needs 8" },
	{ "refused: vectors from a function without MSI-X", &edu, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
		   .resources = { ATXF_RESOURCE_PCI_IRQS(1, 2) }),
	  "! pci-irq 0x1+0x2: no MSI-X capability" },
	{ "refused: a framebuffer no device owns", &edu, NULL,
	  MANIFEST(.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
		   .resources = { ATXF_RESOURCE_FRAMEBUFFER() }),
	  "! framebuffer 0x0+0x0: no device devmgr knows owns one" },
};

static const char *kind_name(uint32_t kind)
{
	static const char *names[] = { "none", "root", "ioport", "irq", "mmio", "dma",
				       "port", "fb", "shm", "pci" };

	return kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "?";
}

static void render_plan(const struct dm_plan *p, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (unsigned i = 0; i < p->count && used < size; i++) {
		const struct dm_grant *g = &p->grant[i];

		used += (size_t)snprintf(out + used, size - used, "%s%s %llx %llx %x",
					 i ? ", " : "", kind_name(g->kind),
					 (unsigned long long)g->base, (unsigned long long)g->size,
					 g->rights);
	}
}

static void render(const struct plan_case *c, char *out, size_t size)
{
	const struct dm_device *d = c->dev ? c->dev : dm_legacy_find(c->legacy);
	char why[DM_WHY_MAX];
	struct dm_plan plan;

	if (!d) {
		snprintf(out, size, "no legacy device %s", c->legacy);
		return;
	}
	if (!dm_match(&c->m, d))
		snprintf(out, size, "no match");
	else if (dm_plan(&c->m, d, &plan, why, sizeof(why)) < 0)
		snprintf(out, size, "! %s", why);
	else
		render_plan(&plan, out, size);
}

static void test_table(void **state)
{
	char got[256];
	int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		render(&cases[i], got, sizeof(got));
		if (strcmp(got, cases[i].want)) {
			print_error("FAIL %s: got \"%s\", want \"%s\"\n", cases[i].name, got,
				    cases[i].want);
			failed = 1;
		} else {
			print_message("OK   %s\n", cases[i].name);
		}
	}
	if (failed)
		fail();
}

/* The fixed PC/AT resources the legacy table promises (docs/devmgr.md). */
static void test_legacy_table(void **state)
{
	const struct dm_device *kbd = dm_legacy_find("i8042"), *com4 = dm_legacy_find("COM4");

	(void)state;
	assert_non_null(kbd);
	assert_int_equal(kbd->ports[0].base, 0x60);
	assert_int_equal(kbd->ports[1].base, 0x64);
	assert_int_equal(kbd->nirqs, 2);
	assert_int_equal(kbd->irqs[1], 12);
	assert_non_null(com4);
	assert_int_equal(com4->ports[0].base, 0x2e8);
	assert_int_equal(com4->irqs[0], 3);
	assert_null(dm_legacy_find("COM5"));
}

/* A BAR grant's holes: the kernel's MSI-X table and PBA pages, only in
 * the BAR that holds them. */
static void test_msix_holes(void **state)
{
	struct dm_grant bar0 = { .kind = ATXF_CAP_MMIO, .base = 0xfebd0000, .size = 0x4000 };
	struct dm_grant bar1 = { .kind = ATXF_CAP_MMIO, .base = 0xfebf1000, .size = 0x1000 };
	struct dm_grant bar4 = { .kind = ATXF_CAP_MMIO, .base = 0xfe000000, .size = 0x4000 };
	struct dm_range h[DM_MSIX_HOLES];

	(void)state;
	assert_int_equal(dm_msix_holes(&nvme, &bar0, h), 2);
	assert_int_equal(h[0].base, 0x2000);
	assert_int_equal(h[0].size, 64);
	assert_int_equal(h[1].base, 0x3000);
	assert_int_equal(dm_msix_holes(&virtio, &bar1, h), 2);
	assert_int_equal(h[1].base, 0x800);
	assert_int_equal(dm_msix_holes(&virtio, &bar4, h), 0);     /* the virtio registers */
	assert_int_equal(dm_msix_holes(&edu, &bar0, h), 0);        /* no MSI-X */
}

/* A PCI IDE function at 00:01.1 as QEMU's PIIX3 (8086:7010) with prog-if
 * progif and its bus-master BAR 4, after enumeration. */
static struct dm_device piix_ide(uint8_t progif)
{
	struct dm_device d = {
		.bus = DM_BUS_PCI, .present = 1, .name = "00:01.1",
		.pci = { .bdf = ATXF_PCI_BDF(0, 1, 1), .vendor = 0x8086, .device = 0x7010,
			 .class_code = 0x01, .subclass = 0x01, .prog_if = progif,
			 .bar = { [4] = { DM_BAR_IO, 0xc040, 0x10 } } },
	};

	dm_ide_compat(&d);
	return d;
}

static const struct atxf_manifest ide_both = MANIFEST(
	.match = { ATXF_MATCH_CLASS(0x01, 0x01, 0xff) },
	.resources = { ATXF_RESOURCE_IOPORT(0x1f0, 8, RW), ATXF_RESOURCE_IOPORT(0x3f6, 1, RW),
		       ATXF_RESOURCE_IRQ(14), ATXF_RESOURCE_IOPORT(0x170, 8, RW),
		       ATXF_RESOURCE_IOPORT(0x376, 1, RW), ATXF_RESOURCE_IRQ(15) });

static void plan_ide(uint8_t progif, const struct atxf_manifest *m, const char *want)
{
	struct plan_case c = { "ide", NULL, NULL, *m, want };
	struct dm_device d = piix_ide(progif);
	char got[256];

	c.dev = &d;
	render(&c, got, sizeof(got));
	if (strcmp(got, want))
		print_error("FAIL prog-if 0x%02x: got \"%s\", want \"%s\"\n", progif, got, want);
	assert_string_equal(got, want);
}

/* Compatibility-mode channels own the ISA ports and lines; native ones
 * (their BARs, which QEMU's PIIX does not have) and the ports beside
 * them (0x3f7 is the floppy controller's) do not. */
static void test_ide_compat(void **state)
{
	static const struct atxf_manifest wider = MANIFEST(
		.match = { ATXF_MATCH_CLASS(0x01, 0x01, 0xff) },
		.resources = { ATXF_RESOURCE_IOPORT(0x3f6, 2, RW) });
	static const struct atxf_manifest bmdma = MANIFEST(
		.match = { ATXF_MATCH_CLASS(0x01, 0x01, 0xff) },
		.resources = { ATXF_RESOURCE_BAR(4), ATXF_RESOURCE_IOPORT(0x1f0, 8, RW) });
	struct dm_device edu_copy = edu;

	(void)state;
	plan_ide(0x80, &ide_both, "ioport 1f0 8 3, ioport 3f6 1 3, irq e 1 1, "
		 "ioport 170 8 3, ioport 376 1 3, irq f 1 1");
	plan_ide(0x80, &bmdma, "ioport c040 10 3, ioport 1f0 8 3");
	plan_ide(0x80, &wider, "! ioport 0x3f6+0x2: outside the device's port ranges");
	plan_ide(0x81, &ide_both, "! ioport 0x1f0+0x8: outside the device's port ranges");
	plan_ide(0x84, &ide_both, "! ioport 0x170+0x8: outside the device's port ranges");
	plan_ide(0x85, &ide_both, "! ioport 0x1f0+0x8: outside the device's port ranges");
	{
		struct dm_device sec_only = piix_ide(0x81);

		assert_int_equal(sec_only.ports[0].base, 0x170);
		assert_int_equal(sec_only.nirqs, 1);
		assert_int_equal(sec_only.irqs[0], 15);
	}
	dm_ide_compat(&edu_copy);               /* not IDE: nothing added */
	assert_int_equal(edu_copy.ports[0].size, 0);
	assert_int_equal(edu_copy.nirqs, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_msix_holes),
		cmocka_unit_test(test_legacy_table),
		cmocka_unit_test(test_ide_compat),
	};

	return cmocka_run_group_tests_name("devmgr match", tests, NULL, NULL);
}
