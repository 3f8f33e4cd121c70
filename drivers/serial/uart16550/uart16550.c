/*
 * uart16550: an ATXF driver for a 16550 UART on ISA I/O ports with an IRQ
 * (QEMU: the PC's serial ports; -serial gives COM1, a second -serial COM2),
 * serving the character protocol (<atxf/proto/char.h>): WRITE queues bytes
 * sent under the THR-empty interrupt, CONFIGURE sets the baud rate, STATS
 * gives the line's figures, and received bytes go to subscribers as DATA
 * events, never lost: while the framework holds all it can for a slow
 * subscriber, the bytes wait in the driver's queue and then in the UART,
 * with RTS dropped (uart_dev.c), until .resume.
 *
 * The manifest asks for COM1 (devmgr's legacy device). In QEMU, COM1 is the
 * kernel's log console too: the driver shares the line with it (the kernel
 * writes THR by polling; this driver only adds interrupts), so a test run
 * starts it on COM2 with a boot.cfg `with` clause instead.
 *
 * The device logic is uart_dev.c (host-tested); this file connects it to
 * the framework: manifest, callbacks, main.
 */
#include <atxf/driver/char.h>
#include "uart16550_reg.h"
#include "uart_dev.h"

#define UART_BAUD 115200

ATXF_DRIVER_MANIFEST(
	.name = "uart16550",
	.device_class = ATXF_CLASS_CHAR,
	.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
	.resources = {
		ATXF_RESOURCE_IOPORT(0x3f8, UART_PORTS, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
		ATXF_RESOURCE_IRQ(4),
	});

static struct uart uart;

static int on_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *io = atxf_device_resource(dev, ATXF_RES_IOPORT, 0);
	int err;

	if (!io)
		return -ATXF_ENODEV;
	err = uart_init(&uart, (uint16_t)io->base, UART_BAUD);
	if (err) {
		atxf_device_log(dev, "no 16550 at port %#llx (%d)", (unsigned long long)io->base, err);
		return err;
	}
	atxf_device_log(dev, "16550 at port %#llx, %u baud", (unsigned long long)io->base,
			UART_BAUD);
	return 0;
}

/* Moves received bytes on to the framework until it or the line has no more. */
static void pump(struct atxf_device *dev)
{
	const uint8_t *bytes;
	size_t n;
	int took;

	for (;;) {
		uart_service(&uart);
		n = uart_rx_peek(&uart, &bytes);
		if (n == 0)
			return;
		took = atxf_char_received(dev, bytes, n);
		if (took <= 0)
			return;
		uart_rx_taken(&uart, (size_t)took);
		if ((size_t)took < n)
			return;
	}
}

static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)n;
	pump(dev);
}

static void on_resume(struct atxf_device *dev)
{
	pump(dev);
}

static void on_stats(struct atxf_device *dev, struct atxf_char_stats *st)
{
	(void)dev;
	st->overruns = uart.overruns;
	st->tx_bytes = uart.tx_bytes;
}

static int on_write(struct atxf_device *dev, const void *buf, size_t len)
{
	(void)dev;
	return uart_write(&uart, buf, len);
}

static int on_configure(struct atxf_device *dev, uint32_t baud)
{
	(void)dev;
	return uart_set_baud(&uart, baud);
}

static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	uart_stop(&uart);
}

static const struct atxf_char_ops char_ops = {
	.write = on_write,
	.configure = on_configure,
	.resume = on_resume,
	.stats = on_stats,
};
static const struct atxf_driver ops = {
	.name = "uart16550",
	.probe = on_probe,
	.irq = on_irq,
	.remove = on_remove,
	ATXF_CHAR_OPS(char_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
