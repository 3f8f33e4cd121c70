/*
 * dm-dmabad.atxf: a driver devmgr starts on QEMU's edu (1234:11e8) whose
 * first generation, after a DMA of its own that works, aims the device at
 * kernel memory: with intel-iommu, the kernel blocks and logs it, devmgr
 * ends the driver as a crash and restarts it (its manifest allows that);
 * the next generation's own DMA works again. dm-dmastop.c builds the same
 * driver as dm-dmastop.atxf with ATXF_MANIFEST_F_NO_RESTART: devmgr then
 * keeps it stopped. Output (NAME: dm-dmabad or dm-dmastop):
 *   NAME: generation N: own DMA at bus 0xB: ok
 *   NAME: generation 0: aiming the device at kernel memory
 *   NAME: generation N: serving      (generations after 0)
 * `NAME: FAIL: ...` and exit 1 when its own DMA fails.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/manifest.h>
#include "edu_dma.h"

#ifndef DMABAD_NAME
#define DMABAD_NAME  "dm-dmabad"
#define DMABAD_FLAGS 0u
#endif
#define KERNEL_PHYS 0x100000ull
#define SALT        0x6b

ATXF_DRIVER_MANIFEST(
	.name = DMABAD_NAME,
	.device_class = ATXF_CLASS_CHAR,
	.flags = DMABAD_FLAGS,
	.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
	.resources = { ATXF_RESOURCE_BAR(0), ATXF_RESOURCE_PCI_CONFIG(),
		       ATXF_RESOURCE_DMA(8192) });

static int fail(const char *gen, const char *what, int err)
{
	atxf_log(DMABAD_NAME ": FAIL: generation %s: %s: %s\n", gen, what, atxf_strerror(err));
	return 1;
}

int main(int argc, char **argv)
{
	const char *gen = argc > 2 ? argv[2] : "?";
	struct edu_drv e;
	const char *what;
	uint8_t *p;
	int err = edu_open(&e, &what);

	if (err)
		return fail(gen, what, err);
	p = (uint8_t *)(uintptr_t)e.own.vaddr;
	edu_fill(p, EDU_DMA_XFER, SALT);
	if (edu_dma(e.regs, e.own.bus_addr, EDU_DMA_XFER, 0) ||
	    edu_dma(e.regs, e.own.bus_addr + 4096, EDU_DMA_XFER, 1) ||
	    !edu_holds(p + 4096, EDU_DMA_XFER, SALT))
		return fail(gen, "own DMA", -ATXF_EIO);
	atxf_log(DMABAD_NAME ": generation %s: own DMA at bus 0x%llx: ok\n", gen,
		 (unsigned long long)e.own.bus_addr);
	if (!strcmp(gen, "0")) {
		atxf_log(DMABAD_NAME ": generation 0: aiming the device at kernel memory\n");
		edu_dma(e.regs, KERNEL_PHYS, EDU_DMA_XFER, 1);
	} else {
		atxf_log(DMABAD_NAME ": generation %s: serving\n", gen);
	}
	for (;;)
		atxf_sleep_ns(ATXF_TIMEOUT_FOREVER);
}
