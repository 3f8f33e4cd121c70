/*
 * Death notices (ipc/watch.h).
 */
#include <atxf/errors.h>
#include "ipc/port.h"
#include "ipc/watch.h"
#include "mm/heap.h"
#include "proc/process.h"

static void watch_free_locked(struct port_watch *w)
{
	list_remove(&w->on_port);
	list_remove(&w->on_owner);
	w->owner->nwatches--;
	port_put_locked(w->target, 0);
	kfree(w);
}

int watch_port_locked(struct process *owner, struct port *watched, struct port *target,
		      uint64_t bits)
{
	struct port_watch *w;

	if (!bits || target == watched)
		return -ATXF_EINVAL;
	if (watched->dead) {
		port_notify_locked(target, bits);
		return 0;
	}
	if (owner->nwatches >= WATCHES_MAX)
		return -ATXF_ENOSPC;
	w = kzalloc(sizeof(*w));
	if (!w)
		return -ATXF_ENOMEM;
	w->owner = owner;
	w->target = target;
	w->bits = bits;
	port_get_locked(target, 0);
	list_push_back(&watched->watches, &w->on_port);
	list_push_back(&owner->watches, &w->on_owner);
	owner->nwatches++;
	return 0;
}

void watch_port_died_locked(struct port *p)
{
	struct list_node *n;

	while ((n = list_pop_front(&p->watches))) {
		struct port_watch *w = container_of(n, struct port_watch, on_port);

		port_notify_locked(w->target, w->bits);        /* a dead target: nobody to tell */
		watch_free_locked(w);
	}
}

/* One (port, bits) watch of a process: the old port let go, the new held. */
static void watch_set_locked(struct port **slot, uint64_t *slot_bits, struct port *target,
			     uint64_t bits)
{
	if (*slot)
		port_put_locked(*slot, 0);
	*slot = bits ? target : NULL;
	*slot_bits = bits;
	if (*slot)
		port_get_locked(target, 0);
}

void watch_children_locked(struct process *owner, struct port *target, uint64_t bits)
{
	watch_set_locked(&owner->child_watch, &owner->child_watch_bits, target, bits);
}

void watch_calls_locked(struct process *owner, struct port *target, uint64_t bits)
{
	watch_set_locked(&owner->call_watch, &owner->call_watch_bits, target, bits);
}

void watch_owner_died_locked(struct process *p)
{
	struct list_node *n;

	while ((n = list_pop_front(&p->watches)))
		watch_free_locked(container_of(n, struct port_watch, on_owner));
	watch_children_locked(p, NULL, 0);
	watch_calls_locked(p, NULL, 0);
}

void watch_child_ended_locked(struct process *parent)
{
	if (parent->child_watch)
		port_notify_locked(parent->child_watch, parent->child_watch_bits);
}
