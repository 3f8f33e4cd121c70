/*
 * The IPC calls (docs/syscalls.md): SYS_IPC_CREATE_PORT, CLOSE, SEND,
 * RECV, CALL, REPLY, NOTIFY. Messages are copied in whole before anything
 * changes, and a receive buffer is proven writable before a message is
 * taken, so a bad pointer fails with -ATXF_EFAULT and loses nothing.
 * Capabilities travel as references inside the kernel copy (ipc/port.h)
 * and become new handles in the receiver when it takes the message.
 */
#include <atxf/errors.h>
#include <atxf/syscalls.h>
#include "arch/x86_64/usermode.h"
#include "ipc/call.h"
#include "ipc/port.h"
#include "ipc/shm.h"
#include "ipc/watch.h"
#include "lib/string.h"
#include "proc/process.h"
#include "sched/sched.h"
#include "syscall/syscall.h"
#include "time/clock.h"

#define SEND_FLAGS (ATXF_IPC_NONBLOCK | ATXF_IPC_MOVE_CAPS)

static uint64_t deadline_after(uint64_t timeout_ns)
{
	uint64_t now = clock_ns();

	return timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;
}

/* The port behind the caller's handle h, which must carry `right` (any
 * right at all when right is 0). */
static struct port *port_of_locked(struct process *p, uint64_t h, uint32_t right, int *err)
{
	const struct cap *c = h <= INT32_MAX ? cap_lookup(&p->caps, (atxf_handle_t)h) : NULL;

	*err = 0;
	if (!c || c->kind != ATXF_CAP_PORT)
		*err = -ATXF_EBADH;
	else if (right && !(c->rights & right))
		*err = -ATXF_EPERM;
	return *err ? NULL : c->obj;
}

/*
 * A port this call keeps using after it may sleep: the caller's handle can
 * be closed meanwhile (by another of its threads, or its death), and the
 * port must outlive the call all the same.
 */
static void port_hold_locked(struct port *port)
{
	port_get_locked(port, 0);
}

static void port_release_locked(struct port *port)
{
	port_put_locked(port, 0);
}

/* Copies a message in; `request`: a user message, which may not pose as a
 * notification. */
static int load_msg(uint64_t user, struct kmsg *km, bool request)
{
	memset(km, 0, sizeof(*km));
	if (copy_from_user(&km->m, user, sizeof(km->m)))
		return -ATXF_EFAULT;
	if (km->m.len > ATXF_MSG_DATA_MAX || km->m.ncaps > ATXF_MSG_CAPS_MAX)
		return -ATXF_EMSGSIZE;
	if (request && km->m.type == ATXF_MSG_NOTIFY)
		return -ATXF_EINVAL;
	km->m.sender = process_current()->pid;
	km->m.reply = 0;
	return 0;
}

/* Whether all of a user message buffer is mapped and writable: copies it
 * in and back unchanged. */
static int msg_buffer_ok(uint64_t user)
{
	struct atxf_msg tmp;

	if (copy_from_user(&tmp, user, sizeof(tmp)) || copy_to_user(user, &tmp, sizeof(tmp)))
		return -ATXF_EFAULT;
	return 0;
}

/* References to the capabilities the message names, each held with GRANT;
 * an SHM grant only toward its own port (dest_id; 0: a reply). */
static int take_caps_locked(struct process *p, struct kmsg *km, uint32_t dest_id)
{
	for (uint32_t i = 0; i < km->m.ncaps; i++) {
		const struct cap *c = km->m.caps[i] >= 0 ?
			cap_lookup(&p->caps, km->m.caps[i]) : NULL;
		int err = 0;

		if (!c)
			err = -ATXF_EBADH;
		else if (!(c->rights & ATXF_RIGHT_GRANT))
			err = -ATXF_EPERM;
		else if (c->kind == ATXF_CAP_SHM &&
			 ((struct shm *)c->obj)->port_id != dest_id)
			err = -ATXF_EPERM;
		if (err) {
			kmsg_release_locked(km);
			return err;
		}
		km->caps[i] = *c;
		cap_get(c);
		km->ncaps++;
	}
	return 0;
}

