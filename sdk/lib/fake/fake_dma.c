/*
 * Fake DMA: zeroed, page-aligned host memory with a made-up bus address,
 * for a device the test gave the driver (atxf_fake_cap_pci); and the
 * test's own pages standing for a client's grant (atxf_fake_cap_shm),
 * mapped with made-up bus addresses by atxf_dma_map().
 * Bus addresses are handed out from FAKE_DMA_BUS upwards with a free page
 * between buffers, the same on every run, so a test may even expect exact
 * values, and a device that runs off the end of one buffer hits no other:
 * atxf_fake_dma_to_host() reports it as a stray access.
 */
#include <stdlib.h>
#include <string.h>
#include "fake_internal.h"

#define FAKE_DMA_BUS     0x40000000ull  /* 1 GiB: looks like RAM in a log */
#define FAKE_DMA_BUFFERS 64
#define PAGE 4096u

struct fake_dma_buf {
	uint8_t *mem;               /* NULL: slot free */
	uint64_t paddr;
	uint64_t size;              /* whole pages */
	atxf_handle_t handle;       /* its ATXF_CAP_DMA capability */
	int mapped;                 /* atxf_dma_map() of a test's pages: not ours to free */
};

/* The test's "client pages" (atxf_fake_cap_shm): what a handle stands for. */
#define FAKE_SHM_REGIONS 16
static struct {
	atxf_handle_t handle;
	uint8_t *mem;               /* NULL: slot free */
	uint64_t len;
} shms[FAKE_SHM_REGIONS];

static struct fake_dma_buf bufs[FAKE_DMA_BUFFERS];
static uint64_t next_bus = FAKE_DMA_BUS;
static uint64_t limit = UINT64_MAX;     /* bytes the test allows in all */
static uint64_t in_use;
/* Where a translated buffer "really" is: its capability's base, which an
 * IOMMU makes differ from the bus address the device uses. */
#define FAKE_DMA_PHYS_OFFSET 0x40000000ull
static int translated;

void __atxf_fake_reset_dma(void)
{
	for (unsigned i = 0; i < FAKE_DMA_BUFFERS; i++)
		if (!bufs[i].mapped)
			free(bufs[i].mem);
	memset(bufs, 0, sizeof(bufs));
	memset(shms, 0, sizeof(shms));
	next_bus = FAKE_DMA_BUS;
	limit = UINT64_MAX;
	translated = 0;
	in_use = 0;
}

static struct fake_dma_buf *free_slot(void)
{
	for (unsigned i = 0; i < FAKE_DMA_BUFFERS; i++)
		if (bufs[i].mem == NULL)
			return &bufs[i];
	return NULL;
}

/* The kernel's checks of a tag (docs/syscalls.md SYS_DMA_ALLOC): it names
 * a PCI function the driver holds, with sane limits. 0 or the error. */
static int check_tag(const struct atxf_dma_tag *tag, uint64_t pages)
{
	struct atxf_cap_info info;

	if (tag == NULL)
		return -ATXF_EFAULT;
	if (atxf_cap_query(tag->pci, &info) < 0 || info.kind != ATXF_CAP_PCI)
		return -ATXF_EBADH;
	if (tag->addr_bits < 12 || tag->addr_bits > 64 || tag->max_seg % PAGE ||
	    (tag->boundary & (tag->boundary - 1)) || (tag->boundary && tag->boundary < PAGE))
		return -ATXF_EINVAL;
	if ((tag->max_seg && pages > tag->max_seg) || (tag->boundary && pages > tag->boundary))
		return -ATXF_EINVAL;            /* a buffer is one segment */
	if (tag->addr_bits < 64 && next_bus + pages > 1ull << tag->addr_bits)
		return -ATXF_ENOMEM;
	return 0;
}

int atxf_dma_alloc(const struct atxf_dma_tag *tag, size_t size, struct atxf_dma *out)
{
	uint64_t pages = ((uint64_t)size + PAGE - 1) / PAGE * PAGE;
	struct fake_dma_buf *b = free_slot();
	atxf_handle_t h;
	int err;

	if (out == NULL)
		return -ATXF_EFAULT;
	out->handle = ATXF_HANDLE_NONE;
	if (size == 0 || pages < size)
		return -ATXF_EINVAL;
	err = check_tag(tag, pages);
	if (err)
		return err;
	if (b == NULL || pages > limit - in_use)
		return -ATXF_ENOMEM;
	b->mem = aligned_alloc(PAGE, pages);
	if (b->mem == NULL)
		return -ATXF_ENOMEM;
	memset(b->mem, 0, pages);
	h = atxf_fake_cap_add(ATXF_CAP_DMA, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE,
			      translated ? next_bus + FAKE_DMA_PHYS_OFFSET : next_bus, pages);
	if (h < 0) {
		free(b->mem);
		b->mem = NULL;
		return h;
	}
	*b = (struct fake_dma_buf){ b->mem, next_bus, pages, h, 0 };
	next_bus += pages + PAGE;
	in_use += pages;
	*out = (struct atxf_dma){ .handle = h, .vaddr = (uintptr_t)b->mem,
				  .bus_addr = b->paddr, .size = pages };
	return 0;
}

