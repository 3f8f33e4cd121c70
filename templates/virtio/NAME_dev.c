/*
 * @NAME@_dev.c: a virtio-pci 1.x entropy device (QEMU: -device
 * virtio-rng-pci) on the SDK's virtio library. Section numbers refer to
 * VIRTIO 1.1. The library does the transport (capabilities, status,
 * features, MSI-X, the split ring); this file is what is rng's own.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "@NAME@_dev.h"

int @IDENT@_start(struct @IDENT@_rng *r, uint16_t vector)
{
	/* §5.4.3: the entropy device has no feature bits of its own. */
	int err = atxf_virtio_begin(&r->vd, 0);

	if (!err)
		err = atxf_virtq_setup(&r->q, &r->vd, 0, @UPPER@_QUEUE_SIZE, vector);
	if (err)
		goto out_abandon;
	err = atxf_dma_alloc(&r->vd.tag, @UPPER@_BUF_SIZE, &r->buf);
	if (err)
		goto out_abandon;
	err = atxf_virtio_ready(&r->vd);
	if (err)
		goto out_free;
	r->pending = 0;
	return 0;

out_free:
	atxf_dma_free(&r->buf);
out_abandon:
	/* Reset, queue released, FAILED: the device was given up on. */
	atxf_virtio_abandon(&r->vd, &r->q, 1);
	return err;
}

int @IDENT@_request(struct @IDENT@_rng *r, size_t len)
{
	struct atxf_virtq_buf b;
	int err;

	if (r->pending)
		return 0;
	if (len == 0)
		return -ATXF_EINVAL;
	/* §5.4.6.1: one device-writable buffer; the device fills what it can. */
	b = (struct atxf_virtq_buf){ r->buf.bus_addr,
				     len < @UPPER@_BUF_SIZE ? (uint32_t)len : @UPPER@_BUF_SIZE };
	err = atxf_virtq_add(&r->q, &b, 0, 1, r);
	if (err)
		return err;
	r->pending = b.len;
	atxf_virtq_kick(&r->q);
	return 0;
}

int @IDENT@_collect(struct @IDENT@_rng *r, void *out, size_t max)
{
	void *token;
	uint32_t len;
	int err = atxf_virtq_get(&r->q, &token, &len);

	if (err)
		return err;
	/* The library checked len against the buffer: it is the device's word. */
	r->pending = 0;
	len = len < max ? len : (uint32_t)max;
	memcpy(out, (const void *)(uintptr_t)r->buf.vaddr, len);
	return (int)len;
}

void @IDENT@_stop(struct @IDENT@_rng *r)
{
	if (r->vd.common)
		(void)atxf_virtio_reset(&r->vd);    /* the device lets go of the rings first */
	atxf_virtq_release(&r->q);
	if (r->buf.size)
		atxf_dma_free(&r->buf);
	r->buf.size = 0;
}
