/*
 * ACPI tables (<atxf/sys.h>): a copy of one firmware table by signature,
 * SYS_ACPI_TABLE. devmgr reads the DSDT with it (its PCI interrupt routing).
 */
#include <string.h>
#include <atxf/sys.h>
#include "trap.h"

long atxf_acpi_table(const char sig[4], void *buf, size_t len)
{
	uint32_t packed;

	memcpy(&packed, sig, 4);        /* little-endian: the bytes in order */
	return sys_ACPI_TABLE(packed, (long)buf, (long)len);
}