/* ATXF_IPC_MOVE_CAPS: the sender loses what it sent. */
static void drop_sent_locked(struct process *p, const struct kmsg *km)
{
	for (uint32_t i = 0; i < km->m.ncaps; i++)
		if (cap_lookup(&p->caps, km->m.caps[i]))
			cap_remove_locked(&p->caps, km->m.caps[i]);
}

/* Turns the references a message carries into handles of p. */
static void install_caps_locked(struct process *p, struct kmsg *km)
{
	for (uint32_t i = 0; i < ATXF_MSG_CAPS_MAX; i++) {
		km->m.caps[i] = ATXF_HANDLE_NONE;
		if (i >= km->ncaps)
			continue;
		atxf_handle_t h = cap_insert_locked(&p->caps, &km->caps[i]);

		km->m.caps[i] = h >= 0 ? h : ATXF_HANDLE_NONE;
		cap_put(&km->caps[i]);
	}
	km->m.ncaps = km->ncaps;
	km->ncaps = 0;
}

/* Queues km, waiting for room until deadline unless nonblock. */
static int enqueue_locked(struct process *p, struct port *port, const struct kmsg *km,
			  bool nonblock, uint64_t deadline)
{
	for (;;) {
		int err = port_enqueue_locked(port, km);

		if (err != -ATXF_EAGAIN || nonblock || p->killed)
			return err;
		if (clock_ns() >= deadline)
			return -ATXF_ETIMEDOUT;
		port_wait_locked(port, deadline);
	}
}

long sys_ipc_create_port(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct port *port = port_create();
	struct cap c = { .kind = ATXF_CAP_PORT, .rights = ATXF_RIGHTS_ALL, .size = 1, .obj = port };
	long h;

	(void)args;
	if (!port)
		return -ATXF_ENOMEM;
	c.base = port->id;
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	h = cap_insert_locked(&p->caps, &c);
	if (h < 0)
		port_discard_locked(port);
	spin_unlock_irqrestore(&cap_lock, flags);
	return h;
}

