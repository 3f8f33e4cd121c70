/*
 * Host test of the 16550 UART's device logic (drivers/serial/uart16550/
 * uart_dev.c) against a fake 16550: divisor latch, FIFO control, IER/IIR
 * interrupt identification, LSR bits, a 16-byte transmit FIFO the test
 * empties as the line would, and a receive FIFO the test fills; the
 * receive queue's flow control (RX interrupt off and RTS down when full).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "uart16550_reg.h"
#include "uart_dev.h"

#define BASE 0x3f8

struct fake_uart {
	uint8_t ier, lcr, mcr, fcr, scr;
	uint16_t divisor;
	uint8_t line[4096];         /* bytes gone out on the wire */
	size_t nline;
	size_t tx_fifo;             /* bytes in the transmit FIFO */
	size_t tx_fifo_max;         /* most bytes the FIFO ever held */
	int thre_pending;           /* THR-empty interrupt pending (8.6) */
	uint8_t rx[1024];
	size_t nrx, rx_pos;
	int overrun;                /* LSR bit 1 until LSR is read */
	int absent;                 /* no UART: everything reads 0xff */
};

static struct fake_uart uart;

static int rx_ready(const struct fake_uart *f) { return f->rx_pos < f->nrx; }

static uint8_t iir(struct fake_uart *f)
{
	if (f->overrun && (f->ier & IER_LINE_STATUS))
		return IIR_LINE_STATUS;
	if (rx_ready(f) && (f->ier & IER_RX_AVAILABLE))
		return IIR_RX_DATA;
	if (f->thre_pending && (f->ier & IER_TX_EMPTY)) {
		f->thre_pending = 0;        /* reading IIR clears it */
		return IIR_TX_EMPTY;
	}
	return IIR_NO_INTERRUPT;
}

static uint8_t lsr(struct fake_uart *f)
{
	uint8_t v = (rx_ready(f) ? LSR_DATA_READY : 0) | (f->overrun ? LSR_OVERRUN : 0) |
		    (f->tx_fifo == 0 ? LSR_THR_EMPTY : 0);

	f->overrun = 0;
	return v;
}

static uint32_t fake_read(void *ctx, uint16_t reg, unsigned width)
{
	struct fake_uart *f = ctx;
	int dlab = f->lcr & LCR_DLAB;

	(void)width;
	if (f->absent)
		return 0xff;
	switch (reg) {
	case UART_RBR: return dlab ? (f->divisor & 0xff) : rx_ready(f) ? f->rx[f->rx_pos++] : 0;
	case UART_IER: return dlab ? (f->divisor >> 8) : f->ier;
	case UART_IIR: return iir(f) | (f->fcr & FCR_ENABLE ? 0xc0 : 0);
	case UART_LCR: return f->lcr;
	case UART_MCR: return f->mcr;
	case UART_LSR: return lsr(f);
	case UART_SCR: return f->scr;
	default: return 0;
	}
}

static void write_thr(struct fake_uart *f, uint8_t b)
{
	assert_true(f->tx_fifo < UART_FIFO_BYTES);  /* the driver never overfills */
	f->tx_fifo++;
	if (f->tx_fifo > f->tx_fifo_max)
		f->tx_fifo_max = f->tx_fifo;
	f->thre_pending = 0;
	if (f->nline < sizeof(f->line))
		f->line[f->nline++] = b;
}

static void fake_write(void *ctx, uint16_t reg, unsigned width, uint32_t value)
{
	struct fake_uart *f = ctx;
	int dlab = f->lcr & LCR_DLAB;
	uint8_t b = (uint8_t)value;

	(void)width;
	switch (reg) {
	case UART_THR:
		if (dlab)
			f->divisor = (uint16_t)((f->divisor & 0xff00) | b);
		else
			write_thr(f, b);
		break;
	case UART_IER:
		if (dlab) {
			f->divisor = (uint16_t)((f->divisor & 0x00ff) | b << 8);
			break;
		}
		/* Enabling the THR-empty interrupt with THR empty raises it at once. */
		if ((b & IER_TX_EMPTY) && !(f->ier & IER_TX_EMPTY) && f->tx_fifo == 0)
			f->thre_pending = 1;
		f->ier = b;
		break;
	case UART_FCR: f->fcr = b; break;
	case UART_LCR: f->lcr = b; break;
	case UART_MCR: f->mcr = b; break;
	case UART_SCR: f->scr = b; break;
	}
}

