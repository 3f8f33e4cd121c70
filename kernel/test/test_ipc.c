/*
 * IPC objects self-test, below the system calls: a port's bounded queue,
 * notifications (coalesced, never lost, ahead of messages), the death of
 * a port when its last receive right goes (queued capabilities released,
 * later sends -ATXF_EPEER, the memory freed with the last reference),
 * reply tokens (unique, never 0, not a visible sequence) and the rule that
 * only a call's server finds it by its token, and physically contiguous
 * allocation for DMA.
 */
#include <atxf/errors.h>
#include "arch/x86_64/memlayout.h"
#include "cap/captable.h"
#include "ipc/call.h"
#include "ipc/port.h"
#include "ipc/token.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/heap.h"
#include "mm/pmm.h"
#include "test/ktest.h"

#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

static struct kmsg numbered(uint32_t n)
{
	struct kmsg km;

	memset(&km, 0, sizeof(km));
	km.m.type = n;
	return km;
}

static int test_queue(struct port *p)
{
	struct kmsg km, out;

	for (uint32_t i = 0; i < PORT_QUEUE_LEN; i++) {
		km = numbered(i);
		KTEST_CHECK(port_enqueue_locked(p, &km) == 0, "message %u refused", i);
	}
	km = numbered(99);
	KTEST_CHECK(port_enqueue_locked(p, &km) == -ATXF_EAGAIN, "a full queue must say EAGAIN");
	KTEST_CHECK(port_notify_locked(p, 1) == 0 && port_notify_locked(p, 4) == 0, "notify");
	KTEST_CHECK(port_dequeue_locked(p, &out) && out.m.type == ATXF_MSG_NOTIFY &&
		    *(uint64_t *)out.m.data == 5, "notifications coalesce and come first");
	for (uint32_t i = 0; i < PORT_QUEUE_LEN; i++)
		KTEST_CHECK(port_dequeue_locked(p, &out) && out.m.type == i,
			    "message %u out of order", i);
	KTEST_CHECK(!port_dequeue_locked(p, &out), "the queue must be empty");
	return 0;
}

/* A queued message holding a second port's send right: the port's death
 * must give that reference back. */
static int test_death(struct port *p)
{
	struct port *other = port_create();
	struct kmsg km = numbered(1);

	KTEST_CHECK(other, "port_create");
	port_get_locked(other, RW);
	km.caps[0] = (struct cap){ .kind = ATXF_CAP_PORT, .rights = ATXF_RIGHT_WRITE,
				   .obj = other };
	cap_get(&km.caps[0]);
	km.ncaps = 1;
	KTEST_CHECK(other->refs == 2, "two references to the second port");
	KTEST_CHECK(port_enqueue_locked(p, &km) == 0, "enqueue with a capability");
	port_get_locked(p, ATXF_RIGHT_WRITE);           /* a sender stays */
	port_put_locked(p, RW);                         /* the receiver goes */
	KTEST_CHECK(p->dead && p->count == 0, "the port must die with its last reader");
	KTEST_CHECK(other->refs == 1, "the queued capability must be released");
	km = numbered(2);
	KTEST_CHECK(port_enqueue_locked(p, &km) == -ATXF_EPEER, "a send after death: EPEER");
	KTEST_CHECK(port_notify_locked(p, 0) == -ATXF_EPEER, "a notify after death: EPEER");
	port_put_locked(p, ATXF_RIGHT_WRITE);           /* frees p */
	port_put_locked(other, RW);
	return 0;
}

/* A message carrying cap to port to, with rights, queued on on. */
static int queue_cap(struct port *on, struct port *to, uint32_t rights)
{
	struct kmsg km = numbered(7);

	km.caps[0] = (struct cap){ .kind = ATXF_CAP_PORT, .rights = rights, .obj = to };
	cap_get(&km.caps[0]);
	km.ncaps = 1;
	return port_enqueue_locked(on, &km);
}

/* A port whose own queue holds a send right to it: its receiver's going
 * releases that right from inside its own death, and the port is freed
 * exactly once, when the last reference goes. */
static int test_self_reference(void)
{
	uint32_t ports = port_count();
	struct port *p = port_create();

	KTEST_CHECK(p, "port_create");
	port_get_locked(p, RW);
	KTEST_CHECK(queue_cap(p, p, ATXF_RIGHT_WRITE) == 0, "enqueue its own send right");
	KTEST_CHECK(p->refs == 2, "the queued right holds a reference");
	port_put_locked(p, RW);
	KTEST_CHECK(port_count() == ports, "the port must be freed once it is unreachable");
	return 0;
}

/* Two ports, each queue holding a right to the other (a receive right to
 * b on a, a send right to a on b): a's death kills b from inside it, b's
 * queue gives a's reference back while a is still dying, and both are
 * freed once. */
