/*
 * A fake virtio-rng for the example driver's tests: see test_driver_fakevrng.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/fake.h>
#include "test_driver_fakevrng.h"
#include "virtio_rng_reg.h"

struct fake_vrng fv;

static uint32_t vrng_reg_read(void *ctx, uint16_t reg, unsigned width)
{
	struct fake_vrng *f = ctx;
	uint8_t isr;

	(void)width;
	switch (reg) {
	case VIO_DEVICE_FEATURES: return 0;
	case VIO_DRIVER_FEATURES: return f->features;
	case VIO_QUEUE_ADDRESS: return f->pfn;
	case VIO_QUEUE_SIZE: return f->qsel == VRNG_QUEUE ? f->qsize : 0;
	case VIO_QUEUE_SELECT: return f->qsel;
	case VIO_DEVICE_STATUS: return f->status;
	case VIO_ISR_STATUS:
		isr = f->isr;
		f->isr = 0;     /* §4.1.4.5: reading clears it */
		return isr;
	}
	return 0;
}

static void vrng_reg_write(void *ctx, uint16_t reg, unsigned width, uint32_t v)
{
	struct fake_vrng *f = ctx;

	(void)width;
	switch (reg) {
	case VIO_DRIVER_FEATURES: f->features = v; break;
	case VIO_QUEUE_ADDRESS: f->pfn = v; break;
	case VIO_QUEUE_SELECT: f->qsel = (uint16_t)v; break;
	case VIO_QUEUE_NOTIFY: f->notifies++; break;
	case VIO_DEVICE_STATUS:
		f->status = (uint8_t)v;
		if (f->nstatus < sizeof(f->status_log))
			f->status_log[f->nstatus++] = (uint8_t)v;
		if (v == 0)
			f->pfn = 0, f->seen = f->used = 0;
		break;
	}
}

void fake_vrng_complete(void)
{
	struct fake_vrng *f = &fv;
	uint8_t *ring = atxf_fake_dma_to_host((uint64_t)f->pfn * VRING_ALIGN, VRING_BYTES(f->qsize));
	struct vring_desc *desc = (struct vring_desc *)ring;
	struct vring_avail *avail = (struct vring_avail *)(ring + 16u * f->qsize);
	struct vring_used *used = (struct vring_used *)(ring + VRING_USED_OFFSET(f->qsize));

	assert_non_null(ring);
	while (f->seen != avail->idx) {
		uint16_t head = avail->ring[f->seen++ % f->qsize];
		struct vring_desc *d = &desc[head];
		uint8_t *buf = atxf_fake_dma_to_host(d->addr, d->len);
		uint32_t n = f->fill < 0 || f->fill > d->len ? d->len : (uint32_t)f->fill;

		assert_non_null(buf);
		assert_true(d->flags & VRING_DESC_F_WRITE);
		for (uint32_t i = 0; i < n; i++)
			buf[i] = (uint8_t)i;
		used->ring[f->used % f->qsize] = (struct vring_used_elem){
			.id = head, .len = f->claim < 0 ? n : (uint32_t)f->claim };
		used->idx = ++f->used;
	}
	f->isr |= VIO_ISR_QUEUE;
}

void fake_vrng_add(uint16_t base)
{
	memset(&fv, 0, sizeof(fv));
	fv.qsize = 8;
	fv.fill = -1;
	fv.claim = -1;
	assert_int_equal(atxf_fake_io_add(base, VIO_REGS, vrng_reg_read, vrng_reg_write, &fv), 0);
}
