/*
 * IPC ports: a bounded queue of messages, a word of notification bits and
 * the threads waiting on them. A port lives while any capability or queued
 * message refers to it (refs); it is dead once the last capability with
 * READ (a receiver) is gone: queued messages are discarded, waiting senders
 * and callers get -ATXF_EPEER, and so does every later send or notify.
 *
 * All of it is guarded by cap_lock (cap/captable.h). A waiting thread
 * sleeps with sched_sleep_until(deadline, &cap_lock); whoever changes what
 * it waits for wakes every waiter of the port (port_wake_locked()), and
 * each re-checks its condition.
 */
#ifndef IPC_PORT_H
#define IPC_PORT_H

#include <stdbool.h>
#include <stdint.h>
#include <atxf/ipc.h>
#include "cap/captable.h"
#include "lib/list.h"

#define PORT_QUEUE_LEN 16       /* messages a port holds before senders wait */

struct call;

/* A message inside the kernel: the user's copy and the capabilities it
 * carries, each holding a reference. */
struct kmsg {
	struct atxf_msg m;      /* caps[] here is ignored until delivery */
	struct cap caps[ATXF_MSG_CAPS_MAX];
	uint32_t ncaps;
	struct call *call;      /* SYS_IPC_CALL: who waits for the reply */
};

struct port {
	uint32_t id;
	uint32_t refs;          /* capabilities and queued messages */
	uint32_t readers;       /* capabilities with READ */
	bool dead;
	uint64_t notify;        /* pending notification bits */
	struct kmsg queue[PORT_QUEUE_LEN];
	uint32_t head, count;   /* ring buffer */
	struct list_node waiters;       /* struct port_waiter: blocked send/recv */
	struct list_node watches;       /* struct port_watch: told when it dies (ipc/watch.h) */
};

/* A thread blocked on a port; lives on that thread's kernel stack. */
struct port_waiter {
	struct list_node link;
	struct thread *thread;
};

/* Ports created and not yet freed, machine-wide (SYS_KERNEL_COUNTS). */
uint32_t port_count(void);
/* A new port with no references yet; NULL when out of memory. */
struct port *port_create(void);
/* Capability references (cap/capobj.c); rights says whether it reads. */
void port_get_locked(struct port *p, uint32_t rights);
void port_put_locked(struct port *p, uint32_t rights);
/* Frees a port that no capability ever referred to. */
void port_discard_locked(struct port *p);

/* Queues km (taking over its capability references). -ATXF_EAGAIN when
 * full, -ATXF_EPEER when dead (km is left to the caller). */
int port_enqueue_locked(struct port *p, const struct kmsg *km);
/* Takes the next notification (as a message) or queued message. false
 * when there is none. */
bool port_dequeue_locked(struct port *p, struct kmsg *out);
/* ORs bits into the notification word and wakes the receiver. */
int port_notify_locked(struct port *p, uint64_t bits);
/* Wakes every thread waiting on p. */
void port_wake_locked(struct port *p);

/* Sleeps on p until woken or the deadline; cap_lock is dropped and
 * retaken (irq state as on entry to the caller's irqsave). The caller
 * holds a reference to p (port_get_locked), so that p outlives the sleep
 * and whatever the caller does with it afterwards. */
void port_wait_locked(struct port *p, uint64_t deadline);
/* The same on n ports at once (SYS_IPC_RECV_ANY): woken by any of them. */
#define PORT_WAIT_MAX ATXF_RECV_ANY_MAX
void port_wait_many_locked(struct port *const *ps, unsigned n, uint64_t deadline);

/* Gives back the capability references a message holds. */
void kmsg_release_locked(struct kmsg *km);

#endif
