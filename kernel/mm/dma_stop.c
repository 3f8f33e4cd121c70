/*
 * A dead driver's devices stop their DMA before its DMA memory goes
 * (mm/dma.h, called by proc/process.c as the process's objects are
 * released).
 *
 * Without an IOMMU a device keeps the physical addresses its driver gave
 * it: a transfer started before the driver died, or a ring the device
 * keeps walking, would land in frames the allocator has handed to another
 * process by then. Clearing Bus Master Enable (PCI Local Bus 3.0 §6.2.2,
 * Command register bit 2) makes the function stop issuing memory
 * requests, MSI writes included. The next generation turns it on again as
 * it sets the device up (sdk/lib/virtio/find.c, and the kernel when it
 * programs MSI/MSI-X), as a driver does after a reset. With an IOMMU the
 * unmap alone would block the device; stopping it too keeps one rule.
 */
#include <atxf/pci_regs.h>
#include "cap/captable.h"
#include "lib/log.h"
#include "mm/dma.h"
#include "pci/pcicfg.h"
#include "proc/process.h"

static bool seen(const uint32_t *bdfs, unsigned n, uint32_t bdf)
{
	for (unsigned i = 0; i < n; i++)
		if (bdfs[i] == bdf)
			return true;
	return false;
}

static void stop_function(const struct process *p, uint32_t bdf)
{
	uint32_t cmd = pci_cfg_read(bdf, PCI_COMMAND, 2);

	if (!(cmd & PCI_COMMAND_MASTER))
		return;
	pci_cfg_write(bdf, PCI_COMMAND, 2, cmd & ~PCI_COMMAND_MASTER);
	klog("dma: %s pid %u ended: bus mastering of %02x:%02x.%u turned off before its DMA "
	     "memory is freed", p->name, p->pid, bdf >> 8, bdf >> 3 & 0x1f, bdf & 7);
}

void dma_stop_devices_locked(struct process *p)
{
	uint32_t done[CAP_TABLE_SLOTS];
	unsigned n = 0;

	for (int h = 0; h < CAP_TABLE_SLOTS; h++) {
		const struct cap *c = &p->caps.slot[h];
		const struct dma_buf *b = c->obj;

		/* A budget is a DMA capability without an object: no device. */
		if (c->kind != ATXF_CAP_DMA || !b || seen(done, n, b->bdf))
			continue;
		done[n++] = b->bdf;
		stop_function(p, b->bdf);
	}
}
