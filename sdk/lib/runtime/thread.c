/*
 * Thread calls of <atxf/sys.h> (docs/syscalls.md §7): the kernel's side of
 * <pthread.h> and <threads.h>, which the libc builds on them.
 */
#include <atxf/sys.h>
#include "../libc/hooks.h"
#include "trap.h"

long atxf_thread_create(void (*entry)(void *), void *arg, void *stack_top, void *tls)
{
	return sys_THREAD_CREATE(ATXF_PTR(entry), ATXF_PTR(arg), ATXF_PTR(stack_top),
				 ATXF_PTR(tls));
}

_Noreturn void atxf_thread_exit(uint32_t *clear, void *unmap, size_t unmap_len)
{
	/* It does not return; the loop only satisfies _Noreturn. */
	for (;;)
		sys_THREAD_EXIT(ATXF_PTR(clear), ATXF_PTR(unmap), (long)unmap_len);
}

long atxf_thread_self(void)
{
	return sys_THREAD_SELF();
}

int atxf_tls_set(void *tp)
{
	return (int)sys_TLS_SET(ATXF_PTR(tp));
}

int atxf_futex_wait(uint32_t *addr, uint32_t expected, uint64_t timeout_ns)
{
	return (int)sys_FUTEX_WAIT(ATXF_PTR(addr), (long)expected, (long)timeout_ns);
}

int atxf_futex_wake(uint32_t *addr, uint32_t n)
{
	return (int)sys_FUTEX_WAKE(ATXF_PTR(addr), (long)n);
}
