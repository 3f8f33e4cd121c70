/*
 * Port I/O (<atxf/hw.h>): `in`/`out` directly on the ports the kernel has
 * opened for this process, the SYS_IO_* calls on every other port.
 *
 * The map of open ports is built on the first access by asking the kernel
 * about every handle (SYS_CAP_QUERY) and applying the kernel's own rule
 * (io_bitmap.c); atxf_io_refresh() rebuilds it after capabilities change.
 * A port outside the map costs a system call per access; the kernel then
 * checks the direction's right, and a refused read returns all ones, like
 * a read of a port nothing answers on.
 */
#include <atxf/hw.h>
#include <atxf/sys.h>
#include "io_bitmap.h"
#include "trap.h"

static struct atxf_io_bitmap direct;    /* ports the kernel opened for us */
static int direct_known;                /* direct is up to date */

void atxf_io_refresh(void)
{
	struct atxf_cap_info info;

	__atxf_io_bitmap_clear(&direct);
	for (atxf_handle_t h = 0; h < ATXF_MAX_HANDLES; h++)
		if (atxf_cap_query(h, &info) == 0)
			__atxf_io_bitmap_add(&direct, &info);
	direct_known = 1;
}

static int is_direct(uint16_t port, unsigned width)
{
	if (!direct_known)
		atxf_io_refresh();
	return __atxf_io_bitmap_covers(&direct, port, width);
}

/* A read through the kernel: the value, or all ones if it was refused. */
static uint32_t refused_as_ones(long ret, uint32_t ones)
{
	return ret < 0 ? ones : (uint32_t)ret;
}

/* "memory": port writes are doorbells for DMA memory written just before. */
uint8_t atxf_inb(uint16_t port)
{
	uint8_t v;

	if (!is_direct(port, 1))
		return (uint8_t)refused_as_ones(sys_IO_INB(port), 0xff);
	__asm__ __volatile__("inb %w1, %b0" : "=a"(v) : "Nd"(port) : "memory");
	return v;
}

uint16_t atxf_inw(uint16_t port)
{
	uint16_t v;

	if (!is_direct(port, 2))
		return (uint16_t)refused_as_ones(sys_IO_INW(port), 0xffff);
	__asm__ __volatile__("inw %w1, %w0" : "=a"(v) : "Nd"(port) : "memory");
	return v;
}

uint32_t atxf_inl(uint16_t port)
{
	uint32_t v;

	if (!is_direct(port, 4))
		return refused_as_ones(sys_IO_INL(port), 0xffffffffu);
	__asm__ __volatile__("inl %w1, %0" : "=a"(v) : "Nd"(port) : "memory");
	return v;
}

void atxf_outb(uint16_t port, uint8_t value)
{
	if (!is_direct(port, 1)) {
		sys_IO_OUTB(port, value);
		return;
	}
	__asm__ __volatile__("outb %b0, %w1" : : "a"(value), "Nd"(port) : "memory");
}

void atxf_outw(uint16_t port, uint16_t value)
{
	if (!is_direct(port, 2)) {
		sys_IO_OUTW(port, value);
		return;
	}
	__asm__ __volatile__("outw %w0, %w1" : : "a"(value), "Nd"(port) : "memory");
}

void atxf_outl(uint16_t port, uint32_t value)
{
	if (!is_direct(port, 4)) {
		sys_IO_OUTL(port, value);
		return;
	}
	__asm__ __volatile__("outl %0, %w1" : : "a"(value), "Nd"(port) : "memory");
}
