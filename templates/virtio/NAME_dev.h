/*
 * @NAME@_dev.h: the logic of a virtio-pci 1.x entropy device (VIRTIO 1.1
 * §5.4) on the SDK's virtio library (<atxf/virtio.h>): bring it up, and run
 * one request at a time through its one virtqueue. It touches the device
 * only through the library and <atxf/hw.h>, so the host test runs it
 * against the SDK's fake virtio device (<atxf/fake_virtio.h>).
 */
#ifndef @UPPER@_DEV_H
#define @UPPER@_DEV_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/virtio.h>

#define @UPPER@_QUEUE_SIZE 8        /* at most; the device may offer fewer */
#define @UPPER@_BUF_SIZE   256      /* bytes one request can bring */
/* The manifest's DMA budget: the queue's pages and the buffer's page. */
#define @UPPER@_DMA_BYTES  ((ATXF_VIRTQ_DMA_BYTES(@UPPER@_QUEUE_SIZE) + 4095u) / 4096u * 4096u + 4096u)

struct @IDENT@_rng {
	struct atxf_virtio vd;      /* the device: found by atxf_virtio_probe */
	struct atxf_virtq q;        /* requestq, §5.4.2 */
	struct atxf_dma buf;        /* the buffer the device fills */
	uint32_t pending;           /* bytes asked for by the request in flight; 0: none */
};

/* §3.1.1: reset, features (the library's), queue 0 on MSI-X vector, DRIVER_OK. */
int @IDENT@_start(struct @IDENT@_rng *r, uint16_t vector);
/* Asks the device for len bytes (a no-op while a request is in flight). */
int @IDENT@_request(struct @IDENT@_rng *r, size_t len);
/* Bytes of the finished request (at most max), -ATXF_EAGAIN if not finished,
 * -ATXF_EIO if the device broke the ring's rules. */
int @IDENT@_collect(struct @IDENT@_rng *r, void *out, size_t max);
/* Resets the device and frees the DMA memory. */
void @IDENT@_stop(struct @IDENT@_rng *r);

#endif
