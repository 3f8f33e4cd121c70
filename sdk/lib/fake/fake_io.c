/*
 * Fake I/O ports: atxf_inb/w/l and atxf_outb/w/l send each access to the
 * fake device that claims the ports, with the offset from its base and the
 * width. A port no device claims reads all ones (a floating ISA bus) and
 * counts as a stray access.
 */
#include <string.h>
#include "fake_internal.h"

#define FAKE_IO_DEVICES 32

struct fake_io_dev {
	uint32_t base;              /* first port */
	uint32_t count;             /* ports claimed */
	atxf_fake_io_read_fn read;
	atxf_fake_io_write_fn write;
	void *ctx;
};

static struct fake_io_dev devs[FAKE_IO_DEVICES];
static unsigned ndevs;

void __atxf_fake_reset_io(void)
{
	memset(devs, 0, sizeof(devs));
	ndevs = 0;
}

int atxf_fake_io_add(uint16_t base, uint32_t count, atxf_fake_io_read_fn read,
		     atxf_fake_io_write_fn write, void *ctx)
{
	if (count == 0 || base + count > 0x10000)
		return -ATXF_EINVAL;
	for (unsigned i = 0; i < ndevs; i++)
		if (base < devs[i].base + devs[i].count && devs[i].base < base + count)
			return -ATXF_EBUSY;
	if (ndevs == FAKE_IO_DEVICES)
		return -ATXF_ENOSPC;
	devs[ndevs++] = (struct fake_io_dev){ base, count, read, write, ctx };
	return 0;
}

/* The device holding every port of the access, or NULL. */
static struct fake_io_dev *claimed(uint16_t port, unsigned width)
{
	for (unsigned i = 0; i < ndevs; i++)
		if (port >= devs[i].base && port + width <= devs[i].base + devs[i].count)
			return &devs[i];
	return NULL;
}

static uint32_t io_read(uint16_t port, unsigned width, const char *what)
{
	struct fake_io_dev *d = claimed(port, width);

	if (d == NULL) {
		__atxf_fake_stray("%s(0x%x): no fake device claims this port", what, port);
		return (uint32_t)__atxf_fake_ones(width);
	}
	if (d->read == NULL)
		return (uint32_t)__atxf_fake_ones(width);
	return d->read(d->ctx, (uint16_t)(port - d->base), width) &
	       (uint32_t)__atxf_fake_ones(width);
}

static void io_write(uint16_t port, unsigned width, uint32_t value, const char *what)
{
	struct fake_io_dev *d = claimed(port, width);

	if (d == NULL) {
		__atxf_fake_stray("%s(0x%x, 0x%x): no fake device claims this port",
				  what, port, value);
		return;
	}
	if (d->write != NULL)
		d->write(d->ctx, (uint16_t)(port - d->base), width, value);
}

uint8_t atxf_inb(uint16_t port) { return (uint8_t)io_read(port, 1, "inb"); }
uint16_t atxf_inw(uint16_t port) { return (uint16_t)io_read(port, 2, "inw"); }
uint32_t atxf_inl(uint16_t port) { return io_read(port, 4, "inl"); }
void atxf_outb(uint16_t port, uint8_t value) { io_write(port, 1, value, "outb"); }
void atxf_outw(uint16_t port, uint16_t value) { io_write(port, 2, value, "outw"); }
void atxf_outl(uint16_t port, uint32_t value) { io_write(port, 4, value, "outl"); }

/* Every access goes to the fake devices: there is no map to rebuild. */
void atxf_io_refresh(void)
{
}
