/*
 * virtio-rng's device logic on the virtio library: see vrng.h. QEMU:
 * -device virtio-rng-pci,disable-legacy=on.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "vrng.h"

static uint8_t *buffer(const struct vrng *r, unsigned i)
{
	return (uint8_t *)(uintptr_t)r->pool.vaddr + (size_t)i * VRNG_BUF_SIZE;
}

/* §5.4.6.1: one device-writable buffer per request; the token is its number. */
static int offer(struct vrng *r, unsigned i)
{
	struct atxf_virtq_buf b = { r->pool.bus_addr + (uint64_t)i * VRNG_BUF_SIZE, VRNG_BUF_SIZE };

	return atxf_virtq_add(&r->q, &b, 0, 1, (void *)(uintptr_t)i);
}

static int offer_all(struct vrng *r)
{
	for (unsigned i = 0; i < VRNG_BUFS; i++) {
		int err = offer(r, i);

		if (err)
			return err;
	}
	atxf_virtq_kick(&r->q);
	return 0;
}

static int setup(struct vrng *r)
{
	int err = atxf_virtio_begin(&r->vd, 0);

	if (!err)
		err = atxf_virtio_config_vector(&r->vd, r->config_vector);
	if (!err)
		err = atxf_virtq_setup(&r->q, &r->vd, VRNG_QUEUE, VRNG_QUEUE_SIZE, r->queue_vector);
	if (!err && !r->pool.size)
		err = atxf_dma_alloc(&r->vd.tag, VRNG_BUFS * VRNG_BUF_SIZE, &r->pool);
	if (!err)
		err = atxf_virtio_ready(&r->vd);
	if (!err)
		err = offer_all(r);
	if (err)
		atxf_virtio_abandon(&r->vd, &r->q, 1);
	return err;
}

int vrng_start(struct vrng *r, uint16_t config_vector, uint16_t queue_vector)
{
	r->config_vector = config_vector;
	r->queue_vector = queue_vector;
	r->nready = 0;
	r->offset = 0;
	memset(&r->pool, 0, sizeof(r->pool));
	return setup(r);
}

/* Moves what the device filled to the ready list. */
static int collect(struct vrng *r)
{
	void *tok;
	uint32_t len;
	int err;

	while ((err = atxf_virtq_get(&r->q, &tok, &len)) == 0) {
		unsigned i = (unsigned)(uintptr_t)tok;

		r->filled[i] = len;
		r->ready[r->nready++] = (uint8_t)i;
	}
	return err == -ATXF_EAGAIN ? 0 : err;
}

/* The oldest ready buffer is used up: give it back to the device. */
static int recycle(struct vrng *r)
{
	unsigned i = r->ready[0];

	memmove(r->ready, r->ready + 1, --r->nready);
	r->offset = 0;
	/* Its bytes were given out: they never go to anyone again. */
	memset(buffer(r, i), 0, VRNG_BUF_SIZE);
	return offer(r, i);
}

int vrng_read(struct vrng *r, void *out, size_t len)
{
	size_t got = 0;
	int err = vrng_needs_reset(r) ? -ATXF_EIO : collect(r);

	while (!err && got < len && r->nready) {
		unsigned i = r->ready[0];
		size_t n = r->filled[i] - r->offset;

		if (n > len - got)
			n = len - got;
		memcpy((uint8_t *)out + got, buffer(r, i) + r->offset, n);
		got += n;
		r->offset += (uint32_t)n;
		if (r->offset == r->filled[i])
			err = recycle(r);
	}
	atxf_virtq_kick(&r->q);
	return err ? err : (int)got;
}

int vrng_want_irq(struct vrng *r)
{
	return atxf_virtq_irq_on(&r->q);
}

int vrng_needs_reset(const struct vrng *r)
{
	return atxf_virtio_needs_reset(&r->vd);
}

int vrng_restart(struct vrng *r)
{
	int err = atxf_virtio_reset(&r->vd);

	/* After the reset the device holds none of our buffers. */
	atxf_virtq_release(&r->q);
	r->nready = 0;
	r->offset = 0;
	r->restarts++;
	return err ? err : setup(r);
}

void vrng_stop(struct vrng *r)
{
	/* §2.1.2: after a reset the device touches none of our memory. */
	if (r->vd.common)
		(void)atxf_virtio_reset(&r->vd);
	atxf_virtq_release(&r->q);
	if (r->pool.size)
		atxf_dma_free(&r->pool);
	memset(&r->pool, 0, sizeof(r->pool));
	r->nready = 0;
}
