/*
 * libFuzzer target: a DSDT as devmgr reads it for the INTx routing
 * (services/devmgr/aml.c, prt.c). The input is the whole table; its
 * length field is set to the input's length, so the AML itself is what
 * varies. Invariants: a table read has 1..128 entries, each with a slot
 * below 32 and a pin below 4, and a refusal always says why.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "prt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t table[1 << 16];
static struct dm_prt prt;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t len = (uint32_t)size;
	char why[160] = "";

	if (size < 8 || size > sizeof(table))
		return 0;
	memcpy(table, data, size);
	memcpy(table, "DSDT", 4);
	memcpy(table + 4, &len, 4);
	if (dm_prt_read(table, size, &prt, why, sizeof(why)) != 0) {
		if (!why[0])
			abort();
		return 0;
	}
	if (prt.count == 0 || prt.count > DM_PRT_MAX)
		abort();
	for (unsigned i = 0; i < prt.count; i++)
		if (prt.e[i].slot > 31 || prt.e[i].pin > 3)
			abort();
	return 0;
}
