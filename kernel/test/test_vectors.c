/*
 * Message vector self-test (irq/vector.h): the kernel has room for 160
 * MSI and MSI-X vectors at once, what 20 devices with a queue per vector
 * and 8 queues each need; the next one is refused, and a freed vector is
 * handed out again. Under cap_lock, as every caller holds it.
 */
#include <atxf/errors.h>
#include "arch/x86_64/vectors.h"
#include "cap/captable.h"
#include "irq/vector.h"
#include "lib/log.h"
#include "test/ktest.h"

static int taken[VEC_MSI_COUNT];

/* Takes every free vector; returns how many, and whether the next failed. */
static unsigned take_all(int *next)
{
	unsigned n = 0;
	int v;

	while (n < VEC_MSI_COUNT && (v = msg_vector_alloc()) >= 0)
		taken[n++] = v;
	*next = msg_vector_alloc();
	return n;
}

int ktest_vectors(void)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	int next, again;
	unsigned n = take_all(&next);

	msg_vector_free((unsigned)taken[7]);
	again = msg_vector_alloc();
	for (unsigned i = 0; i < n; i++)
		msg_vector_free((unsigned)taken[i]);
	spin_unlock_irqrestore(&cap_lock, flags);
	klog("ktest vectors: %u message vectors (0x%x-0x%x), the next: %d, a freed one again: "
	     "0x%x", n, taken[0], taken[n - 1], next, again);
	KTEST_CHECK(n == 160, "want 160 vectors for 20 devices of 8 queues");
	KTEST_CHECK(next == -ATXF_ENOSPC, "the 161st must be refused");
	KTEST_CHECK(again == taken[7], "a freed vector must come back");
	return 0;
}
