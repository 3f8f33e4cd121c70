/*
 * msix-virtio.atxf: a test driver for virtio-rng-pci with the modern
 * transport (disable-legacy=on, vectors=2) that makes each MSI-X vector
 * devmgr grants fire through the device's own mechanism (VIRTIO 1.1
 * §4.1.4.3, §4.1.5.1.2) and sees it as irq(dev, i):
 *   vector 1, the request queue's: a buffer made available is filled with
 *     random bytes and put in the used ring;
 *   vector 0, the configuration vector: an available-ring entry naming a
 *     descriptor past the queue's size is a device error (QEMU's
 *     virtqueue_get_head), which sets DEVICE_NEEDS_RESET and signals a
 *     configuration change (§2.1.2).
 * Logs "irq(dev, I): ..." per vector and "all 2 vectors fired".
 */
#include <string.h>
#include <atxf/driver.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>
#include "msix_check.h"

ATXF_DRIVER_MANIFEST(
	.name = "msix-virtio",
	.device_class = ATXF_CLASS_RNG,
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PCI(0x1af4, 0x1044) },
	.resources = { ATXF_RESOURCE_PCI_CONFIG(), ATXF_RESOURCE_BAR(4),
		       ATXF_RESOURCE_PCI_IRQS(2, 2), ATXF_RESOURCE_DMA(4096) });

/* VIRTIO 1.1 §4.1.4: cfg_type of a vendor capability, and its fields. */
enum { CFG_COMMON = 1, CFG_NOTIFY = 2 };
#define CAP_TYPE 3
#define CAP_BAR 4
#define CAP_OFFSET 8
#define CAP_MULT 16

/* §4.1.4.3: the common configuration structure. */
#define C_DFSELECT 0x00
#define C_DF 0x04
#define C_GFSELECT 0x08
#define C_GF 0x0c
#define C_MSIX_CONFIG 0x10
#define C_STATUS 0x14
#define C_Q_SELECT 0x16
#define C_Q_SIZE 0x18
#define C_Q_MSIX 0x1a
#define C_Q_ENABLE 0x1c
#define C_Q_NOTIFY_OFF 0x1e
#define C_Q_DESC 0x20
#define C_Q_DRIVER 0x28
#define C_Q_DEVICE 0x30

/* §2.1: device status. */
#define S_ACK 0x01
#define S_DRIVER 0x02
#define S_DRIVER_OK 0x04
#define S_FEATURES_OK 0x08
#define S_NEEDS_RESET 0x40

#define QSIZE 8
#define AVAIL_AT 256            /* §2.6: the rings in the one DMA page */
#define USED_AT 512
#define BUF_AT 1024
#define DESC_WRITE 2

struct vrng {
	volatile uint8_t *common, *notify;
	struct atxf_dma dma;
	uint16_t avail_idx, used_seen;
	struct msix_seen seen;
};

static struct vrng vr;

/* Points one register block of BAR 4 at the capability's offset. */
static volatile uint8_t *region(struct atxf_device *dev, atxf_handle_t pci, uint8_t at)
{
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);

	if (!bar || atxf_pci_read8(pci, at + CAP_BAR) != 4)
		return NULL;
	return (volatile uint8_t *)bar->mapped + atxf_pci_read32(pci, at + CAP_OFFSET);
}

static int find_regions(struct atxf_device *dev, atxf_handle_t pci, uint32_t *mult)
{
	for (uint8_t at = atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, 0); at;
	     at = atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, at)) {
		uint8_t type = atxf_pci_read8(pci, at + CAP_TYPE);

		if (type == CFG_COMMON && !vr.common)
			vr.common = region(dev, pci, at);
		if (type == CFG_NOTIFY && !vr.notify) {
			vr.notify = region(dev, pci, at);
			*mult = atxf_pci_read32(pci, at + CAP_MULT);
		}
	}
	return vr.common && vr.notify ? 0 : -ATXF_ENODEV;
}

