/*
 * The e1000 family on the net class: see e1k_net.h.
 */
#include <atxf/driver/net.h>
#include <string.h>
#include <atxf/sys.h>
#include "e1k_net.h"

struct e1k e1k_nic;

static int fail(struct atxf_device *dev, const char *what, int err)
{
	atxf_device_log(dev, "%s: %s", what, atxf_strerror(err));
	return err;
}

int e1k_net_probe(struct atxf_device *dev, uint32_t ims)
{
	const struct atxf_resource_grant *cfg = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);
	struct atxf_dma_tag tag;
	char mac[NIC_MAC_STR];
	int err;

	if (!cfg || !bar || !bar->mapped)
		return fail(dev, "no configuration space or BAR 0 granted", -ATXF_ENODEV);
	tag = (struct atxf_dma_tag){ .pci = cfg->handle, .addr_bits = 64 };
	e1k_nic.regs = bar->mapped;
	/* A driver that died had its bus mastering turned off by the kernel. */
	nic_pci_enable(cfg->handle);
	err = e1k_read_mac(&e1k_nic);
	if (err)
		return fail(dev, "no usable MAC in the EEPROM", err);
	err = e1k_start(&e1k_nic, &tag, ims);
	if (err)
		return fail(dev, "the controller did not start", err);
	memcpy(dev->info.net.mac, e1k_nic.mac, NIC_MAC_LEN);
	dev->info.net.mtu = ATXF_NET_MTU_DEFAULT;
	(void)atxf_net_link(dev, e1k_link_up(&e1k_nic));
	atxf_device_log(dev, "MAC %s, link %s, %u receive and %u transmit descriptors",
			nic_mac_format(e1k_nic.mac, mac), dev->info.net.link_up ? "up" : "down",
			E1K_RX_DESCS, E1K_TX_DESCS);
	return 0;
}

void e1k_net_service(struct atxf_device *dev, uint32_t causes)
{
	const uint8_t *frame;
	uint32_t len;

	if (causes & E1000_INT_LSC) {
		int up = e1k_link_up(&e1k_nic);

		if ((uint32_t)up != dev->info.net.link_up)
			atxf_device_log(dev, "link %s", up ? "up" : "down");
		(void)atxf_net_link(dev, up);
	}
	while (e1k_rx_next(&e1k_nic, &frame, &len) == 1) {
		(void)atxf_net_received(dev, frame, len);
		e1k_rx_done(&e1k_nic);
	}
}

int e1k_net_send(struct atxf_device *dev, const void *frame, size_t len)
{
	(void)dev;
	return e1k_send(&e1k_nic, frame, len);
}

int e1k_net_promisc(struct atxf_device *dev, int on)
{
	(void)dev;
	e1k_set_promisc(&e1k_nic, on);
	return 0;
}

void e1k_net_remove(struct atxf_device *dev)
{
	(void)dev;
	e1k_stop(&e1k_nic);
}
