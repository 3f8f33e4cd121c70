/*
 * Fake MMIO: devices claim physical address ranges; atxf_mmio_map() on an
 * MMIO capability returns a pointer into the device's backing memory; the
 * accessors recognise such pointers and call the device's callbacks (or,
 * without one, use the backing memory). Any other pointer is plain memory,
 * so the same accessors work on a DMA ring or a struct in a test.
 */
#include <stdlib.h>
#include <string.h>
#include "fake_internal.h"

#define FAKE_MMIO_DEVICES 16
#define PAGE 4096u

struct fake_mmio_dev {
	uint64_t paddr;
	size_t size;
	uint8_t *mem;               /* backing memory, page-aligned, zeroed */
	atxf_fake_mmio_read_fn read;
	atxf_fake_mmio_write_fn write;
	void *ctx;
};

static struct fake_mmio_dev devs[FAKE_MMIO_DEVICES];
static unsigned ndevs;

void __atxf_fake_reset_mmio(void)
{
	for (unsigned i = 0; i < ndevs; i++)
		free(devs[i].mem);
	memset(devs, 0, sizeof(devs));
	ndevs = 0;
}

static int overlaps(uint64_t paddr, size_t size)
{
	for (unsigned i = 0; i < ndevs; i++)
		if (paddr < devs[i].paddr + devs[i].size && devs[i].paddr < paddr + size)
			return 1;
	return 0;
}

void *atxf_fake_mmio_add(uint64_t paddr, size_t size, atxf_fake_mmio_read_fn read,
			 atxf_fake_mmio_write_fn write, void *ctx)
{
	size_t alloc = (size + PAGE - 1) / PAGE * PAGE;
	uint8_t *mem;

	if (size == 0 || paddr + size < paddr || alloc < size || overlaps(paddr, size) ||
	    ndevs == FAKE_MMIO_DEVICES) {
		__atxf_fake_note("atxf_fake_mmio_add(0x%llx, %zu): empty, overlapping or too many",
				 (unsigned long long)paddr, size);
		return NULL;
	}
	mem = aligned_alloc(PAGE, alloc);
	if (mem == NULL)
		return NULL;
	memset(mem, 0, alloc);
	devs[ndevs++] = (struct fake_mmio_dev){ paddr, size, mem, read, write, ctx };
	return mem;
}

static struct fake_mmio_dev *by_paddr(uint64_t paddr, size_t len)
{
	for (unsigned i = 0; i < ndevs; i++)
		if (paddr >= devs[i].paddr && len <= devs[i].size &&
		    paddr - devs[i].paddr <= devs[i].size - len)
			return &devs[i];
	return NULL;
}

volatile void *atxf_mmio_map(atxf_handle_t mmio, uint64_t offset, size_t len)
{
	struct fake_cap *c = __atxf_fake_cap_get(mmio, ATXF_CAP_MMIO);
	struct fake_mmio_dev *d;

	if (c == NULL || !(c->info.rights & ATXF_RIGHT_READ)) {
		__atxf_fake_note("atxf_mmio_map: handle %d is not a readable MMIO capability", mmio);
		return NULL;
	}
	if (len == 0 || offset > c->info.size || len > c->info.size - offset) {
		__atxf_fake_note("atxf_mmio_map: %zu bytes at offset 0x%llx leave the capability",
				 len, (unsigned long long)offset);
		return NULL;
	}
	d = by_paddr(c->info.base + offset, len);
	if (d == NULL) {
		__atxf_fake_note("atxf_mmio_map: no fake device at 0x%llx (atxf_fake_mmio_add)",
				 (unsigned long long)(c->info.base + offset));
		return NULL;
	}
	return d->mem + (c->info.base + offset - d->paddr);
}

/* Host memory is coherent: write-combining changes nothing a test can see. */
volatile void *atxf_mmio_map_wc(atxf_handle_t mmio, uint64_t offset, size_t len)
{
	return atxf_mmio_map(mmio, offset, len);
}

void atxf_wc_flush(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* The device whose backing memory holds the whole access, or NULL. */
static struct fake_mmio_dev *by_host(const volatile void *addr, unsigned width)
{
	uintptr_t a = (uintptr_t)addr;

	for (unsigned i = 0; i < ndevs; i++) {
		uintptr_t m = (uintptr_t)devs[i].mem;

		if (a >= m && a - m + width <= devs[i].size)
			return &devs[i];
	}
	return NULL;
}

static uint64_t plain_read(const volatile void *addr, unsigned width)
{
	switch (width) {
	case 1: return *(const volatile uint8_t *)addr;
	case 2: return *(const volatile uint16_t *)addr;
	case 4: return *(const volatile uint32_t *)addr;
	default: return *(const volatile uint64_t *)addr;
	}
}

static void plain_write(volatile void *addr, unsigned width, uint64_t v)
{
	switch (width) {
	case 1: *(volatile uint8_t *)addr = (uint8_t)v; break;
	case 2: *(volatile uint16_t *)addr = (uint16_t)v; break;
	case 4: *(volatile uint32_t *)addr = (uint32_t)v; break;
	default: *(volatile uint64_t *)addr = v; break;
	}
}

static uint64_t mmio_read(const volatile void *addr, unsigned width)
{
	struct fake_mmio_dev *d = by_host(addr, width);

	if (d == NULL || d->read == NULL)
		return plain_read(addr, width);
	return d->read(d->ctx, (uint64_t)((uintptr_t)addr - (uintptr_t)d->mem), width) &
	       __atxf_fake_ones(width);
}

static void mmio_write(volatile void *addr, unsigned width, uint64_t v)
{
	struct fake_mmio_dev *d = by_host(addr, width);

	if (d == NULL || d->write == NULL)
		plain_write(addr, width, v);
	else
		d->write(d->ctx, (uint64_t)((uintptr_t)addr - (uintptr_t)d->mem), width, v);
}

uint8_t atxf_mmio_read8(const volatile void *a) { return (uint8_t)mmio_read(a, 1); }
uint16_t atxf_mmio_read16(const volatile void *a) { return (uint16_t)mmio_read(a, 2); }
uint32_t atxf_mmio_read32(const volatile void *a) { return (uint32_t)mmio_read(a, 4); }
uint64_t atxf_mmio_read64(const volatile void *a) { return mmio_read(a, 8); }
void atxf_mmio_write8(volatile void *a, uint8_t v) { mmio_write(a, 1, v); }
void atxf_mmio_write16(volatile void *a, uint16_t v) { mmio_write(a, 2, v); }
void atxf_mmio_write32(volatile void *a, uint32_t v) { mmio_write(a, 4, v); }
void atxf_mmio_write64(volatile void *a, uint64_t v) { mmio_write(a, 8, v); }
