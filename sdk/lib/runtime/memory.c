/* Memory mapping of <atxf/sys.h>, and the libc's heap hook on top of it. */
#include <atxf/sys.h>
#include "../libc/hooks.h"
#include "trap.h"

void *atxf_mem_map(void *hint, size_t len, unsigned prot)
{
	long addr = sys_MEM_MAP(ATXF_PTR(hint), (long)len, prot);

	/* User addresses are below 2^47, so every mapping is a positive long
	 * and every negative value is an ATXF_E* code. */
	return addr < 0 ? NULL : (void *)(uintptr_t)addr;
}

int atxf_mem_unmap(void *addr, size_t len)
{
	return (int)sys_MEM_UNMAP(ATXF_PTR(addr), (long)len);
}

/* The kernel hands out fresh pages zeroed and page-aligned, which is
 * exactly what the heap asks for. */
void *atxf_heap_grow(unsigned long bytes)
{
	return atxf_mem_map(NULL, bytes, ATXF_PROT_READ | ATXF_PROT_WRITE);
}

int atxf_heap_release(void *p, unsigned long bytes)
{
	return atxf_mem_unmap(p, bytes);
}

int atxf_mem_info(struct atxf_mem_info *info)
{
	return (int)sys_MEM_INFO(ATXF_PTR(info));
}

int atxf_kernel_counts(struct atxf_kernel_counts *out)
{
	return (int)sys_KERNEL_COUNTS(ATXF_PTR(out));
}
