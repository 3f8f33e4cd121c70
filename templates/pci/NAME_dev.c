/*
 * @NAME@_dev.c: the logic of QEMU's edu PCI device (-device edu): identify
 * it, check that it answers, compute factorials, clear its interrupts.
 * Register meanings: @NAME@_reg.h.
 */
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "@NAME@_dev.h"
#include "@NAME@_reg.h"

static uint32_t rd(const struct @IDENT@_edu *e, unsigned reg)
{
	return atxf_mmio_read32(e->regs + reg);
}

static void wr(const struct @IDENT@_edu *e, unsigned reg, uint32_t value)
{
	atxf_mmio_write32(e->regs + reg, value);
}

int @IDENT@_init(struct @IDENT@_edu *e, volatile void *regs)
{
	uint32_t id;

	e->regs = regs;
	id = rd(e, EDU_ID);
	if ((id & 0xff) != EDU_ID_MAGIC)
		return -ATXF_ENODEV;
	e->version = id >> 16;
	/* The liveness register answers with the inverse: proof the device decodes writes. */
	wr(e, EDU_LIVENESS, 0x12345678);
	if (rd(e, EDU_LIVENESS) != ~0x12345678u)
		return -ATXF_EIO;
	wr(e, EDU_STATUS, 0);
	wr(e, EDU_IRQ_ACK, rd(e, EDU_IRQ_STATUS));      /* nothing left over from before us */
	return 0;
}

int @IDENT@_factorial_start(struct @IDENT@_edu *e, uint32_t n)
{
	if (rd(e, EDU_STATUS) & EDU_STATUS_BUSY)
		return -ATXF_EBUSY;
	wr(e, EDU_STATUS, EDU_STATUS_IRQ_DONE);
	wr(e, EDU_FACTORIAL, n);
	return 0;
}

int @IDENT@_factorial_result(struct @IDENT@_edu *e, uint32_t *result)
{
	if (rd(e, EDU_STATUS) & EDU_STATUS_BUSY)
		return -ATXF_EAGAIN;
	*result = rd(e, EDU_FACTORIAL);
	return 0;
}

uint32_t @IDENT@_irq_ack(struct @IDENT@_edu *e)
{
	uint32_t bits = rd(e, EDU_IRQ_STATUS);

	if (bits)
		wr(e, EDU_IRQ_ACK, bits);
	return bits;
}

void @IDENT@_stop(struct @IDENT@_edu *e)
{
	wr(e, EDU_STATUS, 0);
	@IDENT@_irq_ack(e);
}
