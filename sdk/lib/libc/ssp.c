/*
 * The stack protector's runtime (-fstack-protector, -strong, -all): the
 * canary a protected function stores below its return address and checks
 * before returning, and what happens when the check fails. Compilers look
 * for the canary in one of two places, so it is in both: the cross GCC and
 * clang's generic ELF target read __stack_chk_guard; GCC for x86-64 Linux
 * (the wrapper) reads %fs:0x28, the control block's canary field
 * (pthread_impl.h), which every thread's block gets from the guard.
 *
 * The value mixes the monotonic clock at start-up with the stack's address:
 * it differs between runs and processes, but it is no secret from a
 * patient attacker (there is no entropy source in the libc yet). Its low
 * byte is 0, as glibc's, so a string overflow cannot copy it.
 */
#include <stdint.h>
#include "hooks.h"
#include "pthread_impl.h"

/* The failure's exit status: abort()'s, 128 + SIGABRT, as glibc's
 * __stack_chk_fail ends with SIGABRT. */
#define SMASHED_STATUS 134

uintptr_t __stack_chk_guard;

/* splitmix64's finalizer: every input bit reaches every output bit. */
static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void __atxf_ssp_init(void)
{
	uintptr_t here = (uintptr_t)&here;

	if (__stack_chk_guard == 0)
		__stack_chk_guard = (uintptr_t)mix(atxf_clock_ns() ^ mix(here)) & ~(uintptr_t)0xff;
}

/* The stack is damaged: nothing that might use it further (stdio's buffers,
 * atexit handlers, a SIGABRT handler) runs. The message is glibc's. */
_Noreturn void __stack_chk_fail(void)
{
	static const char msg[] = "*** stack smashing detected ***: terminated\n";

	atxf_debug_write(msg, sizeof(msg) - 1);
	atxf_exit(SMASHED_STATUS);
}
