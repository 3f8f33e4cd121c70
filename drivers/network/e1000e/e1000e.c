/*
 * e1000e: an ATXF driver for the Intel 82574L (QEMU -device e1000e, q35's
 * own NIC), on the net class. The 82574L is the e1000 family with MSI-X:
 * IVAR sends receive queue 0 to vector 0 and every other cause (the link)
 * to vector 1 (one vector: both on it). In MSI-X mode a read of ICR does
 * not clear it (82574 §10.2.4.1); the handler writes back the causes it
 * read. The descriptors stay the legacy ones (RFCTL.EXSTEN 0), so the
 * device logic is e1000's own (drivers/network/e1000/e1000_dev.c).
 */
#include <atxf/driver/net.h>
#include "e1k_net.h"
#include "e1000e_reg.h"

ATXF_DRIVER_MANIFEST(
	.name = "e1000e",
	.device_class = ATXF_CLASS_NET,
	.match = { ATXF_MATCH_PCI(0x8086, 0x10d3) },
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* bus mastering */
		ATXF_RESOURCE_BAR(0),           /* the registers */
		ATXF_RESOURCE_PCI_IRQS(1, 2),   /* MSI-X: receive, other causes */
		ATXF_RESOURCE_DMA(E1K_DMA_BYTES),
	});

static uint32_t other_vector(const struct atxf_device *dev)
{
	const struct atxf_resource_grant *irq = atxf_device_resource(dev, ATXF_RES_PCI_IRQ, 0);

	return irq && irq->size >= 2 ? 1 : 0;
}

static int on_probe(struct atxf_device *dev)
{
	uint32_t other = other_vector(dev);
	int err;

	e1k_nic.eerd_8257x = 1;
	err = e1k_net_probe(dev, 0);    /* causes enabled once IVAR routes them */
	if (err)
		return err;
	/* Transmit completions are collected on the next send: TXQ0 stays masked. */
	e1k_wr(&e1k_nic, E1000E_IVAR, E1000E_IVAR_RXQ0(0) | E1000E_IVAR_TXQ0(0) |
	       E1000E_IVAR_OTHER(other));
	e1k_wr(&e1k_nic, E1000_IMS, E1K_CAUSES | E1000E_INT_RXQ0 | E1000E_INT_OTHER);
	atxf_device_log(dev, "MSI-X: receive on vector 0, link and other causes on vector %u",
			other);
	return 0;
}

static void on_irq(struct atxf_device *dev, unsigned n)
{
	uint32_t causes = e1k_causes(&e1k_nic);

	(void)n;
	e1k_wr(&e1k_nic, E1000_ICR, causes);    /* write 1s to clear (MSI-X mode) */
	e1k_net_service(dev, causes);
}

/* Interrupts masked first: no cause is left to fire while the device stops. */
static void on_remove(struct atxf_device *dev)
{
	e1k_wr(&e1k_nic, E1000_IMC, 0xffffffffu);
	e1k_net_remove(dev);
}

static const struct atxf_net_ops net_ops = {
	.send = e1k_net_send,
	.set_promiscuous = e1k_net_promisc,
};
static const struct atxf_driver ops = {
	.name = "e1000e",
	.probe = on_probe,
	.irq = on_irq,
	.remove = on_remove,
	ATXF_NET_OPS(net_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
