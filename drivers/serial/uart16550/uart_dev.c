/*
 * uart_dev.c: the 16550's device logic (QEMU: the PC's serial ports,
 * -serial). Registers: uart16550_reg.h (PC16550D datasheet section 8).
 *
 * Transmit is interrupt-driven: WRITE queues bytes, fills the 16-byte
 * transmit FIFO when THR is empty (LSR bit 5), and enables the THR-empty
 * interrupt while bytes remain queued; each such interrupt refills the
 * FIFO.
 *
 * Receive drains the RX FIFO into rxq while LSR says data is ready, and
 * serves interrupts until IIR says none is pending: on the PC's
 * edge-triggered ISA line, returning with one still pending would leave
 * the line high and no new edge would ever come. When rxq is full the
 * driver holds the line: it turns the RX interrupt off, so the line drops
 * and THR-empty interrupts still come, and drops RTS, asking the far end
 * to wait (PC16550D 8.8: RTS is the MCR bit 1 output). The bytes stay in
 * the FIFO; a full FIFO makes the sender wait (QEMU's chardev holds them).
 */
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "uart16550_reg.h"
#include "uart_dev.h"

/*
 * A bound on IIR polls per call, against a device that never says "none
 * pending". Real work ends far sooner: a receive round fills rxq or holds
 * the line, a transmit round moves 16 of the queue's 1024 bytes.
 */
#define SERVICE_ROUNDS 256

static uint8_t get(const struct uart *u, unsigned reg)
{
	return atxf_inb((uint16_t)(u->base + reg));
}

static void put(const struct uart *u, unsigned reg, uint8_t value)
{
	atxf_outb((uint16_t)(u->base + reg), value);
}

static void set_ier(struct uart *u, uint8_t ier)
{
	if (u->ier != ier)
		put(u, UART_IER, ier);
	u->ier = ier;
}

int uart_set_baud(struct uart *u, uint32_t baud)
{
	uint32_t divisor;

	if (baud == 0 || (UART_CLOCK_HZ / 16) % baud != 0)
		return -ATXF_EINVAL;
	divisor = UART_CLOCK_HZ / 16 / baud;
	put(u, UART_LCR, LCR_DLAB);
	put(u, UART_DLL, (uint8_t)(divisor & 0xff));
	put(u, UART_DLM, (uint8_t)(divisor >> 8));
	put(u, UART_LCR, LCR_8N1);      /* clears DLAB too */
	u->baud = baud;
	return 0;
}

int uart_init(struct uart *u, uint16_t base, uint32_t baud)
{
	int err;

	u->base = base;
	u->tx_head = u->tx_tail = 0;
	u->rx_head = u->rx_tail = 0;
	u->rx_held = 0;
	u->overruns = 0;
	u->tx_bytes = 0;
	/* No UART at the port reads 0xff: a byte that stays in SCR proves one. */
	put(u, UART_SCR, 0x5a);
	if (get(u, UART_SCR) != 0x5a)
		return -ATXF_ENODEV;
	u->ier = 0xff;
	set_ier(u, 0);
	if ((err = uart_set_baud(u, baud)))
		return err;
	/* The transmit FIFO is kept: on COM1 it holds the kernel log's last bytes. */
	put(u, UART_FCR, FCR_ENABLE | FCR_CLEAR_RX | FCR_TRIGGER_8);
	put(u, UART_MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
	(void)get(u, UART_LSR);         /* stale status would interrupt at once */
	(void)get(u, UART_RBR);
	(void)get(u, UART_MSR);
	set_ier(u, IER_RX_AVAILABLE | IER_LINE_STATUS);
	return 0;
}

size_t uart_tx_queued(const struct uart *u)
{
	return u->tx_head - u->tx_tail;
}

/* THR empty means the whole transmit FIFO is free (datasheet 8.4, bit 5). */
static void fill_fifo(struct uart *u)
{
	if (uart_tx_queued(u) && (get(u, UART_LSR) & LSR_THR_EMPTY))
		for (int i = 0; i < UART_FIFO_BYTES && uart_tx_queued(u); i++) {
			put(u, UART_THR, u->txq[u->tx_tail++ % UART_TXQ_BYTES]);
			u->tx_bytes++;
		}
	if (uart_tx_queued(u))
		set_ier(u, u->ier | IER_TX_EMPTY);
	else
		set_ier(u, u->ier & (uint8_t)~IER_TX_EMPTY);
}

int uart_write(struct uart *u, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	size_t n = 0;

	while (n < len && uart_tx_queued(u) < UART_TXQ_BYTES)
		u->txq[u->tx_head++ % UART_TXQ_BYTES] = p[n++];
	fill_fifo(u);
	return (int)n;
}

static uint32_t rx_queued(const struct uart *u)
{
	return u->rx_head - u->rx_tail;
}

static void note_line_status(struct uart *u, uint8_t lsr)
{
	if (lsr & LSR_OVERRUN)
		u->overruns++;
}

/* RX interrupt and RTS on (taking bytes) or off (holding the line). */
static void set_rx_flow(struct uart *u, int on)
{
	u->rx_held = !on;
	put(u, UART_MCR, (uint8_t)(MCR_DTR | MCR_OUT2 | (on ? MCR_RTS : 0)));
	set_ier(u, on ? (uint8_t)(u->ier | IER_RX_AVAILABLE)
		      : (uint8_t)(u->ier & ~IER_RX_AVAILABLE));
}

/* Reads the FIFO into rxq while data is ready; holds the line when rxq is full. */
static void receive(struct uart *u)
{
	uint8_t lsr;

	while ((lsr = get(u, UART_LSR)) & LSR_DATA_READY) {
		note_line_status(u, lsr);
		if (rx_queued(u) == UART_RXQ_BYTES) {
			set_rx_flow(u, 0);
			return;
		}
		u->rxq[u->rx_head++ % UART_RXQ_BYTES] = get(u, UART_RBR);
	}
	note_line_status(u, lsr);
}

void uart_service(struct uart *u)
{
	uint8_t iir;

	for (int round = 0; round < SERVICE_ROUNDS; round++) {
		iir = get(u, UART_IIR);
		if (iir & IIR_NO_INTERRUPT)
			return;
		switch (iir & IIR_ID_MASK) {
		case IIR_LINE_STATUS:
			note_line_status(u, get(u, UART_LSR));
			break;
		case IIR_RX_DATA: case IIR_RX_TIMEOUT:
			receive(u);
			break;
		case IIR_TX_EMPTY: fill_fifo(u); break;
		default: (void)get(u, UART_MSR); break;
		}
	}
}

size_t uart_rx_peek(const struct uart *u, const uint8_t **bytes)
{
	uint32_t start = u->rx_tail % UART_RXQ_BYTES;
	uint32_t n = rx_queued(u);

	*bytes = u->rxq + start;
	return n < UART_RXQ_BYTES - start ? n : UART_RXQ_BYTES - start;
}

void uart_rx_taken(struct uart *u, size_t n)
{
	u->rx_tail += (uint32_t)n;
	if (u->rx_held && rx_queued(u) < UART_RXQ_BYTES) {
		set_rx_flow(u, 1);
		receive(u);     /* what waited in the FIFO raises no new edge */
	}
}

void uart_stop(struct uart *u)
{
	set_ier(u, 0);
	put(u, UART_MCR, 0);
}
