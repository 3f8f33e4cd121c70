/*
 * @NAME@: an ATXF driver for a 16550 UART on ISA I/O ports with an IRQ,
 * serving the character protocol (<atxf/proto/char.h>). QEMU gives a PC a
 * second UART, COM2, with a second -serial option.
 *
 * This file connects the device logic (@NAME@_dev.c) to the SDK's driver
 * framework: the manifest devmgr matches and grants from, the callbacks,
 * and main. The framework owns the loop: it decodes requests, calls these
 * callbacks, replies, and acks the interrupt after on_irq returns.
 */
#include <atxf/driver/char.h>
#include "@NAME@_dev.h"
#include "@NAME@_reg.h"

#define @UPPER@_BAUD 115200

/* COM2: eight ports from 0x2f8 and IRQ 3, the PC's standard assignment. */
ATXF_DRIVER_MANIFEST(
	.name = "@NAME@",
	.device_class = ATXF_CLASS_CHAR,
	.match = { ATXF_MATCH_LEGACY_DEVICE("COM2") },
	.resources = {
		ATXF_RESOURCE_IOPORT(0x2f8, UART_PORTS, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
		ATXF_RESOURCE_IRQ(3),
	});

static struct @IDENT@_uart uart;

static int on_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *io = atxf_device_resource(dev, ATXF_RES_IOPORT, 0);
	int err;

	if (!io)
		return -ATXF_ENODEV;
	err = @IDENT@_init(&uart, (uint16_t)io->base, @UPPER@_BAUD);
	if (err)
		atxf_device_log(dev, "no 16550 at port %#llx (%d)", (unsigned long long)io->base, err);
	return err;
}

/* Received bytes go to the subscribers as DATA events. */
static void on_irq(struct atxf_device *dev, unsigned n)
{
	uint8_t buf[ATXF_CHAR_DATA_MAX];
	size_t got;

	(void)n;
	while ((got = @IDENT@_receive(&uart, buf, sizeof(buf))) > 0)
		atxf_char_received(dev, buf, got);
}

static int on_write(struct atxf_device *dev, const void *buf, size_t len)
{
	(void)dev;
	return @IDENT@_write(&uart, buf, len);
}

static int on_configure(struct atxf_device *dev, uint32_t baud)
{
	(void)dev;
	return @IDENT@_set_baud(&uart, baud);
}

static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	@IDENT@_stop(&uart);
}

static const struct atxf_char_ops char_ops = {
	.write = on_write,
	.configure = on_configure,
};
static const struct atxf_driver ops = {
	.name = "@NAME@",
	.probe = on_probe,
	.irq = on_irq,
	.remove = on_remove,
	ATXF_CHAR_OPS(char_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
