/*
 * @NAME@: an ATXF driver for a virtio-pci 1.x device, virtio-rng (QEMU:
 * -device virtio-rng-pci), serving the random number protocol
 * (<atxf/proto/rng.h>): the device-status handshake, one virtqueue, and
 * requests that wait for the device's interrupt.
 *
 * This file connects the device logic (@NAME@_dev.c) to the SDK's driver
 * framework: the manifest devmgr matches and grants from, the callbacks,
 * and main. The framework maps the granted BAR before on_probe runs.
 */
#include <atxf/driver.h>
#include "@NAME@_dev.h"

/*
 * The BAR that holds the virtio structures. QEMU puts them all in BAR 4; a
 * device that points elsewhere is refused by @IDENT@_find (ENODEV), and the
 * manifest would have to ask for that BAR too.
 */
#define @UPPER@_BAR        4
#define @UPPER@_TIMEOUT_NS 1000000000ull    /* 1 s for the device to fill a buffer */

ATXF_DRIVER_MANIFEST(
	.name = "@NAME@",
	.device_class = ATXF_CLASS_RNG,
	.match = { ATXF_MATCH_PCI(VIRTIO_VENDOR, VIRTIO_RNG_DEVICE),
		   ATXF_MATCH_PCI(VIRTIO_VENDOR, VIRTIO_RNG_TRANSITIONAL) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),         /* to find the virtio capabilities */
		ATXF_RESOURCE_BAR(@UPPER@_BAR),
		ATXF_RESOURCE_PCI_IRQ(),
		ATXF_RESOURCE_DMA(4096),            /* the virtqueue and its buffer */
	});

static struct @IDENT@_rng rng;

static int on_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *pci = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);
	struct @IDENT@_bar bars[6] = { { 0 } };
	int err;

	if (!pci || !bar || !bar->mapped)
		return -ATXF_ENODEV;
	bars[@UPPER@_BAR] = (struct @IDENT@_bar){ (volatile uint8_t *)bar->mapped, bar->size };
	err = @IDENT@_find(&rng, pci->handle, bars);
	if (!err)
		err = @IDENT@_start(&rng);
	if (err)
		atxf_device_log(dev, "virtio-rng did not start (%d)", err);
	return err;
}

/* An interrupt nobody waits for: reading the ISR status clears it. */
static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)dev;
	(void)n;
	(void)@IDENT@_isr(&rng);
}

static int on_read(struct atxf_device *dev, void *buf, size_t len)
{
	int got, err = @IDENT@_request(&rng, len);

	if (err)
		return err;
	while ((got = @IDENT@_collect(&rng, buf, len)) == -ATXF_EAGAIN) {
		if (atxf_device_wait_irq(dev, @UPPER@_TIMEOUT_NS) != 0)
			return 0;       /* none ready yet; the request stays queued */
		(void)@IDENT@_isr(&rng);
	}
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