/* The line takes the whole FIFO out: THR empties and interrupts. */
static void line_drains(struct fake_uart *f)
{
	if (f->tx_fifo) {
		f->tx_fifo = 0;
		f->thre_pending = 1;
	}
}

static int setup(void **state)
{
	(void)state;
	memset(&uart, 0, sizeof(uart));
	atxf_fake_reset();
	assert_int_equal(atxf_fake_io_add(BASE, UART_PORTS, fake_read, fake_write, &uart), 0);
	assert_true(atxf_fake_cap_ioport(BASE, UART_PORTS, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE) >= 0);
	return 0;
}

static struct uart dev;

static void init_programs_divisor_fifo_and_irqs(void **state)
{
	(void)state;
	assert_int_equal(uart_init(&dev, BASE, 115200), 0);
	assert_int_equal(uart.divisor, 1);
	assert_int_equal(uart.lcr, LCR_8N1);
	assert_true(uart.fcr & FCR_ENABLE);
	assert_false(uart.fcr & FCR_CLEAR_TX);      /* the kernel log's bytes stay queued */
	assert_true(uart.mcr & MCR_OUT2);           /* the IRQ line is gated by OUT2 */
	assert_int_equal(uart.ier, IER_RX_AVAILABLE | IER_LINE_STATUS);
	assert_int_equal(uart_set_baud(&dev, 9600), 0);
	assert_int_equal(uart.divisor, 12);
	assert_int_equal(uart_set_baud(&dev, 1000), -ATXF_EINVAL);
	assert_int_equal(uart_set_baud(&dev, 0), -ATXF_EINVAL);
	assert_int_equal(uart.divisor, 12);         /* a refused rate changes nothing */
	assert_int_equal(atxf_fake_strays(), 0);
}

static void absent_uart_is_refused(void **state)
{
	(void)state;
	uart.absent = 1;
	assert_int_equal(uart_init(&dev, BASE, 115200), -ATXF_ENODEV);
}

/* 40 bytes: 16 at once, the rest 16 per THR-empty interrupt, then quiet. */
static void transmit_is_interrupt_driven(void **state)
{
	uint8_t msg[40];

	(void)state;
	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)('a' + i % 26);
	assert_int_equal(uart_init(&dev, BASE, 115200), 0);
	assert_int_equal(uart_write(&dev, msg, sizeof(msg)), sizeof(msg));
	assert_int_equal(uart.nline, 16);
	assert_true(uart.ier & IER_TX_EMPTY);
	for (int i = 0; i < 2; i++) {
		line_drains(&uart);
		uart_service(&dev);
	}
	assert_int_equal(uart.nline, sizeof(msg));
	assert_memory_equal(uart.line, msg, sizeof(msg));
	assert_int_equal(uart.tx_fifo_max, UART_FIFO_BYTES);
	line_drains(&uart);
	uart_service(&dev);
	assert_false(uart.ier & IER_TX_EMPTY);      /* nothing queued: interrupt off */
	assert_int_equal(uart_tx_queued(&dev), 0);
}

static void full_queue_accepts_what_fits(void **state)
{
	static uint8_t big[UART_TXQ_BYTES + 100];

	(void)state;
	assert_int_equal(uart_init(&dev, BASE, 115200), 0);
	assert_int_equal(uart_write(&dev, big, sizeof(big)), UART_TXQ_BYTES);
	assert_int_equal(uart_write(&dev, big, 100), 16); /* room the FIFO made */
	assert_int_equal(uart_write(&dev, big, 1), 0);    /* full: send again later */
}

/* Takes everything queued, as a subscriber that keeps up would. */
static size_t take_all(uint8_t *out, size_t max)
{
	const uint8_t *bytes;
	size_t n, got = 0;

	while ((n = uart_rx_peek(&dev, &bytes)) > 0 && got + n <= max) {
		memcpy(out + got, bytes, n);
		uart_rx_taken(&dev, n);
		got += n;
	}
	return got;
}

