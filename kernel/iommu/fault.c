/*
 * DMA faults (VT-d spec §7.2): the unit records each blocked request in a
 * fault recording register and raises the fault event, an MSI we aim at
 * VEC_IOMMU_FAULT. The handler logs each record (device, address, reason,
 * whose domain), queues it for the watcher (devmgr: SYS_DMA_FAULT_WATCH,
 * SYS_DMA_FAULT_NEXT) and clears it, so that the unit can record the next
 * one (QEMU has one record; a fault while it is full is counted as lost).
 */
#include <atxf/cap.h>
#include <atxf/errors.h>
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/vectors.h"
#include "cap/captable.h"
#include "iommu/domain.h"
#include "iommu/iommu.h"
#include "iommu/vtd.h"
#include "iommu/vtd_reg.h"
#include "ipc/port.h"
#include "lib/log.h"

#define LAPIC_MSI_BASE  0xfee00000u     /* SDM vol. 3 §11.11.1 */
#define QUEUE_LEN       16              /* faults the watcher has not read */
#define WATCH_NONE      64

static struct atxf_dma_fault queue[QUEUE_LEN];
static unsigned head, count;
static unsigned long lost;              /* overflowed, here or in the unit */
static struct port *watcher;
static unsigned watch_bit = WATCH_NONE;

/* §7.2.3 fault reasons for untranslated requests. */
static const char *reason_text(unsigned fr)
{
	switch (fr) {
	case 0x1: return "no root entry for its bus";
	case 0x2: return "no domain (context entry not present)";
	case 0x3: return "invalid context entry";
	case 0x4: return "address beyond the domain's width";
	case 0x5: return "page not mapped for writing";
	case 0x6: return "page not mapped for reading";
	case 0x7: return "page-table entry unreadable";
	default:  return "other";
	}
}

static void enqueue_locked(const struct atxf_dma_fault *f)
{
	if (count == QUEUE_LEN) {
		lost++;
		return;
	}
	queue[(head + count++) % QUEUE_LEN] = *f;
	if (watcher && watch_bit < WATCH_NONE)
		port_notify_locked(watcher, 1ull << watch_bit);
}

static void report_locked(uint64_t lo, uint64_t hi)
{
	struct atxf_dma_fault f = { .bdf = (uint32_t)VTD_FRCD_HI_SID(hi),
				    .addr = lo & ~0xfffull,
				    .reason = (uint8_t)VTD_FRCD_HI_FR(hi),
				    .write = !(hi & VTD_FRCD_HI_T) };
	const char *name;

	f.pid = domain_owner_locked(f.bdf, &name);
	klog("iommu: blocked DMA %s by %02x:%02x.%u at 0x%lx: %s (reason 0x%x); device of "
	     "%s pid %u", f.write ? "write" : "read", f.bdf >> 8, f.bdf >> 3 & 0x1f, f.bdf & 7,
	     f.addr, reason_text(f.reason), f.reason, name, f.pid);
	enqueue_locked(&f);
}

/* Reads out and clears every valid record. cap_lock held. */
static void drain_locked(void)
{
	unsigned fro = VTD_CAP_FRO(vtd.cap);
	uint32_t fsts;

	for (unsigned i = 0; i < VTD_CAP_NFR(vtd.cap); i++) {
		unsigned rec = fro + i * 16;
		uint64_t hi = vtd_read64(rec + 8);

		if (!(hi & VTD_FRCD_HI_F))
			continue;
		report_locked(vtd_read64(rec), hi);
		vtd_write64(rec + 8, VTD_FRCD_HI_F);    /* RW1C */
	}
	fsts = vtd_read32(VTD_FSTS);
	if (fsts & VTD_FSTS_PFO) {
		lost++;
		klog("iommu: fault records overflowed: blocked DMA went unrecorded");
		vtd_write32(VTD_FSTS, VTD_FSTS_PFO);
	}
}

static void fault_interrupt(struct trap_frame *f)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	(void)f;
	drain_locked();
	spin_unlock_irqrestore(&cap_lock, flags);
	lapic_eoi();
}

void vtd_fault_init(void)
{
	uint64_t flags = spin_lock_irqsave(&cap_lock);

	trap_set_handler(VEC_IOMMU_FAULT, fault_interrupt);
	vtd_write32(VTD_FEDATA, VEC_IOMMU_FAULT);
	vtd_write32(VTD_FEADDR, LAPIC_MSI_BASE | lapic_id() << 12);
	vtd_write32(VTD_FEUADDR, 0);
	vtd_write32(VTD_FECTL, 0);              /* unmasked */
	drain_locked();                         /* anything the firmware left */
	spin_unlock_irqrestore(&cap_lock, flags);
}

void iommu_watch_locked(struct port *port, unsigned bit)
{
	if (watcher)
		port_put_locked(watcher, 0);
	port_get_locked(port, 0);
	watcher = port;
	watch_bit = bit;
	if (count)                              /* faults from before it watched */
		port_notify_locked(watcher, 1ull << watch_bit);
}

int iommu_next_fault_locked(struct atxf_dma_fault *out)
{
	if (!count)
		return -ATXF_EAGAIN;
	*out = queue[head];
	head = (head + 1) % QUEUE_LEN;
	count--;
	return 0;
}
