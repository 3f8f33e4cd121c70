/*
 * @NAME@_dev.c: the 16550 UART's device logic (QEMU: the second serial
 * port, -serial ... -serial ...). Register meanings: @NAME@_reg.h.
 */
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "@NAME@_dev.h"
#include "@NAME@_reg.h"

#define BITS_PER_BYTE  10       /* start + 8 data + stop */
#define TX_FIFO_BYTES  16

static uint8_t get(const struct @IDENT@_uart *u, unsigned reg)
{
	return atxf_inb((uint16_t)(u->base + reg));
}

static void put(const struct @IDENT@_uart *u, unsigned reg, uint8_t value)
{
	atxf_outb((uint16_t)(u->base + reg), value);
}

int @IDENT@_set_baud(struct @IDENT@_uart *u, uint32_t baud)
{
	uint32_t divisor;

	/* Only rates the clock divides exactly: anything else garbles the line. */
	if (baud == 0 || (UART_CLOCK_HZ / 16) % baud != 0)
		return -ATXF_EINVAL;
	divisor = UART_CLOCK_HZ / 16 / baud;
	if (divisor > 0xffff)
		return -ATXF_EINVAL;
	put(u, UART_LCR, LCR_DLAB);
	put(u, UART_DLL, (uint8_t)(divisor & 0xff));
	put(u, UART_DLM, (uint8_t)(divisor >> 8));
	put(u, UART_LCR, LCR_8N1);      /* also clears DLAB */
	u->baud = baud;
	return 0;
}

int @IDENT@_init(struct @IDENT@_uart *u, uint16_t base, uint32_t baud)
{
	int err;

	u->base = base;
	u->overruns = 0;
	/* An empty port reads 0xff: a byte that stays in the scratch register proves a UART. */
	put(u, UART_SCR, 0x5a);
	if (get(u, UART_SCR) != 0x5a)
		return -ATXF_ENODEV;
	put(u, UART_IER, 0);            /* quiet while it is programmed */
	err = @IDENT@_set_baud(u, baud);
	if (err)
		return err;
	put(u, UART_FCR, FCR_ENABLE | FCR_CLEAR_RX | FCR_CLEAR_TX | FCR_TRIGGER_8);
	put(u, UART_MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
	/* Stale status from before us would raise an interrupt at once. */
	(void)get(u, UART_LSR);
	(void)get(u, UART_RBR);
	(void)get(u, UART_MSR);
	put(u, UART_IER, IER_RX_AVAILABLE | IER_LINE_STATUS);
	return 0;
}

/* Waits as long as a full transmit FIFO takes to drain at this baud rate. */
static int wait_tx_ready(const struct @IDENT@_uart *u)
{
	uint64_t drain_ns = 1000000000ull * BITS_PER_BYTE * TX_FIFO_BYTES / u->baud;
	uint64_t deadline = atxf_time_ns() + drain_ns + 1000000;

	while (!(get(u, UART_LSR) & LSR_THR_EMPTY)) {
		if (atxf_time_ns() >= deadline)
			return 0;
		atxf_delay_us(10);
	}
	return 1;
}

int @IDENT@_write(struct @IDENT@_uart *u, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	size_t sent = 0;

	while (sent < len && wait_tx_ready(u))
		put(u, UART_THR, p[sent++]);
	if (sent == 0 && len > 0)
		return -ATXF_ETIMEDOUT;
	return (int)sent;
}

size_t @IDENT@_receive(struct @IDENT@_uart *u, uint8_t *buf, size_t max)
{
	size_t n = 0;
	uint8_t lsr;

	/* Reading LSR also clears a pending line-status interrupt. */
	while (n < max && ((lsr = get(u, UART_LSR)) & LSR_DATA_READY)) {
		if (lsr & LSR_OVERRUN)
			u->overruns++;
		buf[n++] = get(u, UART_RBR);
	}
	return n;
}

void @IDENT@_stop(struct @IDENT@_uart *u)
{
	put(u, UART_IER, 0);
	put(u, UART_MCR, 0);
}
