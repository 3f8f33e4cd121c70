/*
 * The ATXF runtime as the libc's host tests see it: the hooks of
 * sdk/lib/libc/hooks.h under their renamed (tlibc_*) names. The console is
 * a buffer, the heap's pages come from a static arena (released pages are
 * counted, and the arena's top shrinks back when they were its last), exit
 * longjmps back into the test that expected it, and the futex and clock
 * hooks are Linux's own futex(2) and CLOCK_MONOTONIC, so the libc's lock
 * runs for real. Also the tests' random seed.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "test_libc.h"

#define PAGE 4096
#define ARENA_SIZE (64u << 20)

char console_text[1 << 16];
size_t console_len;
unsigned console_writes;
unsigned long console_max_write = (unsigned long)-1;
int console_fail;

size_t arena_limit = ARENA_SIZE;
size_t arena_used;
size_t arena_released;
static _Alignas(PAGE) char arena[ARENA_SIZE];

jmp_buf *exit_jump;
int exit_status = -1;

void console_reset(void)
{
	console_len = 0;
	console_text[0] = '\0';
	console_writes = 0;
	console_max_write = (unsigned long)-1;
	console_fail = 0;
}

long tlibc_atxf_debug_write(const char *buf, unsigned long len);
long tlibc_atxf_stdin_read(char *buf, unsigned long len);
void *tlibc_atxf_heap_grow(unsigned long bytes);

long (*stdin_source)(char *buf, unsigned long len);

long tlibc_atxf_stdin_read(char *buf, unsigned long len)
{
	return stdin_source ? stdin_source(buf, len) : 0;
}
_Noreturn void tlibc_atxf_exit(int status);

long tlibc_atxf_debug_write(const char *buf, unsigned long len)
{
	console_writes++;
	if (console_fail)
		return -13;     /* -ATXF_EIO */
	if (len > console_max_write)
		len = console_max_write;
	if (len > sizeof(console_text) - 1 - console_len) {
		fprintf(stderr, "test console overflow\n");
		abort();
	}
	memcpy(console_text + console_len, buf, len);
	console_len += len;
	console_text[console_len] = '\0';
	return (long)len;
}

void *tlibc_atxf_heap_grow(unsigned long bytes)
{
	void *p;

	if (bytes == 0 || bytes % PAGE != 0) {
		fprintf(stderr, "atxf_heap_grow(%lu): not a whole number of pages\n", bytes);
		abort();
	}
	if (bytes > arena_limit - arena_used)
		return NULL;
	p = arena + arena_used;
	arena_used += bytes;
	return p;
}

int tlibc_atxf_heap_release(void *p, unsigned long bytes);
uint64_t tlibc_atxf_clock_ns(void);
int tlibc_atxf_futex_wait(uint32_t *addr, uint32_t expected, uint64_t timeout_ns);
int tlibc_atxf_futex_wake(uint32_t *addr, uint32_t n);

int tlibc_atxf_heap_release(void *p, unsigned long bytes)
{
	char *c = p;

	if (bytes == 0 || bytes % PAGE != 0 || c < arena || c + bytes > arena + arena_used) {
		fprintf(stderr, "atxf_heap_release(%p, %lu): not pages the arena gave\n", p, bytes);
		abort();
	}
	arena_released += bytes;
	if (c + bytes == arena + arena_used)
		arena_used -= bytes;
	return 0;
}

uint64_t tlibc_atxf_clock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The kernel's semantics (docs/syscalls.md §7) on Linux's futex: 0 woken,
 * -7 (-ATXF_EAGAIN) when the word differs, -8 (-ATXF_ETIMEDOUT). */
int tlibc_atxf_futex_wait(uint32_t *addr, uint32_t expected, uint64_t timeout_ns)
{
	struct timespec ts = { (time_t)(timeout_ns / 1000000000u), (long)(timeout_ns % 1000000000u) };
	int forever = timeout_ns == UINT64_MAX;

	if (syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, expected, forever ? NULL : &ts) == 0)
		return 0;
	return errno == ETIMEDOUT ? -8 : -7;
}

int tlibc_atxf_futex_wake(uint32_t *addr, uint32_t n)
{
	return (int)syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, n > INT32_MAX ? INT32_MAX : n);
}

_Noreturn void tlibc_atxf_exit(int status)
{
	exit_status = status;
	if (exit_jump != NULL)
		longjmp(*exit_jump, 1);
	fprintf(stderr, "unexpected atxf_exit(%d); console:\n%s\n", status, console_text);
	abort();
}

uint64_t libc_test_seed(void)
{
	const char *env = getenv("LIBC_TEST_SEED");
	uint64_t seed = env != NULL ? strtoull(env, NULL, 0) : 0x5eed2026;

	if (seed == 0)
		seed = 1;       /* xorshift never leaves 0 */
	printf("[ SEED     ] LIBC_TEST_SEED=%" PRIu64 "\n", seed);
	return seed;
}
