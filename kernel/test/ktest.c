/*
 * The self-test table and runner (test/ktest.h). The result reaches the
 * host through isa-debug-exit (arch/x86_64/qemu_exit.h): PASS or FAIL, or
 * PANIC when a test crashes the kernel (which the fault tests intend).
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/qemu_exit.h"
#include "lib/log.h"
#include "lib/string.h"
#include "test/ktest.h"

static const struct ktest tests[] = {
	{ "boot",     "boot to the ready line",                     ktest_boot },
	{ "lib",      "printf, string functions, kernel heap",      ktest_lib },
	{ "mm",       "frame allocator, paging API, address spaces", ktest_mm },
	{ "ud",       "invalid opcode in a kernel thread: report and panic", ktest_fault_ud },
	{ "pf",       "page fault in a kernel thread: report and panic", ktest_fault_pf },
	{ "uaf",      "a freed heap block read: the report names who freed it", ktest_use_after_free },
	{ "overflow", "kernel stack overflow: guard page, double fault on its own stack",
	  ktest_stack_overflow },
	{ "threads",  "two CPU-bound threads share the CPU",        ktest_threads },
	{ "priority", "a higher priority thread always runs first", ktest_priority },
	{ "sleep",    "a 100 ms sleep takes 100-150 ms",             ktest_sleep },
	{ "irq",      "ISA IRQ 0 routed through the IOAPIC arrives once", ktest_irq },
	{ "vectors",  "160 MSI/MSI-X vectors, the 161st refused, a freed one reused",
	  ktest_vectors },
	{ "proc",     "ATXF programs: spawn, wait, kill, refusal, orphans, no leaks",
	  ktest_proc },
	{ "ipc",      "ports: bounded queue, notifications, death; contiguous frames",
	  ktest_ipc },
	{ "dma",      "frame pins and bus addresses for DMA",       ktest_dma },
};

int ktest_boot(void)
{
	return 0;
}

static const struct ktest *find(const char *name)
{
	for (unsigned i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
		if (!strcmp(tests[i].name, name))
			return &tests[i];
	return NULL;
}

_Noreturn void ktest_run_and_exit(const char *name)
{
	const struct ktest *t = find(name);
	int result = -1;

	if (t) {
		klog("ktest %s: %s", t->name, t->what);
		result = t->run();
		klog("ktest %s: %s", t->name, result ? "FAIL" : "PASS");
	} else {
		klog("ktest: no test named \"%s\"", name);
	}
	qemu_exit(result ? QEMU_EXIT_FAIL : QEMU_EXIT_PASS);
	klog("ktest: no isa-debug-exit device to report through; halting");
	irq_disable();
	cpu_halt_forever();
}
