/*
 * bench.atxf: the kernel's benchmark figures, in TSC cycles (make bench;
 * tests/bench/run.py boots it and reads its lines, stats.h).
 *
 *   bench.atxf [RUNS]          (samples per figure; default 2000)
 *   start line: `with mmio:EDU_BAR0+0x100000:rw msi:BB:DD.F:r` (or irq:GSI)
 *   for the IRQ figure, then `mmio:XHCI_BAR0+0x3000:rw msix:BB:DD.F:r
 *   dma:8K` for the MSI-X one; bench-echo.atxf must run for the IPC figure.
 *
 * Figures:
 *   null-syscall  the emptiest trip through the kernel: system call 33,
 *                 which no call uses, so the kernel only enters, looks it
 *                 up and returns -ATXF_ENOSYS (bench_null.c)
 *   clock-syscall SYS_CLOCK, the cheapest call that does work
 *   yield-rtt     SYS_YIELD to bench-echo, yielding too, and back: two
 *                 context switches without IPC (bench_switch.c)
 *   ipc-rtt       SYS_IPC_CALL to bench-echo and its reply (bench_ipc.c)
 *   irq-user      edu raises an interrupt (TSC at the MMIO write) until
 *                 this program's SYS_IPC_RECV returns the notification
 *                 (bench_irq.c)
 *   irq-user-msix the same through an MSI-X vector: qemu-xhci's
 *                 interrupter 0, raised by one register write (bench_msix.c)
 *   blk-call, blk-ring  block READs through the driver framework against
 *                 bench-blk.atxf: one call each, and a 64-entry ring kept
 *                 full (bench_queue.c); requests, cycles and ns of the run
 * A figure the kernel cannot measure yet prints `n/a (WHY)`. Ends with
 * `bench: done` and exit 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include "bench.h"

#define DEFAULT_RUNS 2000
#define MAX_RUNS     10000

int main(int argc, char **argv)
{
	unsigned runs = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : DEFAULT_RUNS;

	if (runs == 0 || runs > MAX_RUNS)
		runs = DEFAULT_RUNS;
	bench_null(runs * 5 > MAX_RUNS ? MAX_RUNS : runs * 5);
	bench_switch(runs);
	bench_ipc(runs);
	bench_irq(runs / 4 ? runs / 4 : 1);
	bench_msix(runs / 4 ? runs / 4 : 1);
	bench_queue(runs * 10);
	printf("bench: done\n");
	return 0;
}