/* §3.1.1 up to FEATURES_OK: VERSION_1 (feature 32) and nothing else. */
static int negotiate(void)
{
	atxf_mmio_write8(vr.common + C_STATUS, 0);
	while (atxf_mmio_read8(vr.common + C_STATUS))
		;
	atxf_mmio_write8(vr.common + C_STATUS, S_ACK | S_DRIVER);
	atxf_mmio_write32(vr.common + C_DFSELECT, 1);
	if (!(atxf_mmio_read32(vr.common + C_DF) & 1))
		return -ATXF_ENOTSUP;
	atxf_mmio_write32(vr.common + C_GFSELECT, 0);
	atxf_mmio_write32(vr.common + C_GF, 0);
	atxf_mmio_write32(vr.common + C_GFSELECT, 1);
	atxf_mmio_write32(vr.common + C_GF, 1);
	atxf_mmio_write8(vr.common + C_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
	return atxf_mmio_read8(vr.common + C_STATUS) & S_FEATURES_OK ? 0 : -ATXF_ENOTSUP;
}

/* Queue 0 on vector 1, configuration changes on vector 0 (§4.1.5.1.2). */
static int setup_queue(uint32_t mult)
{
	atxf_mmio_write16(vr.common + C_MSIX_CONFIG, 0);
	atxf_mmio_write16(vr.common + C_Q_SELECT, 0);
	atxf_mmio_write16(vr.common + C_Q_SIZE, QSIZE);
	atxf_mmio_write16(vr.common + C_Q_MSIX, 1);
	if (atxf_mmio_read16(vr.common + C_MSIX_CONFIG) != 0 ||
	    atxf_mmio_read16(vr.common + C_Q_MSIX) != 1)
		return -ATXF_ENOSPC;            /* the device says NO_VECTOR */
	atxf_mmio_write64(vr.common + C_Q_DESC, vr.dma.bus_addr);
	atxf_mmio_write64(vr.common + C_Q_DRIVER, vr.dma.bus_addr + AVAIL_AT);
	atxf_mmio_write64(vr.common + C_Q_DEVICE, vr.dma.bus_addr + USED_AT);
	vr.notify += atxf_mmio_read16(vr.common + C_Q_NOTIFY_OFF) * mult;
	atxf_mmio_write16(vr.common + C_Q_ENABLE, 1);
	atxf_mmio_write8(vr.common + C_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
	return 0;
}

/* Makes descriptor `head` (a 16-byte buffer) available (§2.6.13) and
 * notifies queue 0; a head of QSIZE or more is the device error. */
static void offer(uint16_t head)
{
	uint8_t *mem = (uint8_t *)(uintptr_t)vr.dma.vaddr;
	uint16_t slot = vr.avail_idx % QSIZE;
	uint64_t addr = vr.dma.bus_addr + BUF_AT;
	uint32_t len = 16;
	uint16_t flags = DESC_WRITE, idx;

	memcpy(mem + 16 * slot, &addr, 8);
	memcpy(mem + 16 * slot + 8, &len, 4);
	memcpy(mem + 16 * slot + 12, &flags, 2);
	memcpy(mem + AVAIL_AT + 4 + 2 * slot, &head, 2);
	idx = ++vr.avail_idx;
	memcpy(mem + AVAIL_AT + 2, &idx, 2);
	atxf_mmio_write16(vr.notify, 0);
}

static int vrng_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *pci = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	uint32_t mult = 0;
	int err;

	vr.seen.granted = msix_granted(dev);
	if (!pci || find_regions(dev, pci->handle, &mult) ||
	    atxf_dma_alloc(&(struct atxf_dma_tag){ .pci = pci->handle, .addr_bits = 64 }, 4096,
			   &vr.dma))
		return -ATXF_ENODEV;
	err = negotiate();
	if (!err)
		err = setup_queue(mult);
	if (err)
		return err;
	atxf_device_log(dev, "%u MSI-X vectors granted; queue 0 on vector 1, config on 0",
			vr.seen.granted);
	offer(0);
	return 0;
}

static void vrng_irq(struct atxf_device *dev, unsigned i)
{
	uint16_t used;
	uint8_t status = atxf_mmio_read8(vr.common + C_STATUS);

	memcpy(&used, (uint8_t *)(uintptr_t)vr.dma.vaddr + USED_AT + 2, 2);
	if (i == 1 && used != vr.used_seen) {
		vr.used_seen = used;
		msix_saw(dev, &vr.seen, 1, "request queue: 16 random bytes in the used ring");
		offer(QSIZE);                   /* a device error: the config vector next */
	} else if (i == 0 && (status & S_NEEDS_RESET)) {
		msix_saw(dev, &vr.seen, 0, "configuration change: DEVICE_NEEDS_RESET");
		atxf_mmio_write8(vr.common + C_STATUS, 0);
	} else {
		atxf_device_log(dev, "FAIL: irq(dev, %u) with nothing to show (used %u, status "
				"0x%x)", i, used, status);
	}
}

static const struct atxf_driver ops = {
	.name = "msix-virtio",
	.probe = vrng_probe,
	.irq = vrng_irq,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
