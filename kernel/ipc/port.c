/*
 * IPC ports (ipc/port.h): the queue, the notification word, death.
 * Exercised by the ipc scenarios (tests/qemu/scenarios.py).
 */
#include <atxf/errors.h>
#include "ipc/call.h"
#include "ipc/port.h"
#include "ipc/watch.h"
#include "lib/string.h"
#include "mm/heap.h"
#include "sched/sched.h"

static uint32_t next_port_id = 1;
static uint32_t ports_alive;    /* created and not yet freed (SYS_KERNEL_COUNTS) */

uint32_t port_count(void)
{
	return __atomic_load_n(&ports_alive, __ATOMIC_RELAXED);
}

static void port_free(struct port *p)
{
	__atomic_fetch_sub(&ports_alive, 1, __ATOMIC_RELAXED);
	kfree(p);
}

struct port *port_create(void)
{
	struct port *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	list_init(&p->waiters);
	list_init(&p->watches);
	p->id = __atomic_fetch_add(&next_port_id, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&ports_alive, 1, __ATOMIC_RELAXED);
	return p;
}

void kmsg_release_locked(struct kmsg *km)
{
	for (uint32_t i = 0; i < km->ncaps; i++)
		cap_put(&km->caps[i]);
	km->ncaps = 0;
}

/* The last receiver went: nothing will ever be taken from the queue. */
static void port_die_locked(struct port *p)
{
	struct kmsg km;

	p->dead = true;
	p->notify = 0;
	watch_port_died_locked(p);
	while (p->count) {
		km = p->queue[p->head];
		p->head = (p->head + 1) % PORT_QUEUE_LEN;
		p->count--;
		if (km.call)
			call_finish_locked(km.call, -ATXF_EPEER, NULL);
		kmsg_release_locked(&km);
	}
	port_wake_locked(p);
}

void port_get_locked(struct port *p, uint32_t rights)
{
	p->refs++;
	if (rights & ATXF_RIGHT_READ)
		p->readers++;
}

void port_put_locked(struct port *p, uint32_t rights)
{
	if ((rights & ATXF_RIGHT_READ) && --p->readers == 0) {
		/* Releasing the queue may put rights to p itself: p must
		 * outlive its own death, whoever else lets go meanwhile. */
		p->refs++;
		port_die_locked(p);
		p->refs--;
	}
	if (--p->refs == 0)
		port_free(p);
}

void port_discard_locked(struct port *p)
{
	port_get_locked(p, 0);
	port_put_locked(p, 0);
}

int port_enqueue_locked(struct port *p, const struct kmsg *km)
{
	if (p->dead)
		return -ATXF_EPEER;
	if (p->count == PORT_QUEUE_LEN)
		return -ATXF_EAGAIN;
	p->queue[(p->head + p->count) % PORT_QUEUE_LEN] = *km;
	p->count++;
	port_wake_locked(p);
	return 0;
}

bool port_dequeue_locked(struct port *p, struct kmsg *out)
{
	if (p->notify) {
		/* docs/syscalls.md SYS_IPC_RECV: notifications come first. */
		memset(out, 0, sizeof(*out));
		out->m.type = ATXF_MSG_NOTIFY;
		out->m.len = sizeof(p->notify);
		memcpy(out->m.data, &p->notify, sizeof(p->notify));
		p->notify = 0;
		return true;
	}
	if (!p->count)
		return false;
	*out = p->queue[p->head];
	p->head = (p->head + 1) % PORT_QUEUE_LEN;
	p->count--;
	port_wake_locked(p);            /* a sender may be waiting for room */
	return true;
}

int port_notify_locked(struct port *p, uint64_t bits)
{
	if (p->dead)
		return -ATXF_EPEER;
	if (bits) {
		p->notify |= bits;
		port_wake_locked(p);
	}
	return 0;
}

void port_wake_locked(struct port *p)
{
	list_for_each(n, &p->waiters)
		sched_wake_sleeper(container_of(n, struct port_waiter, link)->thread);
}

void port_wait_many_locked(struct port *const *ps, unsigned n, uint64_t deadline)
{
	struct port_waiter w[PORT_WAIT_MAX];

	for (unsigned i = 0; i < n; i++) {
		w[i].thread = thread_current();
		list_push_back(&ps[i]->waiters, &w[i].link);
	}
	sched_sleep_until(deadline, &cap_lock);
	spin_lock_raw(&cap_lock);
	for (unsigned i = 0; i < n; i++)
		list_remove(&w[i].link);
}

void port_wait_locked(struct port *p, uint64_t deadline)
{
	struct port_waiter w = { .thread = thread_current() };

	list_push_back(&p->waiters, &w.link);
	sched_sleep_until(deadline, &cap_lock);
	spin_lock_raw(&cap_lock);
	list_remove(&w.link);
}