static void receive_drains_the_fifo(void **state)
{
	uint8_t rx[32];

	(void)state;
	assert_int_equal(uart_init(&dev, BASE, 115200), 0);
	memcpy(uart.rx, "hello, world", 12);
	uart.nrx = 12;
	uart.overrun = 1;
	uart_service(&dev);
	assert_int_equal(iir(&uart), IIR_NO_INTERRUPT);     /* nothing left pending */
	assert_int_equal(take_all(rx, sizeof(rx)), 12);
	assert_memory_equal(rx, "hello, world", 12);
	assert_int_equal(dev.overruns, 1);
	uart_service(&dev);
	assert_int_equal(take_all(rx, sizeof(rx)), 0);
}

/* A full queue holds the line: RX interrupt off, RTS down, bytes left in the FIFO. */
static void a_full_queue_holds_the_line(void **state)
{
	static uint8_t rx[UART_RXQ_BYTES + 100];

	(void)state;
	assert_int_equal(uart_init(&dev, BASE, 115200), 0);
	for (size_t i = 0; i < UART_RXQ_BYTES + 100; i++)
		uart.rx[i] = (uint8_t)i;
	uart.nrx = UART_RXQ_BYTES + 100;
	uart_service(&dev);
	assert_int_equal(uart.rx_pos, UART_RXQ_BYTES);      /* the rest waits in the UART */
	assert_false(uart.ier & IER_RX_AVAILABLE);
	assert_false(uart.mcr & MCR_RTS);
	assert_int_equal(iir(&uart), IIR_NO_INTERRUPT);     /* the line is low again */
	assert_int_equal(take_all(rx, sizeof(rx)), UART_RXQ_BYTES + 100);
	assert_true(uart.ier & IER_RX_AVAILABLE);
	assert_true(uart.mcr & MCR_RTS);
	for (size_t i = 0; i < UART_RXQ_BYTES + 100; i++)
		assert_int_equal(rx[i], (uint8_t)i);
	assert_int_equal(dev.overruns, 0);
}

/* A subscriber that takes part of the queue: order kept, nothing lost. */
static void partial_takes_keep_order(void **state)
{
	const uint8_t *bytes;
	size_t next = 0, n;

	(void)state;
	assert_int_equal(uart_init(&dev, BASE, 115200), 0);
	for (size_t i = 0; i < sizeof(uart.rx); i++)
		uart.rx[i] = (uint8_t)(i * 7);
	uart.nrx = sizeof(uart.rx);
	for (int round = 0; round < 100 && uart.rx_pos < uart.nrx; round++) {
		uart_service(&dev);
		n = uart_rx_peek(&dev, &bytes);
		n = n > 10 ? 10 : n;
		for (size_t i = 0; i < n; i++, next++)
			assert_int_equal(bytes[i], (uint8_t)(next * 7));
		uart_rx_taken(&dev, n);
	}
	while ((n = uart_rx_peek(&dev, &bytes)) > 0) {
		for (size_t i = 0; i < n; i++, next++)
			assert_int_equal(bytes[i], (uint8_t)(next * 7));
		uart_rx_taken(&dev, n);
		uart_service(&dev);
	}
	assert_int_equal(next, sizeof(uart.rx));
	assert_int_equal(uart.rx_pos, uart.nrx);
}

static void stop_silences_the_uart(void **state)
{
	(void)state;
	assert_int_equal(uart_init(&dev, BASE, 115200), 0);
	uart_stop(&dev);
	assert_int_equal(uart.ier, 0);
	assert_int_equal(uart.mcr, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(init_programs_divisor_fifo_and_irqs, setup),
		cmocka_unit_test_setup(absent_uart_is_refused, setup),
		cmocka_unit_test_setup(transmit_is_interrupt_driven, setup),
		cmocka_unit_test_setup(full_queue_accepts_what_fits, setup),
		cmocka_unit_test_setup(receive_drains_the_fifo, setup),
		cmocka_unit_test_setup(a_full_queue_holds_the_line, setup),
		cmocka_unit_test_setup(partial_takes_keep_order, setup),
		cmocka_unit_test_setup(stop_silences_the_uart, setup),
	};

	return cmocka_run_group_tests_name("uart16550", tests, NULL, NULL);
}
