/*
 * DMA buffers (SYS_DMA_ALLOC/FREE): physically contiguous, pinned, zeroed
 * memory below 4 GiB, mapped write-back into the owner (x86 DMA is cache
 * coherent, SDM vol. 3 §11.3), named by an ATXF_CAP_DMA
 * capability whose base is the bus address. The buffer lives as long as
 * that capability: dropping it, SYS_DMA_FREE or the owner's death unmaps
 * and frees the frames and credits the owner's DMA budget back.
 */
#ifndef MM_DMA_H
#define MM_DMA_H

#include <stdint.h>

struct process;

struct dma_buf {
	uint32_t refs;          /* capabilities naming it (one: no GRANT) */
	uint64_t paddr;
	uint64_t npages;
	uint64_t vaddr;         /* where it is mapped in owner */
	struct process *owner;  /* charged for it */
};

/* SYS_DMA_ALLOC's work: the buffer, mapped into p and charged to it, or
 * NULL with *err = -ATXF_EPERM (no budget), -ATXF_ENOMEM. */
struct dma_buf *dma_alloc(struct process *p, uint64_t size, int *err);
void dma_get_locked(struct dma_buf *b);
void dma_put_locked(struct dma_buf *b);

#endif
