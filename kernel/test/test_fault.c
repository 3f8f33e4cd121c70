/*
 * Deliberate kernel faults, to check the exception report and the panic
 * path end to end. Each fault is real (an instruction the CPU refuses) and
 * happens in its own thread, so the report names that thread and the
 * backtrace runs through thread_start.
 */
#include "lib/log.h"
#include "mm/heap.h"
#include "sched/sched.h"
#include "test/ktest.h"

/* Never mapped: far above anything the KVA bump allocator reaches. */
#define UNMAPPED_KERNEL_ADDR 0xffffc0ffdead0000ul

static void __attribute__((noinline)) do_invalid_opcode(void)
{
	__asm__ volatile("ud2");
}

static void __attribute__((noinline)) do_bad_read(void)
{
	volatile uint64_t *p = (volatile uint64_t *)UNMAPPED_KERNEL_ADDR;

	klog("ktest pf: read from 0x%lx gave 0x%lx", (uint64_t)p, *p);
}

/* A block of several pages (its own KVA pages, never reused), freed here
 * so that the fault report can name this function as the one that freed it. */
static uint64_t *__attribute__((noinline)) free_the_block(void)
{
	uint64_t *block = kzalloc(3 * 4096);

	if (block)
		kfree(block);
	return block;
}

static void __attribute__((noinline)) do_stale_read(volatile uint64_t *p)
{
	klog("ktest uaf: read from freed 0x%lx gave 0x%lx", (uint64_t)p, p[2]);
}

/* Recurses until the stack runs into its guard page. The #PF cannot be
 * delivered on the exhausted stack, so the CPU raises a double fault, which
 * runs on its own IST stack and reports. */
static volatile uint64_t recursion_limit = ~0ul;    /* never reached */

static uint64_t __attribute__((noinline)) recurse(uint64_t depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (depth == recursion_limit)
		return 0;
	return recurse(depth + 1) + pad[0];
}

static void overflow_thread(void *arg)
{
	(void)arg;
	recurse(0);
}

static void ud_thread(void *arg)
{
	(void)arg;
	do_invalid_opcode();
}

static void pf_thread(void *arg)
{
	(void)arg;
	do_bad_read();
}

static void uaf_thread(void *arg)
{
	uint64_t *stale = free_the_block();

	(void)arg;
	if (stale)
		do_stale_read(stale);
	klog("ktest uaf: no memory for the block");
}

static int run_fault_thread(const char *name, thread_entry_t fn)
{
	struct thread *t = thread_create(name, fn, NULL, PRIO_DEFAULT, 0);

	KTEST_CHECK(t, "cannot create %s", name);
	thread_join(t);
	klog("ktest: %s survived its fault", name);     /* must not get here */
	return -1;
}

int ktest_fault_ud(void)
{
	return run_fault_thread("ktest-ud", ud_thread);
}

int ktest_fault_pf(void)
{
	return run_fault_thread("ktest-pf", pf_thread);
}

int ktest_stack_overflow(void)
{
	return run_fault_thread("ktest-overflow", overflow_thread);
}

int ktest_use_after_free(void)
{
	return run_fault_thread("ktest-uaf", uaf_thread);
}
