/*
 * Address-to-name lookup over the generated table (tools/ksyms.py emits the
 * .ksyms section: a count, sorted addresses, name offsets, a string blob).
 */
#include <stddef.h>
#include "arch/x86_64/memlayout.h"
#include "lib/ksyms.h"

extern const uint64_t ksyms_count;
extern const uint64_t ksyms_addrs[];
extern const uint32_t ksyms_name_offsets[];
extern const char ksyms_names[];

const char *ksym_lookup(uint64_t addr, uint64_t *offset)
{
	uint64_t lo = 0, hi = ksyms_count;

	if (addr < (uint64_t)__image_start || addr >= (uint64_t)__text_end || !hi)
		return NULL;
	while (hi - lo > 1) {                   /* last entry with address <= addr */
		uint64_t mid = lo + (hi - lo) / 2;
		if (ksyms_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (ksyms_addrs[lo] > addr)
		return NULL;
	*offset = addr - ksyms_addrs[lo];
	return ksyms_names + ksyms_name_offsets[lo];
}
