/*
 * virtio-rng: an ATXF driver for QEMU's -device virtio-rng-pci, serving the
 * random number protocol (<atxf/proto/rng.h>). This file is all of its
 * contact with the driver framework: the manifest, four callbacks and main.
 * The device logic is in vrng.c; docs/driver-guide.md walks through both.
 */
#include <atxf/driver.h>
#include <atxf/sys.h>
#include "virtio_rng_reg.h"
#include "vrng.h"

/* How long a READ waits for the device before it gives up. */
#define VRNG_TIMEOUT_NS 1000000000ull

ATXF_DRIVER_MANIFEST(
	.name = "virtio-rng",
	.device_class = ATXF_CLASS_RNG,
	.match = { ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_RNG_DEVICE) },
	.resources = {
		ATXF_RESOURCE_BAR(0),           /* the legacy registers, I/O space */
		ATXF_RESOURCE_PCI_IRQ(),
		ATXF_RESOURCE_PCI_CONFIG(),     /* to turn bus mastering on */
		ATXF_RESOURCE_DMA(VRING_BYTES(VRNG_MAX_QUEUE) + VRNG_BUF_SIZE),
	});

static struct vrng rng;

static int on_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);
	const struct atxf_resource_grant *cfg = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	int err;

	if (!bar || !cfg)
		return -ATXF_ENODEV;
	if (bar->mapped) {
		atxf_device_log(dev, "BAR0 is memory, not I/O ports: a modern-only device "
				"(run QEMU with disable-legacy=off)");
		return -ATXF_ENODEV;
	}
	vrng_pci_enable(cfg->handle);
	err = vrng_start(&rng, cfg->handle, (uint16_t)bar->base);
	if (err)
		atxf_device_log(dev, "device at port %#x did not start: %s",
				(unsigned)bar->base, atxf_strerror(err));
	return err;
}

/* READ: offer the device a buffer, then sleep until it interrupts. */
static int on_read(struct atxf_device *dev, void *buf, size_t len)
{
	int n, err = vrng_post(&rng, len);

	if (err)
		return err;
	while ((n = vrng_collect(&rng, buf, len)) == -ATXF_EAGAIN) {
		err = atxf_device_wait_irq(dev, VRNG_TIMEOUT_NS);
		if (err)
			return err;     /* the buffer stays offered: the next READ collects it */
		/* Clear the device's interrupt; the framework acks the line when we return. */
		vrng_isr(&rng);
	}
	return n;
}

/* An interrupt outside a READ (a shared line, a late completion): clear ours. */
static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)dev;
	(void)n;
	vrng_isr(&rng);
}

static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	vrng_stop(&rng);
}

static const struct atxf_driver ops = {
	.name = "virtio-rng",
	.probe = on_probe,
	.irq = on_irq,
	.remove = on_remove,
	.rng = { .read = on_read },
};

int main(void)
{
	return atxf_driver_run(&ops);
}
