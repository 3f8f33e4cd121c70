/*
 * virtio-rng device logic: start the device, hand it a buffer, collect what
 * it wrote, stop it. Registers only through <atxf/hw.h>, so the host test
 * runs it against a fake device (tests/unit/test_driver_example.c). The
 * framework glue is virtio_rng.c.
 */
#ifndef VRNG_H
#define VRNG_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>

#define VRNG_BUF_SIZE 4096          /* one page the device fills */
#define VRNG_MAX_QUEUE 256          /* the largest queue the manifest's DMA budget holds */

struct vrng {
	uint16_t io;                /* BAR0: the legacy register block */
	struct atxf_dma_tag tag;    /* the device and its DMA reach */
	uint16_t qsize;             /* entries of the virtqueue */
	uint16_t avail_idx;         /* the next avail->idx we publish */
	uint16_t used_idx;          /* the used->idx we have consumed up to */
	uint32_t posted;            /* bytes offered to the device; 0: it holds nothing */
	struct atxf_dma ring;       /* the virtqueue, in DMA memory */
	struct atxf_dma buf;        /* the buffer the device writes */
};

/* Turns on I/O decoding and bus mastering in the PCI command register. */
void vrng_pci_enable(atxf_handle_t pci);

/* Resets and starts the device (PCI function pci, registers at io) with
 * its queue: 0 or a negative ATXF_E*. */
int vrng_start(struct vrng *v, atxf_handle_t pci, uint16_t io);

/* Offers the device len bytes (1..VRNG_BUF_SIZE) to fill; 0 if already offered. */
int vrng_post(struct vrng *v, size_t len);

/* Copies what the device wrote into out (at most len): bytes, or -ATXF_EAGAIN. */
int vrng_collect(struct vrng *v, void *out, size_t len);

/* Reads (and so clears) the interrupt status: VIO_ISR_QUEUE when it was us. */
uint8_t vrng_isr(struct vrng *v);

/* Resets the device, so it stops writing, and frees its memory. */
void vrng_stop(struct vrng *v);

#endif
