/*
 * What the virtio library's tests share: a fake virtio-rng
 * (<atxf/fake_virtio.h>) with BAR 4 mapped, found by the library, and
 * brought up to a queue 0 ready for buffers, plus DMA buffers to post.
 */
#ifndef TEST_VIRTIO_UTIL_H
#define TEST_VIRTIO_UTIL_H

#include <atxf/fake_virtio.h>
#include <atxf/virtio.h>

#define BAR4_PADDR 0xfe000000ull

extern struct atxf_fake_virtio dev;
extern struct atxf_virtio vd;
extern struct atxf_virtq q;
extern struct atxf_virtio_bar bars[PCI_BARS];

/* cmocka setup: a fresh fake device, granted and mapped; nothing found yet. */
int fresh_device(void **state);

/* find, begin (no device features), queue 0 of want entries on vector 1,
 * DRIVER_OK: asserts each step worked. */
void bring_up(uint16_t want);

/* A zeroed DMA buffer of len bytes for the device (freed by the test's reset). */
struct atxf_virtq_buf dma_buf(uint32_t len, uint8_t **host);

#endif
