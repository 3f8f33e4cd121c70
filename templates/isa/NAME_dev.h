/*
 * @NAME@_dev.h: the UART's device logic. It touches the hardware only
 * through <atxf/hw.h>, so the host test runs it against a fake 16550.
 */
#ifndef @UPPER@_DEV_H
#define @UPPER@_DEV_H

#include <stddef.h>
#include <stdint.h>

struct @IDENT@_uart {
	uint16_t base;              /* first I/O port */
	uint32_t baud;
	unsigned long overruns;     /* times the UART said it lost received bytes */
};

/* Finds and programs the UART: 8N1 at baud, FIFOs on, receive interrupts on. */
int @IDENT@_init(struct @IDENT@_uart *u, uint16_t base, uint32_t baud);
int @IDENT@_set_baud(struct @IDENT@_uart *u, uint32_t baud);
/* Sends bytes; returns how many went out, or -ATXF_ETIMEDOUT if none could. */
int @IDENT@_write(struct @IDENT@_uart *u, const void *buf, size_t len);
/* Takes up to max received bytes out of the UART; returns how many. */
size_t @IDENT@_receive(struct @IDENT@_uart *u, uint8_t *buf, size_t max);
/* Interrupts off, the IRQ line released. */
void @IDENT@_stop(struct @IDENT@_uart *u);

#endif
