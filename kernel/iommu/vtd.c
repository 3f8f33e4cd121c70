/*
 * Bringing up the VT-d unit (VT-d spec §10.4): register access, the root
 * table, global invalidation and turning translation on. Until a device
 * has a domain (iommu/domain.c) its context entry is absent, so once
 * translation is on every DMA it tries is blocked and recorded.
 * QEMU device: -device intel-iommu on q35 (hw/i386/intel_iommu.c).
 */
#include "iommu/iommu.h"
#include "iommu/vtd.h"
#include "iommu/vtd_reg.h"
#include "lib/log.h"
#include "mm/kva.h"
#include "mm/pmm.h"
#include "mm/vm.h"

#define SPIN_LIMIT      10000000ul      /* register polls before giving up */
#define GSTS_ONE_SHOT   0x96ffffffu     /* §10.4.4: status bits to echo back */
#define CACHE_LINE      64

struct vtd vtd;

uint32_t vtd_read32(unsigned off)
{
	return *(volatile uint32_t *)(vtd.regs + off);
}

uint64_t vtd_read64(unsigned off)
{
	return *(volatile uint64_t *)(vtd.regs + off);
}

void vtd_write32(unsigned off, uint32_t v)
{
	*(volatile uint32_t *)(vtd.regs + off) = v;
}

void vtd_write64(unsigned off, uint64_t v)
{
	*(volatile uint64_t *)(vtd.regs + off) = v;
}

void vtd_flush_cache(const void *p, size_t len)
{
	if (vtd.coherent)
		return;
	for (uintptr_t a = (uintptr_t)p & ~(uintptr_t)(CACHE_LINE - 1);
	     a < (uintptr_t)p + len; a += CACHE_LINE)
		__asm__ volatile("clflush (%0)" : : "r"(a) : "memory");
	__asm__ volatile("mfence" : : : "memory");
}

/* Waits for (mask & reg) == want; false if the unit never got there. */
static bool wait32(unsigned off, uint32_t mask, uint32_t want)
{
	for (unsigned long i = 0; i < SPIN_LIMIT; i++)
		if ((vtd_read32(off) & mask) == want)
			return true;
	klog("iommu: register 0x%x stuck at 0x%x (waiting for 0x%x under 0x%x)", off,
	     vtd_read32(off), want, mask);
	return false;
}

static bool wait64(unsigned off, uint64_t mask)
{
	for (unsigned long i = 0; i < SPIN_LIMIT; i++)
		if (!(vtd_read64(off) & mask))
			return true;
	klog("iommu: command at register 0x%x never completed", off);
	return false;
}

/* §10.4.4: a command is the current status with one more bit set. */
static bool global_command(uint32_t bit)
{
	vtd_write32(VTD_GCMD, (vtd_read32(VTD_GSTS) & GSTS_ONE_SHOT) | bit);
	return wait32(VTD_GSTS, bit, bit);
}

void vtd_flush_context(void)
{
	vtd_write64(VTD_CCMD, VTD_CCMD_ICC | VTD_CCMD_GLOBAL);
	wait64(VTD_CCMD, VTD_CCMD_ICC);
}

void vtd_flush_iotlb(void)
{
	unsigned reg = VTD_ECAP_IRO(vtd.ecap) + VTD_IOTLB_REG;

	vtd_write64(reg, VTD_IOTLB_IVT | VTD_IOTLB_GLOBAL | VTD_IOTLB_DR | VTD_IOTLB_DW);
	wait64(reg, VTD_IOTLB_IVT);
}

/* 3-level tables if the unit takes them (39-bit domains), else 4. */
static bool pick_levels(void)
{
	unsigned sagaw = VTD_CAP_SAGAW(vtd.cap);

	if (sagaw & 2) {
		vtd.levels = 3;
		vtd.aw = 1;
	} else if (sagaw & 4) {
		vtd.levels = 4;
		vtd.aw = 2;
	} else {
		return false;
	}
	return true;
}

static void say_unconfined(const char *why)
{
	klog("iommu: %s: DMA is unconfined, any bus-master device can read and write "
	     "all memory", why);
}

/* Root table in, caches clean, faults routed, translation on. */
static bool enable(void)
{
	vtd.root_pa = pmm_alloc_zeroed();
	if (!vtd.root_pa)
		return false;
	vtd_write64(VTD_RTADDR, vtd.root_pa);
	if (!global_command(VTD_GCMD_SRTP))
		return false;
	vtd_flush_context();
	vtd_flush_iotlb();
	vtd_fault_init();
	return global_command(VTD_GCMD_TE);
}

void iommu_init(void)
{
	uint64_t base = dmar_find_unit();
	uint32_t ver;

	if (!base) {
		say_unconfined("no IOMMU (no ACPI DMAR table)");
		return;
	}
	vtd.phys = base;
	vtd.regs = kva_map_phys(base, VTD_REG_WINDOW, VM_WRITE | VM_UNCACHED);
	if (!vtd.regs) {
		say_unconfined("cannot map the VT-d registers");
		return;
	}
	vtd.cap = vtd_read64(VTD_CAP);
	vtd.ecap = vtd_read64(VTD_ECAP);
	vtd.coherent = vtd.ecap & VTD_ECAP_C;
	ver = vtd_read32(VTD_VER);
	if (!pick_levels() || !enable()) {
		vtd.regs = NULL;
		say_unconfined("the VT-d unit could not be set up");
		return;
	}
	klog("iommu: VT-d %u.%u at 0x%lx, %u-level domains, %lu fault record(s): DMA is "
	     "confined, each device reaches only its own driver's buffers", ver >> 4 & 0xf,
	     ver & 0xf, base, vtd.levels, VTD_CAP_NFR(vtd.cap));
}

bool iommu_active(void)
{
	return vtd.regs != NULL;
}