static int test_death_cycle(void)
{
	uint32_t ports = port_count();
	struct port *a = port_create(), *b = port_create();

	KTEST_CHECK(a && b, "port_create");
	port_get_locked(a, RW);
	port_get_locked(b, RW);
	KTEST_CHECK(queue_cap(a, b, RW) == 0 && queue_cap(b, a, ATXF_RIGHT_WRITE) == 0,
		    "enqueue the crossed rights");
	port_put_locked(b, RW);                 /* b's only receiver is now in a's queue */
	KTEST_CHECK(!b->dead && b->readers == 1, "b lives while a's queue holds its receiver");
	port_put_locked(a, RW);
	KTEST_CHECK(port_count() == ports, "both ports freed: %u left of %u",
		    port_count(), ports);
	return 0;
}

#define NTOKENS 4096

static void sort_u64(uint64_t *v, int n)
{
	for (int gap = n / 2; gap > 0; gap /= 2)
		for (int i = gap; i < n; i++)
			for (int j = i; j >= gap && v[j - gap] > v[j]; j -= gap) {
				uint64_t t = v[j];

				v[j] = v[j - gap];
				v[j - gap] = t;
			}
}

/* Consecutive tokens must not betray the counter behind them: with a keyed
 * permutation two differ by less than 2^32 once in 2^31 pairs. */
static int check_tokens(uint64_t *t)
{
	int close = 0, zero = 0, twice = 0;

	for (int i = 0; i < NTOKENS; i++) {
		uint64_t d = i ? t[i] - t[i - 1] : 0;

		zero += t[i] == 0;
		close += i && (d < (1ull << 32) || -d < (1ull << 32));
	}
	sort_u64(t, NTOKENS);
	for (int i = 1; i < NTOKENS; i++)
		twice += t[i] == t[i - 1];
	KTEST_CHECK(!zero && !twice, "tokens: %d zero, %d repeated of %d", zero, twice, NTOKENS);
	KTEST_CHECK(!close, "tokens: %d consecutive pairs less than 2^32 apart", close);
	return 0;
}

static int test_tokens(void)
{
	uint64_t *t = kmalloc(NTOKENS * sizeof(*t));
	uint64_t flags;
	int bad;

	KTEST_CHECK(t, "kmalloc for %d tokens", NTOKENS);
	flags = spin_lock_irqsave(&cap_lock);
	for (int i = 0; i < NTOKENS; i++)
		t[i] = token_next_locked();
	spin_unlock_irqrestore(&cap_lock, flags);
	bad = check_tokens(t);
	kfree(t);
	return bad;
}

/* SYS_IPC_REPLY's lookup: the token alone is not enough. The call is on
 * the list while we look, so every check waits until it is closed. */
static int test_reply_needs_server(void)
{
	struct call c;
	bool server, other, stale, done;

	call_open_locked(&c);
	c.server = 7;
	server = call_find_locked(c.token, 7) == &c;
	other = call_find_locked(c.token, 8) != NULL;
	stale = call_find_locked(c.token ^ 1, 7) != NULL;
	c.done = true;
	done = call_find_locked(c.token, 7) != NULL;
	call_close_locked(&c);
	KTEST_CHECK(server, "the server must find its call by token");
	KTEST_CHECK(!other, "another process must not find the call by its token");
	KTEST_CHECK(!stale && !done, "a wrong or answered token must find nothing");
	return 0;
}

static int test_contig(void)
{
	uint64_t before = pmm_free_frames();
	uint64_t pa = pmm_alloc_contig(16, 4ul << 30);

	KTEST_CHECK(pa && pa % PAGE_SIZE == 0 && pa + 16 * PAGE_SIZE <= (4ul << 30),
		    "16 contiguous frames below 4 GiB: 0x%lx", pa);
	KTEST_CHECK(pmm_free_frames() == before - 16, "16 frames taken");
	for (int i = 0; i < 16; i++) {
		const uint64_t *w = phys_to_virt(pa + i * PAGE_SIZE);

		KTEST_CHECK(w[0] == 0 && w[511] == 0, "frame %d not zeroed", i);
		pmm_free(pa + i * PAGE_SIZE);
	}
	KTEST_CHECK(pmm_free_frames() == before, "all given back");
	return 0;
}

int ktest_ipc(void)
{
	uint64_t before = pmm_free_frames();
	struct port *p = port_create();
	uint64_t flags;
	int bad;

	KTEST_CHECK(p, "port_create");
	flags = spin_lock_irqsave(&cap_lock);
	port_get_locked(p, RW);
	bad = test_queue(p) || test_death(p) || test_self_reference() || test_death_cycle() ||
	      test_reply_needs_server();
	spin_unlock_irqrestore(&cap_lock, flags);
	if (bad || test_tokens() || test_contig())
		return -1;
	klog("ktest ipc: %d reply tokens unique and never 0; a token finds its call only "
	     "for the call's server", NTOKENS);
	klog("ktest ipc: queue of %d, notifications first, death (also from inside a queue, "
	     "and in a cycle), contiguous frames: %ld "
	     "frames net", PORT_QUEUE_LEN, (long)(before - pmm_free_frames()));
	return 0;
}
