/*
 * @NAME@_dev.h: the edu device's logic. It touches the device only through
 * the MMIO accessors of <atxf/hw.h>, so the host test runs it against a
 * fake edu device.
 */
#ifndef @UPPER@_DEV_H
#define @UPPER@_DEV_H

#include <stdint.h>

struct @IDENT@_edu {
	volatile uint8_t *regs;     /* BAR 0, mapped */
	uint32_t version;           /* major << 8 | minor */
};

/* Checks that regs is an edu device that answers; interrupts off. */
int @IDENT@_init(struct @IDENT@_edu *e, volatile void *regs);
/* Starts n!; -ATXF_EBUSY while one is running. The device interrupts when done. */
int @IDENT@_factorial_start(struct @IDENT@_edu *e, uint32_t n);
/* 0 and *result when done, -ATXF_EAGAIN while still computing. */
int @IDENT@_factorial_result(struct @IDENT@_edu *e, uint32_t *result);
/* Clears the device's interrupt status; returns the bits that were set. */
uint32_t @IDENT@_irq_ack(struct @IDENT@_edu *e);
void @IDENT@_stop(struct @IDENT@_edu *e);

#endif
