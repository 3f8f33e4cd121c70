/*
 * Block DMA (<atxf/driver/block_dma.h>): a block request's bytes, which lie
 * in a client's attached buffer or ring region, as bus-address segments of
 * the device. Each region is mapped for the device once (SYS_DMA_MAP, whose
 * mapping pins its frames), on the first request that needs it; the binding
 * counts the requests using it, so a client that lets go while the device
 * still transfers leaves the frames pinned until the last put. Exercised in
 * QEMU by virtio-blk (tests/qemu/scenarios_blkconf.py).
 */
#include <atxf/driver/block_dma.h>
#include <atxf/hw.h>
#include <atxf/port.h>
#include "core.h"

int atxf_block_dma_setup(struct atxf_device *dev, const struct atxf_dma_tag *tag)
{
	if (!tag)
		return -ATXF_EINVAL;
	dev->core->dma_tag = *tag;
	dev->core->dma_ready = 1;
	return 0;
}

/* The client region holding [p, p + len): its mapping here, size and grant. */
static int region_of(struct atxf_device *dev, const uint8_t *p, uint64_t len,
		     const uint8_t **base, uint64_t *size, atxf_handle_t *shm)
{
	struct atxf_driver_core *core = dev->core;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_CLIENTS; i++) {
		struct atxf_client *c = &core->client[i];

		if (c->pid && p >= c->base && (uint64_t)(p - c->base) < c->size &&
		    len <= c->size - (uint64_t)(p - c->base)) {
			*base = c->base, *size = c->size, *shm = c->shm;
			return 0;
		}
	}
	for (unsigned i = 0; i < ATXF_DRIVER_MAX_RINGS; i++) {
		struct atxf_ring_client *rc = &core->ring[i];

		if (rc->pid && p >= rc->base && (uint64_t)(p - rc->base) < rc->size &&
		    len <= rc->size - (uint64_t)(p - rc->base)) {
			*base = rc->base, *size = rc->size, *shm = rc->shm;
			return 0;
		}
	}
	return -ATXF_EINVAL;
}

static struct atxf_dma_binding *binding_find(struct atxf_device *dev, const uint8_t *base)
{
	for (unsigned i = 0; i < ATXF_DRIVER_DMA_BINDINGS; i++) {
		struct atxf_dma_binding *b = &dev->core->dma[i];

		if (b->base == base && !b->retired)
			return b;
	}
	return NULL;
}

/* A new binding of the region's grant: NULL with *err set. */
static struct atxf_dma_binding *binding_make(struct atxf_device *dev, const uint8_t *base,
					     uint64_t size, atxf_handle_t shm, int *err)
{
	struct atxf_dma_binding *b = NULL;

	for (unsigned i = 0; i < ATXF_DRIVER_DMA_BINDINGS && !b; i++)
		if (!dev->core->dma[i].base)
			b = &dev->core->dma[i];
	if (!b) {
		*err = -ATXF_ENOSPC;
		return NULL;
	}
	*err = atxf_dma_map(&dev->core->dma_tag, shm, &b->map);
	if (*err == -ATXF_EPERM)
		*err = -ATXF_ESTALE;    /* the grant was revoked before we mapped it */
	if (*err)
		return NULL;
	if (b->map.size < size) {
		/* The kernel maps the whole grant; less is not the region we hold. */
		atxf_dma_unmap(&b->map);
		*err = -ATXF_EPROTO;
		return NULL;
	}
	b->base = base;
	b->size = size;
	b->users = 0;
	b->retired = 0;
	return b;
}

static void binding_free(struct atxf_dma_binding *b)
{
	atxf_dma_unmap(&b->map);
	memset(b, 0, sizeof(*b));
}

/* Appends [bus, bus + len) to sg split at pages: 0 or -ATXF_ERANGE. */
static int sg_add(struct atxf_block_sg *sg, unsigned max_segs, uint64_t bus, uint64_t len)
{
	while (len) {
		uint64_t room = ATXF_BLOCK_DMA_PAGE - bus % ATXF_BLOCK_DMA_PAGE;
		uint64_t n = len < room ? len : room;

		if (sg->nsegs == max_segs)
			return -ATXF_ERANGE;
		sg->seg[sg->nsegs++] = (struct atxf_dma_seg){ bus, n };
		sg->len += n;
		bus += n;
		len -= n;
	}
	return 0;
}

/* The segments of [off, off + len) of b's mapping. */
static int sg_fill(const struct atxf_dma_binding *b, uint64_t off, uint64_t len,
		   unsigned max_segs, struct atxf_block_sg *sg)
{
	uint64_t at = 0;        /* offset of seg[i] in the mapping */

	for (unsigned i = 0; i < b->map.nsegs && len; i++) {
		const struct atxf_dma_seg *s = &b->map.seg[i];
		uint64_t n;
		int err;

		if (off >= at + s->len) {
			at += s->len;
			continue;
		}
		n = at + s->len - off;
		if (n > len)
			n = len;
		err = sg_add(sg, max_segs, s->bus_addr + (off - at), n);
		if (err)
			return err;
		off += n;
		len -= n;
		at += s->len;
	}
	return len ? -ATXF_ERANGE : 0;
}

int atxf_block_dma_get(struct atxf_device *dev, const void *buf, uint64_t len,
		       unsigned max_segs, struct atxf_block_sg *sg)
{
	const uint8_t *base;
	uint64_t size;
	atxf_handle_t shm;
	struct atxf_dma_binding *b;
	int err;

	sg->nsegs = 0;
	sg->len = 0;
	sg->binding = 0;
	if (!dev->core->dma_ready || len == 0 || max_segs == 0)
		return -ATXF_EINVAL;
	if (max_segs > ATXF_BLOCK_DMA_MAX_SEGS)
		max_segs = ATXF_BLOCK_DMA_MAX_SEGS;
	err = region_of(dev, buf, len, &base, &size, &shm);
	if (err)
		return err;
	/* A grant is revoked whole: one page of it tells. After this a revoke
	 * only turns the client's pages away from us; the frames the device
	 * uses stay pinned by the mapping. */
	if (atxf_shm_probe(buf) == -ATXF_ESTALE)
		return -ATXF_ESTALE;
	b = binding_find(dev, base);
	if (!b)
		b = binding_make(dev, base, size, shm, &err);
	if (!b)
		return err;
	err = sg_fill(b, (uint64_t)((const uint8_t *)buf - base), len, max_segs, sg);
	if (err) {
		sg->nsegs = 0;
		sg->len = 0;
		return err;
	}
	b->users++;
	sg->binding = (unsigned)(b - dev->core->dma) + 1;
	return 0;
}

void atxf_block_dma_put(struct atxf_device *dev, unsigned binding)
{
	struct atxf_dma_binding *b;

	if (binding == 0 || binding > ATXF_DRIVER_DMA_BINDINGS)
		return;
	b = &dev->core->dma[binding - 1];
	if (!b->base || b->users == 0)
		return;
	if (--b->users == 0 && b->retired)
		binding_free(b);
}

void atxf__block_dma_release(struct atxf_device *dev, const void *base)
{
	struct atxf_dma_binding *b = binding_find(dev, base);

	if (!b)
		return;
	if (b->users)
		b->retired = 1;     /* the device still transfers: the last put frees it */
	else
		binding_free(b);
}

unsigned atxf_block_dma_live(const struct atxf_device *dev)
{
	unsigned n = 0;

	for (unsigned i = 0; i < ATXF_DRIVER_DMA_BINDINGS; i++)
		n += dev->core->dma[i].base != NULL;
	return n;
}
