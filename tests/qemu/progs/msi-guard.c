/*
 * msi-guard.atxf: a test driver for QEMU's edu (MSI, one vector) that
 * writes the MSI capability's address and data in config space, as a
 * driver that would aim its interrupt elsewhere: the kernel refuses (and
 * logs it), the values read back unchanged, and the interrupt still comes
 * to irq(dev, 0). Logs "irq(dev, 0): ...", "config writes to the MSI
 * capability: refused ok", "again: irq(dev, 0): ..." and "done".
 */
#include <atxf/driver.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>
#include "edu.h"
#include "msix_check.h"

ATXF_DRIVER_MANIFEST(
	.name = "msi-guard",
	.device_class = ATXF_CLASS_BUS,
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
	.resources = { ATXF_RESOURCE_PCI_CONFIG(), ATXF_RESOURCE_BAR(0), ATXF_RESOURCE_PCI_IRQ() });

static volatile uint8_t *regs;
static atxf_handle_t pci;
static struct msix_seen seen;

static int guard_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *cfg = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);

	if (!cfg || !bar)
		return -ATXF_ENODEV;
	pci = cfg->handle;
	regs = bar->mapped;
	seen.granted = 1;
	atxf_mmio_write32(regs + EDU_IRQ_RAISE, 1);
	return 0;
}

/* Address and data both: either would send the message somewhere else. */
static void try_to_steal(struct atxf_device *dev)
{
	uint8_t msi = atxf_pci_find_cap(pci, PCI_CAP_ID_MSI, 0);
	uint16_t ctrl = atxf_pci_read16(pci, msi + PCI_MSI_CTRL);
	unsigned data_at = msi + (ctrl & PCI_MSI_CTRL_64BIT ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32);
	uint32_t addr = atxf_pci_read32(pci, msi + PCI_MSI_ADDR_LO);
	uint16_t data = atxf_pci_read16(pci, (uint16_t)data_at);

	if (!msi) {
		atxf_device_log(dev, "FAIL: no MSI capability");
		return;
	}
	atxf_pci_write32(pci, msi + PCI_MSI_ADDR_LO, addr ^ 0x1000);
	atxf_pci_write16(pci, (uint16_t)data_at, (uint16_t)(data ^ 1));
	atxf_device_log(dev, "config writes to the MSI capability: %s",
			atxf_pci_read32(pci, msi + PCI_MSI_ADDR_LO) == addr &&
			atxf_pci_read16(pci, (uint16_t)data_at) == data ? "refused ok" :
			"FAIL: written");
}

static void guard_irq(struct atxf_device *dev, unsigned i)
{
	atxf_mmio_write32(regs + EDU_IRQ_ACK, atxf_mmio_read32(regs + EDU_IRQ_STATUS));
	if (!msix_saw(dev, &seen, i, "edu's MSI"))
		return;
	if (seen.round) {
		atxf_device_log(dev, "done");
		return;
	}
	try_to_steal(dev);
	seen.round = 1;
	seen.fired = 0;
	atxf_mmio_write32(regs + EDU_IRQ_RAISE, 1);
}

static const struct atxf_driver ops = {
	.name = "msi-guard",
	.probe = guard_probe,
	.irq = guard_irq,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
