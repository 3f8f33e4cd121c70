/*
 * Program output (proc/output.h): the per-process pending line in front of
 * the console. Everything that touches a pending buffer holds the console
 * lock, so the bytes a process writes, the tick that sends its partial line
 * and anyone else's line never cross.
 */
#include "lib/console.h"
#include "lib/string.h"
#include "mm/heap.h"
#include "proc/output.h"
#include "proc/process.h"

/* How many of s[0..n) go up to and including the last '\n' (0: none). */
static size_t whole_lines(const char *s, size_t n)
{
	while (n && s[n - 1] != '\n')
		n--;
	return n;
}

static void send_pending_locked(struct process *p)
{
	struct output *o = &p->out;

	console_put_locked(p->pid, o->pending, o->len);
	o->len = 0;
	o->ticks = 0;
}

/* The partial line s[0..n) joins what waits; when it cannot (full, or no
 * buffer), all of it goes out now and the line stays open on the console. */
static void keep_locked(struct process *p, const char *s, size_t n)
{
	struct output *o = &p->out;

	if (!n)
		return;
	if (!o->pending || o->len + n > OUTPUT_PENDING) {
		send_pending_locked(p);
		console_put_locked(p->pid, s, n);
		return;
	}
	memcpy(o->pending + o->len, s, n);
	o->len += n;
	o->ticks = 0;                   /* it is writing, not idle */
}

long output_write(struct process *p, const char *s, size_t n)
{
	size_t whole = whole_lines(s, n);
	char *fresh = NULL;
	uint64_t flags;

	/* Allocated outside the lock; without memory, partial lines simply
	 * go out as they come. Another thread of p may have installed one
	 * meanwhile: then ours goes back. */
	if (whole < n && !p->out.pending)
		fresh = kmalloc(OUTPUT_PENDING);
	flags = console_lock();
	if (fresh && !p->out.pending) {
		p->out.pending = fresh;
		fresh = NULL;
	}
	if (whole) {
		send_pending_locked(p);
		console_put_locked(p->pid, s, whole);
	}
	keep_locked(p, s + whole, n - whole);
	console_unlock(flags);
	kfree(fresh);
	return (long)n;
}

void output_flush(struct process *p)
{
	uint64_t flags;

	if (!p->out.len)                /* a stale look only delays or repeats a flush */
		return;
	flags = console_lock();
	send_pending_locked(p);
	console_unlock(flags);
}

void output_tick(struct process *p)
{
	uint64_t flags;

	/* The tick runs on p's CPU with p interrupted: p cannot be changing
	 * len right now, so the unlocked look is exact. */
	if (!p || !p->out.len)
		return;
	flags = console_lock();
	if (p->out.len && ++p->out.ticks >= OUTPUT_PARTIAL_TICKS)
		send_pending_locked(p);
	console_unlock(flags);
}

void output_release(struct process *p)
{
	uint64_t flags = console_lock();
	char *buf = p->out.pending;

	send_pending_locked(p);
	p->out.pending = NULL;
	console_unlock(flags);
	kfree(buf);
}
