/*
 * uart_dev.h: the 16550's device logic: setup, an interrupt-driven transmit
 * queue and receive. Touches the UART only through <atxf/hw.h>, so the host
 * test runs it against a fake 16550.
 */
#ifndef UART_DEV_H
#define UART_DEV_H

#include <stddef.h>
#include <stdint.h>

#define UART_TXQ_BYTES 1024     /* a power of two */

struct uart {
	uint16_t base;              /* first I/O port */
	uint8_t ier;                /* what IER holds */
	uint32_t baud;
	uint8_t txq[UART_TXQ_BYTES];/* bytes accepted, not yet in the FIFO */
	uint32_t tx_head, tx_tail;  /* free-running; head - tail bytes queued */
	unsigned long overruns;     /* times the UART said it lost received bytes */
};

/* Finds and programs the UART: 8N1 at baud, FIFOs on, RX interrupts on. */
int uart_init(struct uart *u, uint16_t base, uint32_t baud);
/* Rates 1.8432 MHz / 16 divides exactly; -ATXF_EINVAL for others. */
int uart_set_baud(struct uart *u, uint32_t baud);
/* Queues up to len bytes and starts sending; returns bytes accepted (0 when full). */
int uart_write(struct uart *u, const void *buf, size_t len);
/* Serves the pending interrupts; returns received bytes put in buf (<= max). */
size_t uart_service(struct uart *u, uint8_t *buf, size_t max);
/* Bytes queued and not yet handed to the UART. */
size_t uart_tx_queued(const struct uart *u);
void uart_stop(struct uart *u);

#endif
