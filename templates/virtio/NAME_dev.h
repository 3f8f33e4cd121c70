/*
 * @NAME@_dev.h: the logic of a virtio-pci 1.x entropy device: find its
 * structures, bring it up, and run requests through its one virtqueue. It
 * touches the device only through <atxf/hw.h> (PCI configuration, MMIO,
 * DMA), so the host test runs it against a fake virtio-rng.
 */
#ifndef @UPPER@_DEV_H
#define @UPPER@_DEV_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include "@NAME@_reg.h"

#define @UPPER@_QUEUE_SIZE 8        /* at most; the device may offer fewer */
#define @UPPER@_BUF_SIZE   256      /* bytes one request can bring */

/* A BAR as the framework mapped it. */
struct @IDENT@_bar {
	volatile uint8_t *base;     /* NULL: not granted or not mapped */
	uint64_t size;
};

struct @IDENT@_rng {
	volatile uint8_t *common;   /* 4.1.4.3 common configuration */
	volatile uint8_t *isr;      /* 4.1.4.5 ISR status */
	volatile uint8_t *notify;   /* 4.1.4.4 notification area */
	uint32_t notify_mult;
	volatile uint8_t *qnotify;  /* where queue 0 is notified */

	atxf_handle_t pci;          /* the function: DMA buffers are for it */
	struct atxf_dma dma;        /* the rings and the buffer, one allocation */
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	struct virtq_used *used;
	uint8_t *buf;
	uint16_t qsize;
	uint16_t last_used;         /* used->idx up to which we have collected */
	uint32_t pending;           /* bytes asked for by the request in flight; 0: none */
};

/* Walks the PCI capabilities for the virtio structures inside the mapped BARs. */
int @IDENT@_find(struct @IDENT@_rng *r, atxf_handle_t pci, const struct @IDENT@_bar bars[6]);
/* 3.1.1: reset, feature negotiation (VERSION_1 only), queue 0, DRIVER_OK. */
int @IDENT@_start(struct @IDENT@_rng *r);
/* Asks the device for len bytes (a no-op while a request is in flight). */
int @IDENT@_request(struct @IDENT@_rng *r, size_t len);
/* Bytes of the finished request (at most max), or -ATXF_EAGAIN if not finished. */
int @IDENT@_collect(struct @IDENT@_rng *r, void *out, size_t max);
/* Reads (and so clears) the ISR status: VIRTIO_ISR_* bits. */
uint8_t @IDENT@_isr(struct @IDENT@_rng *r);
/* Resets the device and frees the DMA memory. */
void @IDENT@_stop(struct @IDENT@_rng *r);

#endif
