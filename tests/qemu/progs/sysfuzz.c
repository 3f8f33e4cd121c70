/*
 * sysfuzz.atxf: throws COUNT system calls with random numbers and hostile
 * arguments at the kernel, which must answer each with a result or an
 * ATXF_E* error and never fault or panic (docs/syscalls.md §1: every
 * pointer and length is checked).
 *
 *   sysfuzz.atxf [SEED [COUNT]]      SEED defaults to 1, COUNT to 10000
 *
 * Numbers are 0..63 (the table and the gaps around it) and, one call in
 * sixteen, huge ones. Some huge numbers equal a denied call in their low
 * bits (256, 1 << 32): the kernel must refuse the whole 64-bit number, and a
 * kernel that truncated it would run the alias and stop this program early.
 * Arguments come from pools: 0, small integers, -1, kernel addresses
 * (0xffff800000000000.., 0xffffffff80000000..), unmapped user addresses,
 * non-canonical addresses, huge lengths, and pointers to its own scratch
 * buffers paired with wrong lengths. The generator is xorshift64*, seeded
 * from argv, so a seed replays the same calls.
 *
 * The deny list keeps the program alive, unblocked and alone; a denied draw
 * is drawn again and does not count as a call:
 *   SYS_EXIT, SYS_PROC_KILL           would end it (or another process)
 *   SYS_SLEEP, SYS_IPC_RECV, SYS_IPC_CALL, SYS_PROC_WAIT
 *                                     may block for as long as asked
 *   SYS_PROC_SPAWN                    would start copies of programs
 *   SYS_THREAD_CREATE, SYS_THREAD_EXIT  would start a thread at a random
 *                                     address (its fault ends the process),
 *                                     or end this one
 *   SYS_TLS_SET                       would move its own TLS (errno)
 *   SYS_MEM_UNMAP of a range touching its own image (text, data, bss,
 *                                     the scratch buffers) or its stack
 *   SYS_IO_OUTB/OUTW/OUTL touching ports 0xf4..0xf7 (isa-debug-exit: a
 *                                     write there powers QEMU off)
 *   SYS_DEBUG_WRITE or SYS_LOG_WRITE  would print binary garbage into the
 *   of user memory                    serial log the scenarios read; kernel,
 *                                     low and non-canonical pointers still go
 * SYS_IPC_SEND always gets ATXF_IPC_NONBLOCK added to its flags,
 * SYS_FUTEX_WAIT a timeout of 0 (it would block on a matching word), and a
 * mapping SYS_MEM_MAP grants is unmapped at once, so that thousands of
 * calls do not take the machine's memory from the other processes.
 *
 * Prints "sysfuzz: seed S, COUNT calls" first and
 * "sysfuzz: COUNT calls done, E errors" last (E: negative results), exit 0.
 */
#include <stdint.h>
#include <stdlib.h>
#include <atxf/atxf.h>
#include <atxf/ipc.h>
#include <atxf/log.h>
#include <atxf/sys.h>

#define NARGS        6
#define USER_END     0x0000800000000000ull   /* first non-canonical address */
#define STACK_ZONE   (16ull << 20)           /* generous: the stack is 1 MiB */
#define DEBUG_EXIT_PORT 0xf4u
#define DEBUG_EXIT_SIZE 4u

/* From ldscripts/atxf.ld: the end of bss, so the image is [LOAD_BASE, here). */
extern char __atxf_end[];

/*
 * Buffers the kernel may read and write. Pointers into them start in the
 * first half, so a call that writes a few records past a short length still
 * lands inside.
 */
static uint8_t scratch[4 * ATXF_PAGE_SIZE] __attribute__((aligned(ATXF_PAGE_SIZE)));

static uint64_t rng_state;
static uint64_t stack_lo;

/* xorshift64* (Vigna): small, fast and good enough to spread the draws. */
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static uint64_t pick(const uint64_t *pool, size_t n)
{
	return pool[rnd() % n];
}
#define PICK(pool) pick(pool, sizeof(pool) / sizeof(pool[0]))

static const uint64_t huge_numbers[] = {
	40, 64, 255, 256, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff,
	1ull << 32, (1ull << 32) | SYS_CLOCK, 0x7fffffffffffffff, 0x8000000000000000,
	0xffffffffffffffff,
};

static const uint64_t small_ints[] = { 1, 2, 3, 4, 7, 8, 16, 31, 32, 63, 64, 255, 4096 };

/* Nothing is ever mapped here (docs/syscalls.md §3, and the kernel's stack). */
static const uint64_t unmapped_user[] = {
	1, 0x1000, 0x3ff000, 0x3ffff8, 0x40400000, 0x7effff000000, 0x7ffff0000000,
	0x7ffffffff000, 0x7ffffffffff8, 0x7fffffffffff,
};

static const uint64_t non_canonical[] = {
	0x0000800000000000, 0x8000000000000000, 0x0000ffffffffffff, 0xdead000000000000,
	0x7fff800000000000, 0xfffe000000000000,
};

static const uint64_t huge_lengths[] = {
	0x7fffffffffffffff, 0xffffffffffff0000, 0xfffffffffffff000, 1ull << 40,
	0x100000000, 0x80000000, 0x10000000,
};

