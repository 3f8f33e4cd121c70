/*
 * A DMA tag from user space (struct atxf_dma_tag, mm/dma.h): the caller
 * must hold the PCI capability it names (the device the memory is for),
 * and its limits must make sense.
 */
#include <atxf/cap.h>
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "arch/x86_64/usermode.h"
#include "cap/captable.h"
#include "mm/dma.h"
#include "proc/process.h"

#define MIN_ADDR_BITS 12
#define MAX_ADDR_BITS 64

static int check_limits(const struct atxf_dma_tag *t)
{
	if (t->addr_bits < MIN_ADDR_BITS || t->addr_bits > MAX_ADDR_BITS)
		return -ATXF_EINVAL;
	if (t->reserved[0] | t->reserved[1] | t->reserved[2])
		return -ATXF_EINVAL;
	if (t->max_seg % PAGE_SIZE)
		return -ATXF_EINVAL;
	if (t->boundary && (t->boundary < PAGE_SIZE || (t->boundary & (t->boundary - 1))))
		return -ATXF_EINVAL;
	return 0;
}

/* The BDF of p's PCI capability h: 0 or -ATXF_EBADH. */
static int pci_bdf(struct process *p, atxf_handle_t h, uint32_t *bdf)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	const struct cap *c = h >= 0 ? cap_lookup(&p->caps, h) : NULL;
	int err = c && c->kind == ATXF_CAP_PCI ? 0 : -ATXF_EBADH;

	if (!err)
		*bdf = (uint32_t)c->base;
	spin_unlock_irqrestore(&cap_lock, flags);
	return err;
}

int dma_tag_read(struct process *p, uint64_t user_tag, struct dma_limits *out)
{
	struct atxf_dma_tag t;
	int err;

	if (copy_from_user(&t, user_tag, sizeof(t)))
		return -ATXF_EFAULT;
	err = pci_bdf(p, t.pci, &out->bdf);
	if (!err)
		err = check_limits(&t);
	if (err)
		return err;
	out->limit = t.addr_bits == MAX_ADDR_BITS ? UINT64_MAX : 1ull << t.addr_bits;
	out->max_seg = t.max_seg ? t.max_seg : UINT64_MAX;
	out->boundary = t.boundary;
	return 0;
}
