/*
 * Kernel access to user memory. The range check keeps the copy inside the
 * user half (never the kernel's own memory, however the user computes the
 * pointer); the fault fixup turns a bad page into -ATXF_EFAULT. With SMAP on,
 * the kernel may touch user pages only between stac and clac (SDM vol. 3
 * §4.6.1), so the window is open for exactly the copy.
 */
#include <atxf/errors.h>
#include "arch/x86_64/features.h"
#include "arch/x86_64/memlayout.h"
#include "arch/x86_64/usermode.h"

long uaccess_copy(void *dst, const void *src, size_t n);
extern char uaccess_copy_start[], uaccess_copy_end[], uaccess_copy_fault[];

int user_range_ok(uint64_t addr, size_t n)
{
	return addr < USER_TOP && n <= USER_TOP - addr;
}

static int copy(void *dst, const void *src, size_t n)
{
	long faulted;

	if (cpu_features.smap)
		__asm__ volatile("stac" ::: "memory");
	faulted = uaccess_copy(dst, src, n);
	if (cpu_features.smap)
		__asm__ volatile("clac" ::: "memory");
	return faulted ? -ATXF_EFAULT : 0;
}

int copy_from_user(void *dst, uint64_t user_src, size_t n)
{
	if (!user_range_ok(user_src, n))
		return -ATXF_EFAULT;
	return copy(dst, (const void *)user_src, n);
}

int copy_to_user(uint64_t user_dst, const void *src, size_t n)
{
	if (!user_range_ok(user_dst, n))
		return -ATXF_EFAULT;
	return copy((void *)user_dst, src, n);
}

/*
 * A page is mapped or not as a whole, so copying up to each page boundary
 * never faults on bytes past the string's NUL that the caller did not ask
 * us to read.
 */
long copy_string_from_user(char *dst, uint64_t user_src, size_t size)
{
	size_t done = 0;

	while (done < size) {
		size_t chunk = PAGE_SIZE - ((user_src + done) & (PAGE_SIZE - 1));

		if (chunk > size - done)
			chunk = size - done;
		if (copy_from_user(dst + done, user_src + done, chunk))
			return -ATXF_EFAULT;
		for (size_t i = 0; i < chunk; i++)
			if (dst[done + i] == '\0')
				return (long)(done + i);
		done += chunk;
	}
	return -ATXF_ERANGE;
}

uint64_t uaccess_fixup(uint64_t rip)
{
	if (rip >= (uint64_t)uaccess_copy_start && rip < (uint64_t)uaccess_copy_end)
		return (uint64_t)uaccess_copy_fault;
	return 0;
}
