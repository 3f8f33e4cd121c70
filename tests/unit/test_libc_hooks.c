/*
 * The ATXF runtime as the libc's host tests see it: the three hooks of
 * sdk/lib/libc/hooks.h under their renamed (tlibc_*) names. The console is
 * a buffer, the heap's pages come from a static arena, and exit longjmps
 * back into the test that expected it. Also the tests' random seed.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
void *tlibc_atxf_heap_grow(unsigned long bytes);
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
