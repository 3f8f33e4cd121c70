/*
 * atxf_shm_probe on the host (<atxf/port.h>): a test "revokes" a region
 * the way the kernel does, by unmapping it (munmap), and the probe asks
 * Linux whether the page is still mapped (mincore: ENOMEM when it is not),
 * again without touching it.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include <atxf/errors.h>
#include <atxf/port.h>

int atxf_shm_probe(const volatile void *addr)
{
	uintptr_t page = (uintptr_t)addr & ~((uintptr_t)sysconf(_SC_PAGESIZE) - 1);
	unsigned char resident;

	if (mincore((void *)page, 1, &resident) < 0 && errno == ENOMEM)
		return -ATXF_EFAULT;
	return 0;
}
