/*
 * PRP lists: see nvme_prp.h. QEMU's nvme_map_prp (hw/nvme/ctrl.c) reads
 * PRP2 as a list whenever the transfer runs past the second page, and
 * fails a command whose list entries are not page-aligned.
 */
#include <atxf/errors.h>
#include "nvme_prp.h"
#include "nvme_reg.h"

#define PAGE_OFF(a) ((a) & (NVME_PAGE - 1u))

/* Whether the segments can be PRPs: no gap inside a page, enough bytes. */
static int segments_fit(const struct atxf_dma_seg *seg, unsigned nseg, uint32_t len)
{
	uint64_t have = 0;

	for (unsigned i = 0; i < nseg; i++) {
		if (i > 0 && PAGE_OFF(seg[i].bus_addr))
			return 0;
		if (i + 1 < nseg && PAGE_OFF(seg[i].bus_addr + seg[i].len))
			return 0;
		have += seg[i].len;
	}
	return len && have >= len;
}

int nvme_prp_build(const struct atxf_dma_seg *seg, unsigned nseg, uint32_t len,
		   uint64_t *list, uint64_t list_bus, uint64_t *prp1, uint64_t *prp2)
{
	uint32_t first, left;
	unsigned n = 0, s = 0;
	uint64_t at;

	if (!segments_fit(seg, nseg, len))
		return -ATXF_EINVAL;
	*prp1 = seg[0].bus_addr;
	*prp2 = 0;
	first = NVME_PAGE - (uint32_t)PAGE_OFF(seg[0].bus_addr);
	if (len <= first)
		return 0;
	left = len - first;
	at = seg[0].bus_addr + first;
	/* Every further page, in order, across the segments. */
	while (left) {
		while (at >= seg[s].bus_addr + seg[s].len)
			at = seg[++s].bus_addr;
		if (n == NVME_PRP_LIST_MAX)
			return -ATXF_ERANGE;
		list[n++] = at;
		left = left > NVME_PAGE ? left - NVME_PAGE : 0;
		at += NVME_PAGE;
	}
	/* §4.3: two pages in all need no list; PRP2 is the second page. */
	*prp2 = n == 1 ? list[0] : list_bus;
	return 0;
}
