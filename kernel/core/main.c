/*
 * kmain(): from boot.S's jump into 64-bit C to the first kernel thread.
 * Each step needs the ones before it: the clock first (it stamps every log
 * line), the console, what the loader told us, the CPU's own tables, memory,
 * interrupts, then the scheduler. kinit() runs as a thread, turns the
 * IOMMU on (or says that DMA is unconfined), and is where the
 * kernel is "ready"; it then starts init from the boot archive (or runs a
 * self-test, ktest=NAME). This boot context becomes the idle thread.
 */
#include <atxf/version.h>
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/features.h"
#include "arch/x86_64/pat.h"
#include "arch/x86_64/paging.h"
#include "arch/x86_64/platform.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/usermode.h"
#include "core/bootinfo.h"
#include "core/cmdline.h"
#include "core/panic.h"
#include "iommu/iommu.h"
#include "ipc/token.h"
#include "lib/bootscreen.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/pmm.h"
#include "pci/pcicfg.h"
#include "proc/initproc.h"
#include "sched/sched.h"
#include "test/ktest.h"
#include "time/clock.h"
#include "time/timer.h"
#include "time/wallclock.h"

void kmain(uint32_t magic, uint32_t info_phys);

static void kinit(void *arg)
{
	char test[32];
	uint64_t ns = clock_ns();

	(void)arg;
	iommu_init();                   /* before any driver can start a DMA */
	klog("memory: %lu of %lu MiB free", pmm_free_frames() >> 8, pmm_total_frames() >> 8);
	klog("kernel ready: %lu.%03lu ms after kernel entry", ns / NS_PER_MS,
	     ns % NS_PER_MS / NS_PER_US);
	if (cmdline_get("ktest", test, sizeof(test)))
		ktest_run_and_exit(test);
	initproc_start();
}

/* panic=exit: power QEMU off on panic (tests), instead of halting. */
static bool panic_should_exit(void)
{
	char v[8];

	return cmdline_get("panic", v, sizeof(v)) && !strcmp(v, "exit");
}

static void boot_report(void)
{
	uint64_t hz = clock_source_hz();

	klog("ATXF kernel %s", ATXF_SDK_VERSION);
	klog("clock: TSC at %lu.%03lu MHz, calibrated against the PIT", hz / 1000000,
	     hz / 1000 % 1000);
	bootinfo_log();
}

void kmain(uint32_t magic, uint32_t info_phys)
{
	clock_init();
	serial_init();
	int err = multiboot_parse(magic, info_phys);
	boot_report();
	wallclock_init();
	if (err)
		panic("boot: no usable multiboot information (magic 0x%x, error %d)", magic, err);
	panic_set_exit(cmdline_has("ktest") || panic_should_exit());

	cpu_init_boot();
	cpu_features_init();
	pat_init();
	token_init();
	syscall_init();
	pmm_init();
	paging_init();
	bootscreen_init();
	platform_interrupts_init();
	pci_cfg_init();
	sched_init();
	timer_init();
	if (!thread_create("kinit", kinit, NULL, PRIO_DEFAULT, THREAD_DETACHED))
		panic("boot: cannot create the kinit thread");
	for (;;)                        /* the idle thread */
		cpu_idle_wait();
}
