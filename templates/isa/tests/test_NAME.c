/*
 * Host test of @NAME@'s device logic (@NAME@_dev.c). This file plays a
 * 16550 UART on the fake hardware of libatxf-fake (<atxf/fake.h>); the
 * driver's code runs unchanged against it. `make test` builds and runs it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "@NAME@_dev.h"
#include "@NAME@_reg.h"

#define BASE 0x2f8

/* The fake UART: the registers the driver uses, and its two wires. */
struct fake_uart {
	uint8_t ier, lcr, mcr, fcr, scr;
	uint16_t divisor;
	uint8_t tx[64];             /* what went out on the line */
	size_t ntx;
	uint8_t rx[32];             /* what the test lets arrive */
	size_t nrx, rx_pos;
	int tx_stuck;               /* THR never empties: a dead transmitter */
};

static struct fake_uart uart;

static uint32_t uart_read(void *ctx, uint16_t reg, unsigned width)
{
	struct fake_uart *f = ctx;
	int dlab = f->lcr & LCR_DLAB;
	int rx_ready = f->rx_pos < f->nrx;

	(void)width;
	switch (reg) {
	case UART_RBR: return dlab ? (f->divisor & 0xff) : rx_ready ? f->rx[f->rx_pos++] : 0;
	case UART_IER: return dlab ? (f->divisor >> 8) : f->ier;
	case UART_IIR: return rx_ready && (f->ier & IER_RX_AVAILABLE) ? 0x04 : IIR_NO_INTERRUPT;
	case UART_LCR: return f->lcr;
	case UART_MCR: return f->mcr;
	case UART_LSR: return (rx_ready ? LSR_DATA_READY : 0) | (f->tx_stuck ? 0 : LSR_THR_EMPTY);
	case UART_SCR: return f->scr;
	default: return 0;
	}
}

static void set_low(uint16_t *v, uint8_t b) { *v = (uint16_t)((*v & 0xff00) | b); }
static void set_high(uint16_t *v, uint8_t b) { *v = (uint16_t)((*v & 0x00ff) | b << 8); }

static void uart_write(void *ctx, uint16_t reg, unsigned width, uint32_t value)
{
	struct fake_uart *f = ctx;
	int dlab = f->lcr & LCR_DLAB;
	uint8_t b = (uint8_t)value;

	(void)width;
	switch (reg) {
	case UART_THR:
		if (dlab)
			set_low(&f->divisor, b);
		else if (f->ntx < sizeof(f->tx))
			f->tx[f->ntx++] = b;
		break;
	case UART_IER:
		if (dlab)
			set_high(&f->divisor, b);
		else
			f->ier = b;
		break;
	case UART_FCR: f->fcr = b; break;
	case UART_LCR: f->lcr = b; break;
	case UART_MCR: f->mcr = b; break;
	case UART_SCR: f->scr = b; break;
	default: break;
	}
}

/* Each test starts with a fresh UART at COM2, granted as devmgr would. */
static int setup(void **state)
{
	(void)state;
	atxf_fake_reset();
	memset(&uart, 0, sizeof(uart));
	assert_true(atxf_fake_cap_ioport(BASE, UART_PORTS, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE) >= 0);
	assert_int_equal(atxf_fake_io_add(BASE, UART_PORTS, uart_read, uart_write, &uart), 0);
	return 0;
}

static void init_programs_115200_8n1(void **state)
{
	struct @IDENT@_uart u;

	(void)state;
	assert_int_equal(@IDENT@_init(&u, BASE, 115200), 0);
	assert_int_equal(uart.divisor, 1);
	assert_int_equal(uart.lcr, LCR_8N1);            /* DLAB cleared again */
	assert_true(uart.fcr & FCR_ENABLE);
	assert_true(uart.mcr & MCR_OUT2);               /* IRQ line connected */
	assert_int_equal(uart.ier, IER_RX_AVAILABLE | IER_LINE_STATUS);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void baud_sets_the_divisor(void **state)
{
	struct @IDENT@_uart u;

	(void)state;
	assert_int_equal(@IDENT@_init(&u, BASE, 9600), 0);
	assert_int_equal(uart.divisor, 12);
	assert_int_equal(@IDENT@_set_baud(&u, 0), -ATXF_EINVAL);
	assert_int_equal(@IDENT@_set_baud(&u, 7), -ATXF_EINVAL);     /* not exact */
	assert_int_equal(uart.divisor, 12);                          /* unchanged */
}

static void no_uart_no_device(void **state)
{
	struct @IDENT@_uart u;

	(void)state;
	/* Nothing answers at COM4's ports: every read is all ones, and the
	 * fake reports each access on stderr as a stray. */
	assert_int_equal(@IDENT@_init(&u, 0x2e8, 115200), -ATXF_ENODEV);
	assert_true(atxf_fake_strays() > 0);
}

static void write_sends_every_byte(void **state)
{
	struct @IDENT@_uart u;

	(void)state;
	assert_int_equal(@IDENT@_init(&u, BASE, 115200), 0);
	assert_int_equal(@IDENT@_write(&u, "hello", 5), 5);
	assert_int_equal(uart.ntx, 5);
	assert_memory_equal(uart.tx, "hello", 5);
}

static void write_times_out_on_a_dead_transmitter(void **state)
{
	struct @IDENT@_uart u;

	(void)state;
	assert_int_equal(@IDENT@_init(&u, BASE, 115200), 0);
	uart.tx_stuck = 1;
	assert_int_equal(@IDENT@_write(&u, "x", 1), -ATXF_ETIMEDOUT);
	assert_int_equal(uart.ntx, 0);
}

static void receive_drains_what_arrived(void **state)
{
	struct @IDENT@_uart u;
	uint8_t buf[8];

	(void)state;
	assert_int_equal(@IDENT@_init(&u, BASE, 115200), 0);
	memcpy(uart.rx, "ping!", 5);
	uart.nrx = 5;
	assert_int_equal(@IDENT@_receive(&u, buf, 3), 3);         /* up to max */
	assert_memory_equal(buf, "pin", 3);
	assert_int_equal(@IDENT@_receive(&u, buf, sizeof(buf)), 2);
	assert_memory_equal(buf, "g!", 2);
	assert_int_equal(@IDENT@_receive(&u, buf, sizeof(buf)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(init_programs_115200_8n1, setup),
		cmocka_unit_test_setup(baud_sets_the_divisor, setup),
		cmocka_unit_test_setup(no_uart_no_device, setup),
		cmocka_unit_test_setup(write_sends_every_byte, setup),
		cmocka_unit_test_setup(write_times_out_on_a_dead_transmitter, setup),
		cmocka_unit_test_setup(receive_drains_what_arrived, setup),
	};

	return cmocka_run_group_tests_name("@NAME@", tests, NULL, NULL);
}
