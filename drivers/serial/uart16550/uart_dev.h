/*
 * uart_dev.h: the 16550's device logic: setup, an interrupt-driven transmit
 * queue, and receive into a queue with flow control. Touches the UART only
 * through <atxf/hw.h>, so the host test runs it against a fake 16550.
 */
#ifndef UART_DEV_H
#define UART_DEV_H

#include <stddef.h>
#include <stdint.h>

#define UART_TXQ_BYTES 1024     /* a power of two */
#define UART_RXQ_BYTES 256      /* a power of two */

struct uart {
	uint16_t base;              /* first I/O port */
	uint8_t ier;                /* what IER holds */
	uint32_t baud;
	uint8_t txq[UART_TXQ_BYTES];/* bytes accepted, not yet in the FIFO */
	uint32_t tx_head, tx_tail;  /* free-running; head - tail bytes queued */
	uint8_t rxq[UART_RXQ_BYTES];/* bytes read from the FIFO, not yet taken */
	uint32_t rx_head, rx_tail;  /* free-running, like the transmit queue */
	uint8_t rx_held;            /* rxq full: RX interrupt off and RTS down */
	unsigned long overruns;     /* times the UART said it lost received bytes */
	unsigned long tx_bytes;     /* bytes written to THR */
};

/* Finds and programs the UART: 8N1 at baud, FIFOs on, RX interrupts on. */
int uart_init(struct uart *u, uint16_t base, uint32_t baud);
/* Rates 1.8432 MHz / 16 divides exactly; -ATXF_EINVAL for others. */
int uart_set_baud(struct uart *u, uint32_t baud);
/* Queues up to len bytes and starts sending; returns bytes accepted (0 when full). */
int uart_write(struct uart *u, const void *buf, size_t len);
/*
 * Serves the pending interrupts until IIR says none is pending, reading
 * received bytes into the receive queue. When that queue is full it holds
 * the line instead (RX interrupt off, RTS dropped): the bytes stay in the
 * FIFO and the sender waits, until uart_rx_taken() makes room.
 */
void uart_service(struct uart *u);
/* The oldest received bytes, contiguous (maybe fewer than queued): count, *bytes set. */
size_t uart_rx_peek(const struct uart *u, const uint8_t **bytes);
/* n of them were taken; a held line is released once there is room. */
void uart_rx_taken(struct uart *u, size_t n);
/* Bytes queued and not yet handed to the UART. */
size_t uart_tx_queued(const struct uart *u);
void uart_stop(struct uart *u);

#endif
