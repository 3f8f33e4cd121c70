/*
 * DMA (<atxf/hw.h>): buffers the kernel allocates for one device, and a
 * client's shared pages mapped for one device, each with the bus addresses
 * that device must use (docs/syscalls.md SYS_DMA_ALLOC, SYS_DMA_MAP).
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "trap.h"

int atxf_dma_alloc(const struct atxf_dma_tag *tag, size_t size, struct atxf_dma *out)
{
	long ret;

	if (out == NULL)
		return -ATXF_EFAULT;
	ret = sys_DMA_ALLOC(ATXF_PTR(tag), (long)size, ATXF_PTR(out));
	if (ret < 0) {
		out->handle = ATXF_HANDLE_NONE;     /* atxf_dma_free() of it is a no-op */
		return (int)ret;
	}
	return 0;
}

void atxf_dma_free(struct atxf_dma *dma)
{
	if (dma == NULL || dma->handle < 0)
		return;
	sys_DMA_FREE(dma->handle);
	/* Forget the addresses: a use after free then faults at 0 rather than
	 * scribbling on memory the kernel gave to someone else. */
	memset(dma, 0, sizeof(*dma));
	dma->handle = ATXF_HANDLE_NONE;
}

int atxf_dma_map(const struct atxf_dma_tag *tag, atxf_handle_t shm, struct atxf_dma_map *out)
{
	long ret;

	if (out == NULL)
		return -ATXF_EFAULT;
	ret = sys_DMA_MAP(ATXF_PTR(tag), shm, ATXF_PTR(out));
	if (ret < 0) {
		out->handle = ATXF_HANDLE_NONE;
		out->nsegs = 0;
		return (int)ret;
	}
	return 0;
}

int atxf_dma_unmap(struct atxf_dma_map *map)
{
	long ret;

	if (map == NULL || map->handle < 0)
		return 0;
	ret = sys_DMA_UNMAP(map->handle);
	memset(map, 0, sizeof(*map));
	map->handle = ATXF_HANDLE_NONE;
	return (int)ret;
}

int atxf_dma_fault_watch(atxf_handle_t port, unsigned bit)
{
	return (int)sys_DMA_FAULT_WATCH(port, bit);
}

int atxf_dma_fault_next(struct atxf_dma_fault *out)
{
	return (int)sys_DMA_FAULT_NEXT(ATXF_PTR(out));
}
