/* Capability tables (cap/captable.h). */
#include <stddef.h>
#include <atxf/errors.h>
#include "cap/captable.h"
#include "lib/string.h"

struct spinlock cap_lock = SPINLOCK_INIT("capabilities");

struct cap *cap_lookup(struct cap_table *t, atxf_handle_t h)
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
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	t->slot[h] = *c;
	t->io_dirty |= c->kind == ATXF_CAP_IOPORT;
	cap_get(c);
	spin_unlock_irqrestore(&cap_lock, flags);
}

atxf_handle_t cap_insert_locked(struct cap_table *t, const struct cap *c)
{
	if (t->closed)
		return -ATXF_ENOENT;
	for (int h = 0; h < CAP_TABLE_SLOTS; h++) {
		if (t->slot[h].kind != ATXF_CAP_NONE)
			continue;
		t->slot[h] = *c;
		t->io_dirty |= c->kind == ATXF_CAP_IOPORT;
		cap_get(c);
		return h;
	}
	return -ATXF_ENOSPC;
}

void cap_remove_locked(struct cap_table *t, atxf_handle_t h)
{
	struct cap c = t->slot[h];

	memset(&t->slot[h], 0, sizeof(t->slot[h]));
	t->io_dirty |= c.kind == ATXF_CAP_IOPORT;
	cap_put(&c);
}

void cap_release_all(struct cap_table *t)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	t->closed = true;
	for (int h = 0; h < CAP_TABLE_SLOTS; h++)
		if (t->slot[h].kind != ATXF_CAP_NONE)
			cap_remove_locked(t, h);
	spin_unlock_irqrestore(&cap_lock, flags);
}
