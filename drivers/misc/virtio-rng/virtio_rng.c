/*
 * virtio-rng: an ATXF driver for QEMU's -device virtio-rng-pci (the modern
 * virtio 1.x transport; disable-legacy=on works), serving the random
 * number protocol (<atxf/proto/rng.h>) to getrandom-style clients: each
 * READ gets fresh bytes from buffers the device keeps filling. This file
 * is its contact with the framework: the manifest, the callbacks and main.
 * The device logic is vrng.c, on the SDK's virtio library; the driver
 * guide (docs/driver-guide.md §6) walks through both.
 */
#include <atxf/driver.h>
#include <atxf/sys.h>
#include "vrng.h"

/* How long a READ waits for the device to fill a buffer before it
 * answers "none yet" (0 bytes, which the protocol allows). */
#define VRNG_TIMEOUT_NS 1000000000ull

ATXF_DRIVER_MANIFEST(
	.name = "virtio-rng",
	.device_class = ATXF_CLASS_RNG,
	.match = { ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_RNG),
		   ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_RNG_TRANSITIONAL) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* the virtio capabilities */
		ATXF_RESOURCE_BAR(4),           /* QEMU puts every virtio structure here */
		ATXF_RESOURCE_PCI_IRQS(1, 2),   /* MSI-X: configuration changes, requestq */
		ATXF_RESOURCE_DMA(VRNG_DMA_BYTES),
	});

static struct vrng rng;

/* With two vectors, configuration changes get 0 and the queue 1; with one, both share it. */
static uint16_t queue_vector(const struct atxf_device *dev)
{
	const struct atxf_resource_grant *irq = atxf_device_resource(dev, ATXF_RES_PCI_IRQ, 0);

	return irq && irq->size >= 2 ? 1 : 0;
}

static int on_probe(struct atxf_device *dev)
{
	int err = atxf_virtio_probe(&rng.vd, dev);

	if (!err)
		err = vrng_start(&rng, 0, queue_vector(dev));
	if (err) {
		atxf_device_log(dev, "virtio-rng did not start: %s: %s", atxf_strerror(err),
				atxf_virtio_error(&rng.vd));
		return err;
	}
	atxf_device_log(dev, "virtio 1.x, features %#llx, %u-entry requestq on MSI-X vector %u",
			(unsigned long long)rng.vd.features, rng.q.size, rng.queue_vector);
	return 0;
}

/* DEVICE_NEEDS_RESET, or a device that broke the ring rules: start it again. */
static int recover(struct atxf_device *dev)
{
	int err;

	atxf_device_log(dev, "device error (%s); resetting it",
			vrng_needs_reset(&rng) ? "DEVICE_NEEDS_RESET" : atxf_virtio_error(&rng.vd));
	err = vrng_restart(&rng);
	if (err)
		atxf_device_log(dev, "restart failed: %s: %s", atxf_strerror(err),
				atxf_virtio_error(&rng.vd));
	return -ATXF_EIO;
}

/* READ: bytes from filled buffers; if none yet, wait for the device's interrupt. */
static int on_read(struct atxf_device *dev, void *buf, size_t len)
{
	int n;

	while ((n = vrng_read(&rng, buf, len)) == 0) {
		if (vrng_want_irq(&rng))
			continue;       /* filled meanwhile: no interrupt will say so */
		if (atxf_device_wait_irq(dev, VRNG_TIMEOUT_NS) != 0)
			return 0;       /* none yet; the buffers stay with the device */
	}
	return n < 0 ? recover(dev) : n;
}

/* An interrupt outside a READ: a filled buffer (collected by the next
 * READ), or a configuration change, which for this device means trouble. */
static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)n;
	if (vrng_needs_reset(&rng))
		(void)recover(dev);
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
