/*
 * Where devmgr learns the INTx routing (docs/pci-interrupts.md): the DSDT,
 * copied out of the kernel with SYS_ACPI_TABLE (ROOT), read here in user
 * space (prt.c), then every PCI function's pin routed (intx.c). One line
 * says where the routing came from, or why there is none; drivers that
 * need INTx are then refused with that reason's short form.
 */
#include <stdlib.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "intx.h"
#include "intx_acpi.h"

static struct dm_prt prt;

/* A copy of the DSDT in *len bytes (free it), or NULL with the error. */
static uint8_t *read_dsdt(long *len)
{
	uint8_t *dsdt;
	long again;

	*len = atxf_acpi_table("DSDT", NULL, 0);
	if (*len < 0)
		return NULL;
	dsdt = malloc((size_t)*len);
	if (!dsdt) {
		*len = -ATXF_ENOMEM;
		return NULL;
	}
	again = atxf_acpi_table("DSDT", dsdt, (size_t)*len);
	if (again != *len) {
		free(dsdt);
		*len = again < 0 ? again : -ATXF_EIO;
		return NULL;
	}
	return dsdt;
}

void dm_intx_setup(struct dm_devices *list)
{
	char why[160], path[AML_PATH_MAX + AML_DEPTH_MAX];
	long len;
	uint8_t *dsdt = read_dsdt(&len);
	int ok;

	if (!dsdt) {
		atxf_log("devmgr: INTx routing unknown: reading the DSDT: %s\n",
			 atxf_strerror((int)len));
		dm_intx_route(list, NULL);
		return;
	}
	ok = dm_prt_read(dsdt, (size_t)len, &prt, why, sizeof(why)) == 0;
	free(dsdt);
	if (!ok) {
		atxf_log("devmgr: INTx routing unknown: %s\n", why);
		dm_intx_route(list, NULL);
		return;
	}
	aml_path_text(prt.table, path, sizeof(path));
	atxf_log("devmgr: INTx routing from the DSDT: %s, %u entries\n", path, prt.count);
	dm_intx_route(list, &prt);
}
