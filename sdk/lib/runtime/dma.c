/*
 * DMA buffers (<atxf/hw.h>): physically contiguous, pinned and zeroed
 * memory from the kernel, with the bus address to program into a device.
 */
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "trap.h"

int atxf_dma_alloc(size_t size, struct atxf_dma *out)
{
	long ret;

	if (out == NULL)
		return -ATXF_EFAULT;
	ret = sys_DMA_ALLOC((long)size, 0, ATXF_PTR(out));
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
	dma->handle = ATXF_HANDLE_NONE;
	dma->vaddr = 0;
	dma->paddr = 0;
	dma->size = 0;
}
