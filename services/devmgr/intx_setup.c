/*
 * Where devmgr learns the INTx routing (docs/pci-interrupts.md): the DSDT,
 * copied out of the kernel with SYS_ACPI_TABLE (ROOT) and read here in
 * user space (prt.c); failing that, on a PIIX3 machine (QEMU's pc), the
 * south bridge's PIRQ route registers (piix.c). Then every PCI function's
 * pin is routed (intx.c). One line says where the routing came from, or
 * why there is none; drivers that need INTx are then refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "intx.h"
#include "intx_setup.h"
#include "piix.h"

static struct dm_prt prt;

/* A copy of ACPI table sig in *len bytes (free it), or NULL and the error. */
static uint8_t *read_table(const char sig[4], long *len)
{
	uint8_t *t;
	long again;

	*len = atxf_acpi_table(sig, NULL, 0);
	if (*len < 0)
		return NULL;
	t = malloc((size_t)*len);
	if (!t) {
		*len = -ATXF_ENOMEM;
		return NULL;
	}
	again = atxf_acpi_table(sig, t, (size_t)*len);
	if (again != *len) {
		free(t);
		*len = again < 0 ? again : -ATXF_EIO;
		return NULL;
	}
	return t;
}

static int from_dsdt(char *why, size_t size)
{
	char path[AML_PATH_MAX + AML_DEPTH_MAX];
	long len;
	uint8_t *dsdt = read_table("DSDT", &len);
	int err;

	if (!dsdt)
		return snprintf(why, size, "reading the DSDT: %s", atxf_strerror((int)len)), -1;
	err = dm_prt_read(dsdt, (size_t)len, &prt, why, size);
	free(dsdt);
	if (err)
		return -1;
	aml_path_text(prt.table, path, sizeof(path));
	atxf_log("devmgr: INTx routing from the DSDT: %s, %u entries\n", path, prt.count);
	return 0;
}

/* The PIIX's four PIRQ routes, through a PCI capability held meanwhile. */
static int from_piix(atxf_handle_t root, const struct dm_device *isa)
{
	atxf_handle_t cfg = atxf_cap_derive(root, isa->pci.bdf, 1,
					    ATXF_RIGHT_READ | ATXF_DERIVE_KIND(ATXF_CAP_PCI));
	uint32_t isa_gsi[16];
	uint8_t pirq[4];
	long len;
	uint8_t *madt;

	if (cfg < 0)
		return -1;
	for (unsigned i = 0; i < 4; i++)
		pirq[i] = atxf_pci_read8(cfg, (uint16_t)(DM_PIIX_PIRQ_ROUTE + i));
	atxf_cap_drop(cfg);
	madt = read_table("APIC", &len);
	dm_madt_isa_gsi(madt, madt ? (size_t)len : 0, isa_gsi);
	free(madt);
	if (dm_piix_table(pirq, isa_gsi, &prt) < 0)
		return -1;
	atxf_log("devmgr: INTx routing from the PIIX's PIRQ registers (%s): PIRQA-D -> "
		 "0x%02x 0x%02x 0x%02x 0x%02x\n", isa->name, pirq[0], pirq[1], pirq[2], pirq[3]);
	return 0;
}

void dm_intx_setup(struct dm_devices *list, atxf_handle_t root)
{
	char why[160];

	if (from_dsdt(why, sizeof(why)) == 0) {
		dm_intx_route(list, &prt);
		return;
	}
	for (unsigned i = 0; i < list->count; i++) {
		if (dm_piix_isa_bridge(&list->dev[i]) && from_piix(root, &list->dev[i]) == 0) {
			atxf_log("devmgr: (the DSDT's routing is not read: %s)\n", why);
			dm_intx_route(list, &prt);
			return;
		}
	}
	atxf_log("devmgr: INTx routing unknown: %s\n", why);
	dm_intx_route(list, NULL);
}