long sys_ipc_close(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int err;

	port_of_locked(p, args->a[0], 0, &err);
	if (!err)
		cap_remove_locked(&p->caps, (atxf_handle_t)args->a[0]);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_ipc_send(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct kmsg km;
	struct port *port;
	int err;

	if (args->a[2] & ~(uint64_t)SEND_FLAGS)
		return -ATXF_EINVAL;
	err = load_msg(args->a[1], &km, true);
	if (err)
		return err;
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	port = port_of_locked(p, args->a[0], ATXF_RIGHT_WRITE, &err);
	if (!err)
		err = take_caps_locked(p, &km, port->id);
	if (!err) {
		port_hold_locked(port);
		err = enqueue_locked(p, port, &km, args->a[2] & ATXF_IPC_NONBLOCK, UINT64_MAX);
		if (err)
			kmsg_release_locked(&km);
		else if (args->a[2] & ATXF_IPC_MOVE_CAPS)
			drop_sent_locked(p, &km);
		port_release_locked(port);
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

/* A message taken: its call now belongs to p, its capabilities too. */
static void taken_locked(struct process *p, struct kmsg *km)
{
	if (km->call) {
		call_received_locked(km->call, p->pid, p->call_watch, p->call_watch_bits);
		km->m.reply = km->call->token;
	}
	install_caps_locked(p, km);
}

/* Takes the next message for p from port, waiting until deadline. */
static int dequeue_locked(struct process *p, struct port *port, struct kmsg *km,
			  uint64_t timeout_ns)
{
	uint64_t deadline = deadline_after(timeout_ns);

	while (!port_dequeue_locked(port, km)) {
		if (timeout_ns == ATXF_TIMEOUT_NONE || p->killed)
			return -ATXF_EAGAIN;
		if (clock_ns() >= deadline)
			return -ATXF_ETIMEDOUT;
		port_wait_locked(port, deadline);
	}
	taken_locked(p, km);
	return 0;
}

/* The first of n ports with something, looking from *turn on (then
 * moved past it, so each gets its turn): its index, or -1. */
static int dequeue_first_locked(struct port *const *ps, unsigned n, struct kmsg *km,
				unsigned *turn)
{
	for (unsigned k = 0; k < n; k++) {
		unsigned i = (*turn + k) % n;

		if (port_dequeue_locked(ps[i], km)) {
			*turn = i + 1;
			return (int)i;
		}
	}
	return -1;
}

/* dequeue_locked on several ports: the index of the one taken from. */
static int dequeue_any_locked(struct process *p, struct port *const *ps, unsigned n,
			      struct kmsg *km, uint64_t timeout_ns)
{
	static unsigned turn;   /* guarded by cap_lock */
	uint64_t deadline = deadline_after(timeout_ns);
	int got;

	while ((got = dequeue_first_locked(ps, n, km, &turn)) < 0) {
		if (timeout_ns == ATXF_TIMEOUT_NONE || p->killed)
			return -ATXF_EAGAIN;
		if (clock_ns() >= deadline)
			return -ATXF_ETIMEDOUT;
		port_wait_many_locked(ps, n, deadline);
	}
	taken_locked(p, km);
	return got;
}

long sys_ipc_recv(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct kmsg km;
	struct port *port;
	int err = msg_buffer_ok(args->a[1]);

	if (err)
		return err;
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	port = port_of_locked(p, args->a[0], ATXF_RIGHT_READ, &err);
	if (!err) {
		port_hold_locked(port);
		err = dequeue_locked(p, port, &km, args->a[2]);
		port_release_locked(port);
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	if (!err && copy_to_user(args->a[1], &km.m, sizeof(km.m)))
		err = -ATXF_EFAULT;     /* unmapped meanwhile: nothing else to do */
	return err;
}

long sys_ipc_recv_any(const struct syscall_args *args)
{
	struct process *p = process_current();
	atxf_handle_t h[PORT_WAIT_MAX];
	struct port *ps[PORT_WAIT_MAX];
	uint64_t n = args->a[1];
	struct kmsg km;
	int err = 0, got = 0;

	if (n == 0 || n > PORT_WAIT_MAX)
		return -ATXF_EINVAL;
	if (copy_from_user(h, args->a[0], n * sizeof(h[0])))
		return -ATXF_EFAULT;
	err = msg_buffer_ok(args->a[2]);
	if (err)
		return err;
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	for (uint64_t i = 0; i < n && !err; i++)
		ps[i] = port_of_locked(p, h[i] < 0 ? UINT64_MAX : (uint64_t)h[i],
				       ATXF_RIGHT_READ, &err);
	if (!err) {
		for (uint64_t i = 0; i < n; i++)
			port_hold_locked(ps[i]);
		got = dequeue_any_locked(p, ps, (unsigned)n, &km, args->a[3]);
		for (uint64_t i = 0; i < n; i++)
			port_release_locked(ps[i]);
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	if (err)
		return err;
	if (got >= 0 && copy_to_user(args->a[2], &km.m, sizeof(km.m)))
		return -ATXF_EFAULT;    /* unmapped meanwhile: nothing else to do */
	return got;
}

/* The caller gives up on a call: its request may still sit in the queue. */
static void abandon_call_locked(struct port *port, struct call *c)
{
	for (uint32_t i = 0; i < port->count; i++) {
		struct kmsg *km = &port->queue[(port->head + i) % PORT_QUEUE_LEN];

		if (km->call == c)
			km->call = NULL;
	}
}

/* Waits for c's answer until deadline. */
static int await_reply_locked(struct process *p, struct port *port, struct call *c,
			      uint64_t deadline)
{
	while (!c->done) {
		if (p->killed || clock_ns() >= deadline) {
			call_abandon_locked(c);
			abandon_call_locked(port, c);
			return p->killed ? -ATXF_EAGAIN : -ATXF_ETIMEDOUT;
		}
		sched_sleep_until(deadline, &cap_lock);
		spin_lock_raw(&cap_lock);
	}
	return c->status;
}

long sys_ipc_call(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t deadline = deadline_after(args->a[3]);
	struct kmsg km;
	struct call c;
	struct port *port;
	int err = load_msg(args->a[1], &km, true);

	if (!err)
		err = msg_buffer_ok(args->a[2]);
	if (err)
		return err;
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	port = port_of_locked(p, args->a[0], ATXF_RIGHT_WRITE, &err);
	if (!err)
		err = take_caps_locked(p, &km, port->id);
	if (!err) {
		port_hold_locked(port);         /* abandon_call_locked may need it after our wait */
		call_open_locked(&c);
		km.call = &c;
		err = enqueue_locked(p, port, &km, false, deadline);
		if (err)
			kmsg_release_locked(&km);
		else
			err = await_reply_locked(p, port, &c, deadline);
		call_close_locked(&c);
		if (!err)
			install_caps_locked(p, &c.reply);
		else if (c.done)
			kmsg_release_locked(&c.reply);
		port_release_locked(port);
	}
	spin_unlock_irqrestore(&cap_lock, flags);
	if (!err && copy_to_user(args->a[2], &c.reply.m, sizeof(c.reply.m)))
		err = -ATXF_EFAULT;
	/* The pid that received the request, and so the only one that could
	 * answer it: the caller checks the reply's sender against it. */
	return err ? err : (long)c.server;
}

long sys_ipc_reply(const struct syscall_args *args)
{
	struct process *p = process_current();
	struct call *c;
	struct kmsg km;
	int err = load_msg(args->a[1], &km, false);   /* type is a status */

	if (err)
		return err;
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	/* Another process's call answers as a stale token would: whether
	 * the token exists is none of the replier's business. */
	c = call_find_locked(args->a[0], p->pid);
	if (!c)
		err = -ATXF_ENOENT;
	if (!err)
		err = take_caps_locked(p, &km, 0);
	if (!err)
		call_finish_locked(c, 0, &km);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_ipc_notify(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int err;
	struct port *port = port_of_locked(p, args->a[0], ATXF_RIGHT_WRITE, &err);

	if (!err)
		err = port_notify_locked(port, args->a[1]);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

/* SYS_PORT_WATCH: any right to the watched port; the target must take
 * notifications, so the caller needs a send right to it. */
long sys_port_watch(const struct syscall_args *args)
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int err, err2;
	struct port *watched = port_of_locked(p, args->a[0], 0, &err);
	struct port *target = port_of_locked(p, args->a[1], ATXF_RIGHT_WRITE, &err2);

	if (!err)
		err = err2;
	if (!err)
		err = watch_port_locked(p, watched, target, args->a[2]);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

/* SYS_PROC_WATCH and SYS_CALL_WATCH: (port, bits) into one of the
 * process's watches; bits 0 clears it (the port is then not looked at). */
static long set_watch(const struct syscall_args *args,
		      void (*set)(struct process *, struct port *, uint64_t))
{
	struct process *p = process_current();
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int err = 0;
	struct port *target = args->a[1] ? port_of_locked(p, args->a[0], ATXF_RIGHT_WRITE, &err)
					 : NULL;

	if (!err)
		set(p, target, args->a[1]);
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

long sys_call_watch(const struct syscall_args *args)
{
	return set_watch(args, watch_calls_locked);
}

/* SYS_CALL_PROBE: the caller's own received calls only, like SYS_IPC_REPLY. */
long sys_call_probe(const struct syscall_args *args)
{
	uint32_t pid = process_current()->pid;
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	bool open = call_open_for_locked(args->a[0], pid);

	spin_unlock_irqrestore(&cap_lock, flags);
	return open ? 0 : -ATXF_ENOENT;
}

long sys_proc_watch(const struct syscall_args *args)
{
	return set_watch(args, watch_children_locked);
}