void atxf_dma_free(struct atxf_dma *dma)
{
	if (dma == NULL || dma->handle < 0)
		return;
	for (unsigned i = 0; i < FAKE_DMA_BUFFERS; i++) {
		struct fake_dma_buf *b = &bufs[i];

		if (b->mem != NULL && !b->mapped && b->handle == dma->handle) {
			atxf_cap_drop(b->handle);
			free(b->mem);
			in_use -= b->size;
			memset(b, 0, sizeof(*b));
			memset(dma, 0, sizeof(*dma));
			dma->handle = ATXF_HANDLE_NONE;
			return;
		}
	}
	__atxf_fake_stray("atxf_dma_free(handle %d): not a live DMA buffer (freed twice?)",
			  dma->handle);
}

void *atxf_fake_dma_to_host(uint64_t paddr, size_t len)
{
	for (unsigned i = 0; i < FAKE_DMA_BUFFERS; i++) {
		struct fake_dma_buf *b = &bufs[i];

		if (b->mem != NULL && paddr >= b->paddr && len <= b->size &&
		    paddr - b->paddr <= b->size - len)
			return b->mem + (paddr - b->paddr);
	}
	__atxf_fake_stray("DMA of %zu bytes at bus address 0x%llx: outside every live buffer",
			  len, (unsigned long long)paddr);
	return NULL;
}

unsigned atxf_fake_dma_live(void)
{
	unsigned n = 0;

	for (unsigned i = 0; i < FAKE_DMA_BUFFERS; i++)
		n += bufs[i].mem != NULL;
	return n;
}

void atxf_fake_dma_limit(uint64_t bytes)
{
	limit = bytes;
}

void atxf_fake_dma_translate(int on)
{
	translated = on;
}

atxf_handle_t atxf_fake_cap_shm(void *mem, size_t len)
{
	for (unsigned i = 0; i < FAKE_SHM_REGIONS; i++) {
		if (shms[i].mem)
			continue;
		if (mem == NULL || len == 0 || len % PAGE || (uintptr_t)mem % PAGE)
			return -ATXF_EINVAL;
		shms[i].handle = atxf_fake_cap_add(ATXF_CAP_SHM, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE,
						   0, len);
		if (shms[i].handle < 0)
			return shms[i].handle;
		shms[i].mem = mem;
		shms[i].len = len;
		return shms[i].handle;
	}
	return -ATXF_ENOMEM;
}

/* The segments of a window at bus, as the kernel splits them: at max_seg
 * and at boundary multiples. 0, or -ATXF_ERANGE when they do not fit. */
static int split(const struct atxf_dma_tag *tag, uint64_t bus, uint64_t len,
		 struct atxf_dma_map *out)
{
	uint64_t max = tag->max_seg ? tag->max_seg : UINT64_MAX;

	out->nsegs = 0;
	out->size = len;
	for (uint64_t at = bus; at < bus + len; at += PAGE) {
		struct atxf_dma_seg *s = out->nsegs ? &out->seg[out->nsegs - 1] : NULL;

		if (s && s->len + PAGE <= max && !(tag->boundary && at % tag->boundary == 0)) {
			s->len += PAGE;
			continue;
		}
		if (out->nsegs == ATXF_DMA_MAX_SEGS)
			return -ATXF_ERANGE;
		out->seg[out->nsegs++] = (struct atxf_dma_seg){ at, PAGE };
	}
	return 0;
}

int atxf_dma_map(const struct atxf_dma_tag *tag, atxf_handle_t shm, struct atxf_dma_map *out)
{
	struct fake_dma_buf *b = free_slot();
	int err;

	if (out == NULL)
		return -ATXF_EFAULT;
	memset(out, 0, sizeof(*out));
	out->handle = ATXF_HANDLE_NONE;
	err = check_tag(tag, PAGE);
	for (unsigned i = 0; !err && i < FAKE_SHM_REGIONS; i++) {
		if (!shms[i].mem || shms[i].handle != shm)
			continue;
		if (b == NULL)
			return -ATXF_ENOMEM;
		err = split(tag, next_bus, shms[i].len, out);
		if (err)
			return err;
		out->handle = atxf_fake_cap_add(ATXF_CAP_DMA, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE,
						next_bus, shms[i].len);
		if (out->handle < 0)
			return out->handle;
		*b = (struct fake_dma_buf){ shms[i].mem, next_bus, shms[i].len, out->handle, 1 };
		next_bus += shms[i].len + PAGE;
		return 0;
	}
	return err ? err : -ATXF_EBADH;
}

int atxf_dma_unmap(struct atxf_dma_map *map)
{
	if (map == NULL || map->handle < 0)
		return 0;
	for (unsigned i = 0; i < FAKE_DMA_BUFFERS; i++) {
		struct fake_dma_buf *b = &bufs[i];

		if (b->mem != NULL && b->mapped && b->handle == map->handle) {
			atxf_cap_drop(b->handle);
			memset(b, 0, sizeof(*b));
			memset(map, 0, sizeof(*map));
			map->handle = ATXF_HANDLE_NONE;
			return 0;
		}
	}
	return -ATXF_EBADH;
}
