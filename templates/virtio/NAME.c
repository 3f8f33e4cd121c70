/*
 * @NAME@: an ATXF driver for a virtio-pci 1.x device, virtio-rng (QEMU:
 * -device virtio-rng-pci), serving the random number protocol
 * (<atxf/proto/rng.h>): built on the SDK's virtio library (<atxf/virtio.h>),
 * one request at a time, each waiting for the device's interrupt.
 *
 * This file connects the device logic (@NAME@_dev.c) to the SDK's driver
 * framework: the manifest devmgr matches and grants from, the callbacks,
 * and main. The framework maps the granted BAR before on_probe runs.
 */
#include <atxf/driver.h>
#include <atxf/sys.h>
#include "@NAME@_dev.h"

#define @UPPER@_TIMEOUT_NS 1000000000ull    /* 1 s for the device to fill a buffer */

ATXF_DRIVER_MANIFEST(
	.name = "@NAME@",
	.device_class = ATXF_CLASS_RNG,
	.match = { ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_RNG),
		   ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_RNG_TRANSITIONAL) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),         /* to find the virtio capabilities */
		ATXF_RESOURCE_BAR(4),               /* QEMU puts every virtio structure here */
		ATXF_RESOURCE_PCI_IRQ(),            /* MSI-X vector 0 */
		ATXF_RESOURCE_DMA(@UPPER@_DMA_BYTES),
	});

static struct @IDENT@_rng rng;

static int on_probe(struct atxf_device *dev)
{
	/* The capabilities, inside the BARs the framework mapped. */
	int err = atxf_virtio_probe(&rng.vd, dev);

	/*
	 * §4.1.5.1.2: with MSI-X on, a queue without a vector never
	 * interrupts: the queue takes vector 0, configuration changes none.
	 */
	if (!err)
		err = @IDENT@_start(&rng, 0);
	if (err)
		atxf_device_log(dev, "virtio-rng did not start: %s: %s", atxf_strerror(err),
				atxf_virtio_error(&rng.vd));
	return err;
}

/* An interrupt nobody waits for: the next READ collects what it brought. */
static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)dev;
	(void)n;
}

static int on_read(struct atxf_device *dev, void *buf, size_t len)
{
	int got, err = @IDENT@_request(&rng, len);

	if (err)
		return err;
	while ((got = @IDENT@_collect(&rng, buf, len)) == -ATXF_EAGAIN) {
		if (atxf_device_wait_irq(dev, @UPPER@_TIMEOUT_NS) != 0)
			return 0;       /* none ready yet; the request stays queued */
	}
	if (got < 0)
		atxf_device_log(dev, "%s", atxf_virtio_error(&rng.vd));
	return got;
}

static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	@IDENT@_stop(&rng);
}

static const struct atxf_driver ops = {
	.name = "@NAME@",
	.probe = on_probe,
	.irq = on_irq,
	.remove = on_remove,
	.rng = { .read = on_read },
};

int main(void)
{
	return atxf_driver_run(&ops);
}
