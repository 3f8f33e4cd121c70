/* Configuration mechanism #1 (pci/cf8.h). */
#include "arch/x86_64/cpu.h"
#include "pci/cf8.h"

#define CFG_ADDRESS 0xcf8
#define CFG_DATA    0xcfc
#define CFG_ENABLE  0x80000000u

static uint16_t select_reg(uint32_t bdf, unsigned offset)
{
	outl(CFG_ADDRESS, CFG_ENABLE | (bdf & 0xffff) << 8 | (offset & 0xfc));
	return (uint16_t)(CFG_DATA + (offset & 3));
}

uint32_t cf8_read(uint32_t bdf, unsigned offset, unsigned width)
{
	uint16_t port = select_reg(bdf, offset);

	return width == 1 ? inb(port) : width == 2 ? inw(port) : inl(port);
}

void cf8_write(uint32_t bdf, unsigned offset, unsigned width, uint32_t value)
{
	uint16_t port = select_reg(bdf, offset);

	if (width == 1)
		outb(port, (uint8_t)value);
	else if (width == 2)
		outw(port, (uint16_t)value);
	else
		outl(port, value);
}
