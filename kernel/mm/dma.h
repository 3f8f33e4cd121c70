/*
 * DMA for one device (SYS_DMA_ALLOC/FREE, SYS_DMA_MAP/UNMAP). Each object
 * belongs to one PCI function and carries the bus addresses that function
 * must use: with an IOMMU, addresses of the function's own domain
 * (iommu/iommu.h), which maps nothing else; without one, physical ones.
 *
 * A buffer is contiguous, pinned, zeroed memory mapped write-back into its
 * owner (x86 DMA is cache coherent, SDM vol. 3 §11.3) and charged to its
 * DMA budget. A mapping is a client's shared pages (an ATXF_CAP_SHM the
 * driver received): their frames are pinned (mm/pin.h), so they stay until
 * the mapping goes, whoever dies first. Either lives as long as its
 * ATXF_CAP_DMA capability; dropping it unmaps the bus addresses (and
 * waits for the IOMMU to forget them) before any frame is freed.
 */
#ifndef MM_DMA_H
#define MM_DMA_H

#include <stdbool.h>
#include <stdint.h>

struct atxf_dma_map;
struct process;
struct shm;

/* A tag (struct atxf_dma_tag) as the kernel checked it. */
struct dma_limits {
	uint32_t bdf;           /* the device */
	uint64_t limit;         /* bus addresses stay below it */
	uint64_t max_seg;       /* bytes; UINT64_MAX: none */
	uint64_t boundary;      /* bytes; 0: none */
};

struct dma_buf {
	uint32_t refs;          /* capabilities naming it (one: no GRANT) */
	bool shared;            /* a mapping of shared pages, not our own buffer */
	uint32_t bdf;
	uint64_t bus;           /* first bus address */
	uint64_t iova_pages;    /* bus addresses reserved in the IOMMU space; 0: none */
	uint64_t npages;
	uint64_t paddr;         /* buffer: its contiguous frames */
	uint64_t *frames;       /* mapping: each pinned frame */
	uint64_t vaddr;         /* buffer: where it is mapped in owner */
	struct process *owner;  /* charged for it (buffer) / made it (mapping) */
};

/* Reads and checks the caller's tag at user address: 0, -ATXF_EFAULT,
 * -ATXF_EBADH (no such PCI capability), -ATXF_EINVAL (bad limits). */
int dma_tag_read(struct process *p, uint64_t user_tag, struct dma_limits *out);

/* SYS_DMA_ALLOC's work: the buffer, mapped into p and charged to it, or
 * NULL with *err = -ATXF_EPERM (no budget), -ATXF_ENOMEM, -ATXF_EINVAL. */
struct dma_buf *dma_alloc(struct process *p, const struct dma_limits *lim, uint64_t size,
			  int *err);
/* SYS_DMA_MAP's work: s's frames pinned and given bus addresses, the
 * segments in *out; NULL with *err on failure. cap_lock held. */
struct dma_buf *dma_map_shm_locked(struct process *p, const struct dma_limits *lim,
				   struct shm *s, bool writable, struct atxf_dma_map *out,
				   int *err);
void dma_get_locked(struct dma_buf *b);
void dma_put_locked(struct dma_buf *b);

/* p is ending: each device it holds DMA memory for stops bus mastering,
 * so nothing lands in that memory once it is freed (mm/dma_stop.c).
 * cap_lock held, before p's capabilities are dropped. */
void dma_stop_devices_locked(struct process *p);

/* Inside mm/dma*.c: gives b its bus addresses for lim's device (an IOVA
 * range mapped in its domain, or the physical ones, checked against the
 * limits). 0 or -ATXF_ENOMEM / -ATXF_ERANGE. cap_lock held. */
int dma_place_locked(struct dma_buf *b, const struct dma_limits *lim, bool writable);
/* And takes them away again, the IOMMU flushed. cap_lock held. */
void dma_unplace_locked(struct dma_buf *b);
/* Whether [start, start + len) crosses a multiple of boundary (0: none). */
static inline bool dma_crosses(uint64_t start, uint64_t len, uint64_t boundary)
{
	return boundary && start / boundary != (start + len - 1) / boundary;
}

/* The bus address of b's page i. */
uint64_t dma_page_bus(const struct dma_buf *b, uint64_t i);

#endif
