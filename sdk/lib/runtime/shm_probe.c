/*
 * atxf_shm_probe (<atxf/port.h>): is a shared page still there? Asked
 * without touching it, so a revoked grant answers instead of faulting.
 *
 * No call says so directly; SYS_FUTEX_WAIT with a zero timeout does it
 * on the side: the kernel reads the word through its fault-safe copy and
 * answers EFAULT for a page that is gone, and EAGAIN or ETIMEDOUT (never
 * sleeping) for one that is mapped. The word itself is left alone.
 */
#include <stdint.h>
#include <atxf/errors.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include <atxf/syscalls.h>

int atxf_shm_probe(const volatile void *addr)
{
	uintptr_t word = (uintptr_t)addr & ~(uintptr_t)3;
	int err = atxf_futex_wait((uint32_t *)word, 0, ATXF_TIMEOUT_NONE);

	return err == -ATXF_EFAULT ? -ATXF_EFAULT : 0;
}
