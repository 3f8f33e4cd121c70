/*
 * e1000: an ATXF driver for the Intel 82540EM (QEMU -device e1000), on the
 * net class. The 82540EM has no MSI, so its interrupt is INTx, a line it
 * may share: a zero ICR means another device interrupted. Device logic:
 * e1000_dev.c; the net class side, shared with e1000e: e1k_net.c.
 */
#include <atxf/driver/net.h>
#include "e1k_net.h"

ATXF_DRIVER_MANIFEST(
	.name = "e1000",
	.device_class = ATXF_CLASS_NET,
	.match = { ATXF_MATCH_PCI(0x8086, 0x100e) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* bus mastering */
		ATXF_RESOURCE_BAR(0),           /* the registers */
		ATXF_RESOURCE_PCI_IRQ(),        /* INTx: the 82540EM has no MSI */
		ATXF_RESOURCE_DMA(E1K_DMA_BYTES),
	});

static int on_probe(struct atxf_device *dev)
{
	return e1k_net_probe(dev, E1K_CAUSES);
}

static void on_irq(struct atxf_device *dev, unsigned n)
{
	uint32_t causes = e1k_causes(&e1k_nic);

	(void)n;
	if (causes)
		e1k_net_service(dev, causes);
}

static const struct atxf_net_ops net_ops = {
	.send = e1k_net_send,
	.set_promiscuous = e1k_net_promisc,
};
static const struct atxf_driver ops = {
	.name = "e1000",
	.probe = on_probe,
	.irq = on_irq,
	.remove = e1k_net_remove,
	ATXF_NET_OPS(net_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
