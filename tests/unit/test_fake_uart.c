/*
 * The fake hardware as a driver author first meets it: a 16550 UART played
 * by the test at 0x3f8, and a few lines of polling driver code run against
 * it through <atxf/hw.h>, exactly as they would run on the target.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/fake.h>

/* 16550 registers (offsets from the base), as PC16550D §8 numbers them. */
#define UART_THR  0         /* write: transmit holding */
#define UART_RBR  0         /* read: receive buffer */
#define UART_IER  1
#define UART_LSR  5
#define LSR_DR    0x01      /* a received byte is waiting */
#define LSR_THRE  0x20      /* the transmitter takes a byte */

#define COM1 0x3f8

/* ---- the device, played by the test */

struct fake_uart {
	char sent[64];              /* every byte written to THR */
	size_t nsent;
	const char *rx;             /* bytes the line delivers */
	size_t rx_pos;
	int tx_stuck;               /* THRE never sets */
	uint8_t ier;
	unsigned lsr_reads;
	unsigned last_width;
};

static uint32_t uart_read(void *ctx, uint16_t reg, unsigned width)
{
	struct fake_uart *u = ctx;

	u->last_width = width;
	switch (reg) {
	case UART_RBR:
		return u->rx && u->rx[u->rx_pos] ? (uint8_t)u->rx[u->rx_pos++] : 0;
	case UART_IER:
		return u->ier;
	case UART_LSR:
		u->lsr_reads++;
		return (u->tx_stuck ? 0 : LSR_THRE) | (u->rx && u->rx[u->rx_pos] ? LSR_DR : 0);
	default:
		return 0;
	}
}

static void uart_write(void *ctx, uint16_t reg, unsigned width, uint32_t value)
{
	struct fake_uart *u = ctx;

	u->last_width = width;
	if (reg == UART_THR && u->nsent < sizeof(u->sent))
		u->sent[u->nsent++] = (char)value;
	else if (reg == UART_IER)
		u->ier = (uint8_t)value;
}

/* ---- the driver logic under test */

#define TX_TIMEOUT_US 10000

static int uart_putc(uint16_t base, char c)
{
	for (uint32_t waited = 0; !(atxf_inb(base + UART_LSR) & LSR_THRE); waited++) {
		if (waited == TX_TIMEOUT_US)
			return -ATXF_ETIMEDOUT;
		atxf_delay_us(1);
	}
	atxf_outb(base + UART_THR, (uint8_t)c);
	return 0;
}

static int uart_getc(uint16_t base)
{
	if (!(atxf_inb(base + UART_LSR) & LSR_DR))
		return -ATXF_EAGAIN;
	return atxf_inb(base + UART_RBR);
}

/* ---- tests */

static struct fake_uart uart;

static int setup(void **state)
{
	(void)state;
	atxf_fake_reset();
	memset(&uart, 0, sizeof(uart));
	return atxf_fake_io_add(COM1, 8, uart_read, uart_write, &uart);
}

static void transmit(void **state)
{
	(void)state;
	for (const char *p = "hi!"; *p; p++)
		assert_int_equal(uart_putc(COM1, *p), 0);
	assert_int_equal(uart.nsent, 3);
	assert_memory_equal(uart.sent, "hi!", 3);
	assert_int_equal(uart.lsr_reads, 3);
	assert_int_equal(uart.last_width, 1);
	assert_int_equal(atxf_fake_strays(), 0);
	assert_int_equal(atxf_time_ns(), 0);        /* never had to wait */
}

static void transmit_timeout_is_exact(void **state)
{
	(void)state;
	uart.tx_stuck = 1;
	assert_int_equal(uart_putc(COM1, 'x'), -ATXF_ETIMEDOUT);
	assert_int_equal(uart.nsent, 0);
	/* The driver waited 1 us 10000 times: the fake clock says so exactly. */
	assert_int_equal(atxf_time_ns(), (uint64_t)TX_TIMEOUT_US * 1000);
	assert_int_equal(uart.lsr_reads, TX_TIMEOUT_US + 1);
}

static void receive(void **state)
{
	(void)state;
	assert_int_equal(uart_getc(COM1), -ATXF_EAGAIN);
	uart.rx = "ok";
	assert_int_equal(uart_getc(COM1), 'o');
	assert_int_equal(uart_getc(COM1), 'k');
	assert_int_equal(uart_getc(COM1), -ATXF_EAGAIN);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void widths_reach_the_device(void **state)
{
	(void)state;
	atxf_outw(COM1 + UART_IER, 0x0f);
	assert_int_equal(uart.last_width, 2);
	assert_int_equal(uart.ier, 0x0f);
	assert_int_equal(atxf_inl(COM1), 0);
	assert_int_equal(uart.last_width, 4);
}

static void stray_ports_read_all_ones(void **state)
{
	(void)state;
	assert_int_equal(atxf_inb(0x2f8), 0xff);            /* COM2: nobody there */
	assert_int_equal(atxf_fake_strays(), 1);
	assert_non_null(strstr(atxf_fake_last_stray(), "inb(0x2f8)"));
	assert_int_equal(atxf_inw(0x2f8), 0xffff);
	/* A dword at 0x3fe runs past COM1's 8 ports: no device takes it whole. */
	assert_int_equal(atxf_inl(COM1 + 6), 0xffffffffu);
	atxf_outb(0x80, 1);
	assert_int_equal(atxf_fake_strays(), 4);
	assert_non_null(strstr(atxf_fake_last_stray(), "outb(0x80, 0x1)"));
}

static void device_registration_rules(void **state)
{
	(void)state;
	assert_int_equal(atxf_fake_io_add(0x3fc, 2, NULL, NULL, NULL), -ATXF_EBUSY);
	assert_int_equal(atxf_fake_io_add(0x3f0, 8, NULL, NULL, NULL), 0);   /* adjacent */
	assert_int_equal(atxf_fake_io_add(0xfff0, 0x11, NULL, NULL, NULL), -ATXF_EINVAL);
	assert_int_equal(atxf_fake_io_add(0x100, 0, NULL, NULL, NULL), -ATXF_EINVAL);
	/* No read callback: reads as nothing there, but it is not a stray. */
	assert_int_equal(atxf_inb(0x3f0), 0xff);
	atxf_outb(0x3f0, 1);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void reset_forgets_devices(void **state)
{
	(void)state;
	atxf_inb(0x2f8);
	atxf_fake_clock_advance(5);
	atxf_fake_reset();
	assert_int_equal(atxf_fake_strays(), 0);
	assert_string_equal(atxf_fake_last_stray(), "");
	assert_int_equal(atxf_time_ns(), 0);
	assert_int_equal(atxf_inb(COM1 + UART_LSR), 0xff);
	assert_int_equal(uart.lsr_reads, 0);
	assert_int_equal(atxf_fake_strays(), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(transmit, setup),
		cmocka_unit_test_setup(transmit_timeout_is_exact, setup),
		cmocka_unit_test_setup(receive, setup),
		cmocka_unit_test_setup(widths_reach_the_device, setup),
		cmocka_unit_test_setup(stray_ports_read_all_ones, setup),
		cmocka_unit_test_setup(device_registration_rules, setup),
		cmocka_unit_test_setup(reset_forgets_devices, setup),
	};

	return cmocka_run_group_tests_name("fake hardware: a 16550 UART", tests, NULL, NULL);
}
