/*
 * MMIO (<atxf/hw.h>): mapping a region of an MMIO capability, and the
 * accessors. Each accessor is one volatile access of exactly its width
 * between two compiler barriers: the compiler neither splits, merges nor
 * moves it past another memory access, so a descriptor written to DMA
 * memory is in memory before the register write that hands it over, and a
 * status read happens before the buffer reads that depend on it. The CPU
 * keeps uncached (UC) accesses in program order, so no fence is needed.
 */
#include <atxf/hw.h>
#include "trap.h"

#define barrier() __asm__ __volatile__("" ::: "memory")

static volatile void *map(atxf_handle_t mmio, uint64_t offset, size_t len, unsigned flags)
{
	long addr = sys_MMIO_MAP(mmio, (long)offset, (long)len, (long)flags);

	return addr < 0 ? NULL : (volatile void *)(uintptr_t)addr;
}

volatile void *atxf_mmio_map(atxf_handle_t mmio, uint64_t offset, size_t len)
{
	return map(mmio, offset, len, 0);
}

volatile void *atxf_mmio_map_wc(atxf_handle_t mmio, uint64_t offset, size_t len)
{
	return map(mmio, offset, len, ATXF_MMIO_WRITE_COMBINING);
}

void atxf_wc_flush(void)
{
	__asm__ __volatile__("sfence" ::: "memory");
}

uint8_t atxf_mmio_read8(const volatile void *addr)
{
	uint8_t v;

	barrier();
	v = *(const volatile uint8_t *)addr;
	barrier();
	return v;
}

uint16_t atxf_mmio_read16(const volatile void *addr)
{
	uint16_t v;

	barrier();
	v = *(const volatile uint16_t *)addr;
	barrier();
	return v;
}

uint32_t atxf_mmio_read32(const volatile void *addr)
{
	uint32_t v;

	barrier();
	v = *(const volatile uint32_t *)addr;
	barrier();
	return v;
}

uint64_t atxf_mmio_read64(const volatile void *addr)
{
	uint64_t v;

	barrier();
	v = *(const volatile uint64_t *)addr;
	barrier();
	return v;
}

void atxf_mmio_write8(volatile void *addr, uint8_t value)
{
	barrier();
	*(volatile uint8_t *)addr = value;
	barrier();
}

void atxf_mmio_write16(volatile void *addr, uint16_t value)
{
	barrier();
	*(volatile uint16_t *)addr = value;
	barrier();
}

void atxf_mmio_write32(volatile void *addr, uint32_t value)
{
	barrier();
	*(volatile uint32_t *)addr = value;
	barrier();
}

void atxf_mmio_write64(volatile void *addr, uint64_t value)
{
	barrier();
	*(volatile uint64_t *)addr = value;
	barrier();
}