/* Lengths that do not match the buffer they come with. */
static const uint64_t wrong_lengths[] = {
	0, 1, sizeof(scratch) + 1, 2 * sizeof(scratch), 0x100000, 0xffffffffffffffff,
};

static uint64_t kernel_address(void)
{
	if (rnd() & 1)
		return 0xffff800000000000ull + (rnd() & 0x3ffffffff8ull);
	return 0xffffffff80000000ull + (rnd() & 0xfffff8ull);
}

static uint64_t own_buffer(void)
{
	return (uintptr_t)scratch + (rnd() % (sizeof(scratch) / 2));
}

static uint64_t hostile(void)
{
	switch (rnd() % 10) {
	case 0:  return 0;
	case 1:  return PICK(small_ints);
	case 2:  return rnd() % 17;
	case 3:  return 0xffffffffffffffffull;
	case 4:  return kernel_address();
	case 5:  return PICK(unmapped_user);
	case 6:  return PICK(non_canonical);
	case 7:  return PICK(huge_lengths);
	case 8:  return own_buffer();
	default: return rnd();
	}
}

static long number(void)
{
	if (rnd() % 16 == 0)
		return (long)PICK(huge_numbers);
	return (long)(rnd() % 64);
}

/* One call in four gets a valid pointer followed by a wrong length. */
static void draw_args(uint64_t a[NARGS])
{
	for (int i = 0; i < NARGS; i++)
		a[i] = hostile();
	if (rnd() % 4 == 0) {
		int k = (int)(rnd() % (NARGS - 1));

		a[k] = own_buffer();
		a[k + 1] = PICK(wrong_lengths);
	}
}

/* [addr, addr + len), page-rounded and saturating, meets [lo, hi)? */
static int touches(uint64_t addr, uint64_t len, uint64_t lo, uint64_t hi)
{
	uint64_t start = addr & ~(uint64_t)(ATXF_PAGE_SIZE - 1);
	uint64_t end = addr + len + ATXF_PAGE_SIZE - 1;

	if (end < addr)
		end = UINT64_MAX;
	return start < hi && end > lo;
}

static int touches_self(uint64_t addr, uint64_t len)
{
	return touches(addr, len, ATXF_LOAD_BASE, (uintptr_t)__atxf_end) ||
	       touches(addr, len, stack_lo, USER_END);
}

/* Ports are 16 bits: whatever the kernel does with the rest, check the low part. */
static int touches_debug_exit(uint64_t port, unsigned width)
{
	uint64_t p = port & 0xffff;

	return p < DEBUG_EXIT_PORT + DEBUG_EXIT_SIZE && p + width > DEBUG_EXIT_PORT;
}

static int denied(long nr, const uint64_t a[NARGS])
{
	switch (nr) {
	case SYS_EXIT:
	case SYS_PROC_KILL:
	case SYS_SLEEP:
	case SYS_IPC_RECV:
	case SYS_IPC_CALL:
	case SYS_PROC_WAIT:
	case SYS_PROC_SPAWN:
	case SYS_THREAD_CREATE:
	case SYS_THREAD_EXIT:
	case SYS_TLS_SET:
		return 1;
	case SYS_MEM_UNMAP:
		return touches_self(a[0], a[1]);
	case SYS_DEBUG_WRITE:
	case SYS_LOG_WRITE:
		return a[0] >= ATXF_LOAD_BASE && a[0] < USER_END;
	case SYS_IO_OUTB:
		return touches_debug_exit(a[0], 1);
	case SYS_IO_OUTW:
		return touches_debug_exit(a[0], 2);
	case SYS_IO_OUTL:
		return touches_debug_exit(a[0], 4);
	default:
		return 0;
	}
}

static long fuzz_one(void)
{
	uint64_t a[NARGS];
	long nr, ret;

	do {
		nr = number();
		draw_args(a);
	} while (denied(nr, a));
	if (nr == SYS_IPC_SEND)
		a[2] |= ATXF_IPC_NONBLOCK;
	if (nr == SYS_FUTEX_WAIT)
		a[2] = ATXF_TIMEOUT_NONE;
	ret = atxf_syscall(nr, (long)a[0], (long)a[1], (long)a[2], (long)a[3], (long)a[4],
			   (long)a[5]);
	if (nr == SYS_MEM_MAP && ret > 0)
		atxf_mem_unmap((void *)ret, a[1]);
	return ret;
}

int main(int argc, char **argv)
{
	uint64_t seed = argc > 1 ? strtoull(argv[1], NULL, 0) : 1;
	unsigned long count = argc > 2 ? strtoul(argv[2], NULL, 0) : 10000;
	unsigned long errors = 0;
	uint64_t here = (uintptr_t)&seed;

	/* xorshift must never hold 0; mixing in a constant keeps seed 0 usable. */
	rng_state = seed ^ 0x9e3779b97f4a7c15ull;
	if (rng_state == 0)
		rng_state = 1;
	stack_lo = (here & ~(uint64_t)0xfffff) - STACK_ZONE;

	atxf_log("sysfuzz: seed %llu, %lu calls\n", (unsigned long long)seed, count);
	for (unsigned long i = 0; i < count; i++)
		errors += fuzz_one() < 0;
	atxf_log("sysfuzz: %lu calls done, %lu errors\n", count, errors);
	return 0;
}
