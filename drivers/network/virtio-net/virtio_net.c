/*
 * virtio-net: an ATXF driver for QEMU's -device virtio-net-pci (the modern
 * virtio 1.x transport; disable-legacy=on works) on the net class. MSI-X:
 * configuration changes (the link) on vector 0, both queues on vector 1
 * (one vector: all on it). Device logic: vnet.c, on the virtio library.
 */
#include <atxf/driver/net.h>
#include <atxf/sys.h>
#include <string.h>
#include "vnet.h"

ATXF_DRIVER_MANIFEST(
	.name = "virtio-net",
	.device_class = ATXF_CLASS_NET,
	.match = { ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_NET),
		   ATXF_MATCH_PCI(VIRTIO_PCI_VENDOR, VIRTIO_PCI_NET_TRANSITIONAL) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* the virtio capabilities */
		ATXF_RESOURCE_BAR(4),           /* QEMU puts every virtio structure here */
		ATXF_RESOURCE_PCI_IRQS(1, 2),   /* MSI-X: configuration changes, the queues */
		ATXF_RESOURCE_DMA(VNET_DMA_BYTES),
	});

static struct vnet net;

static uint16_t queue_vector(const struct atxf_device *dev)
{
	const struct atxf_resource_grant *irq = atxf_device_resource(dev, ATXF_RES_PCI_IRQ, 0);

	return irq && irq->size >= 2 ? 1 : 0;
}

static int on_probe(struct atxf_device *dev)
{
	char mac[NIC_MAC_STR];
	int err = atxf_virtio_probe(&net.vd, dev);

	if (!err)
		err = vnet_start(&net, 0, queue_vector(dev));
	if (err) {
		atxf_device_log(dev, "virtio-net did not start: %s: %s", atxf_strerror(err),
				atxf_virtio_error(&net.vd));
		return err;
	}
	memcpy(dev->info.net.mac, net.mac, NIC_MAC_LEN);
	dev->info.net.mtu = ATXF_NET_MTU_DEFAULT;
	(void)atxf_net_link(dev, vnet_link_up(&net));
	atxf_device_log(dev, "MAC %s, link %s, features %#llx, %u-entry queues on MSI-X vector %u",
			nic_mac_format(net.mac, mac), dev->info.net.link_up ? "up" : "down",
			(unsigned long long)net.vd.features, net.q[VNET_RXQ].size, net.queue_vector);
	return 0;
}

static void recover(struct atxf_device *dev)
{
	int err;

	atxf_device_log(dev, "device error (%s); resetting it",
			vnet_needs_reset(&net) ? "DEVICE_NEEDS_RESET" : atxf_virtio_error(&net.vd));
	err = vnet_restart(&net);
	if (err)
		atxf_device_log(dev, "restart failed: %s: %s", atxf_strerror(err),
				atxf_virtio_error(&net.vd));
}

static void link_check(struct atxf_device *dev)
{
	int up = vnet_link_up(&net);

	if ((uint32_t)up != dev->info.net.link_up)
		atxf_device_log(dev, "link %s", up ? "up" : "down");
	(void)atxf_net_link(dev, up);
}

/* Every received frame to the framework; then interrupts on again, and
 * whatever came meanwhile (no interrupt would say so). */
static int drain(struct atxf_device *dev)
{
	const uint8_t *frame;
	uint32_t len;
	unsigned tok;
	int r;

	do {
		while ((r = vnet_rx_next(&net, &frame, &len, &tok)) == 1) {
			(void)atxf_net_received(dev, frame, len);
			vnet_rx_done(&net, tok);
		}
		if (r < 0)
			return r;
	} while (vnet_want_irq(&net));
	return 0;
}

static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)n;
	if (vnet_needs_reset(&net) || drain(dev) < 0) {
		recover(dev);
		return;
	}
	link_check(dev);
}

static int on_send(struct atxf_device *dev, const void *frame, size_t len)
{
	int err = vnet_send(&net, frame, len);

	if (err == -ATXF_EIO)
		recover(dev);
	return err;
}

static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	vnet_stop(&net);
}

static const struct atxf_net_ops net_ops = { .send = on_send };
static const struct atxf_driver ops = {
	.name = "virtio-net",
	.probe = on_probe,
	.irq = on_irq,
	.remove = on_remove,
	ATXF_NET_OPS(net_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
