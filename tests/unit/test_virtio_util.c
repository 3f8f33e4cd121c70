/*
 * The virtio tests' fixture: see test_virtio_util.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/fake.h>
#include "test_virtio_util.h"

struct atxf_fake_virtio dev;
struct atxf_virtio vd;
struct atxf_virtq q;
struct atxf_virtio_bar bars[PCI_BARS];

int fresh_device(void **state)
{
	(void)state;
	atxf_fake_reset();
	memset(&vd, 0, sizeof(vd));
	memset(&q, 0, sizeof(q));
	assert_int_equal(atxf_fake_virtio_add(&dev, VIRTIO_PCI_RNG, BAR4_PADDR), 0);
	assert_int_equal(atxf_fake_virtio_grant(&dev, bars), 0);
	return 0;
}

void bring_up(uint16_t want)
{
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	assert_int_equal(atxf_virtq_setup(&q, &vd, 0, want, 1), 0);
	assert_int_equal(atxf_virtio_ready(&vd), 0);
}

struct atxf_virtq_buf dma_buf(uint32_t len, uint8_t **host)
{
	struct atxf_dma_tag tag = { .pci = dev.pci, .addr_bits = 64 };
	struct atxf_dma d;

	assert_int_equal(atxf_dma_alloc(&tag, len, &d), 0);
	if (host)
		*host = (uint8_t *)(uintptr_t)d.vaddr;
	return (struct atxf_virtq_buf){ d.bus_addr, len };
}
