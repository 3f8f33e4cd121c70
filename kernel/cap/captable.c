/* Capability tables (cap/captable.h). */
#include <stddef.h>
#include "cap/captable.h"

const struct cap *cap_lookup(const struct cap_table *t, atxf_handle_t h)
{
	if (h < 0 || h >= CAP_TABLE_SLOTS || t->slot[h].kind == ATXF_CAP_NONE)
		return NULL;
	return &t->slot[h];
}

bool cap_holds(const struct cap_table *t, uint32_t kind)
{
	for (int h = 0; h < CAP_TABLE_SLOTS; h++)
		if (t->slot[h].kind == kind)
			return true;
	return false;
}

void cap_install(struct cap_table *t, atxf_handle_t h, const struct cap *c)
{
	t->slot[h] = *c;
}
