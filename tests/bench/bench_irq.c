/*
 * IRQ to user: edu (QEMU docs/specs/edu.rst) raises an interrupt when its
 * register 0x60 is written; the figure runs from the TSC just before that
 * MMIO write to the TSC when SYS_IPC_RECV returns the notification, so it
 * holds the device write's exit, the interrupt, the kernel's handler and
 * the switch to this process.
 */
#include <atxf/hw.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "../qemu/progs/caps.h"
#include "../qemu/progs/edu.h"
#include "bench.h"
#include "stats.h"

#define BIT 0
#define WAIT_NS 1000000000ull
#define WARMUP 10

static uint64_t samples[10000];
static volatile uint8_t *regs;
static atxf_handle_t irq, port;

/* Maps edu and binds its IRQ: NULL, or why the figure is n/a. */
static const char *setup(void)
{
	struct atxf_cap_info info;
	atxf_handle_t mmio = given_cap(ATXF_CAP_MMIO, &info);
	long addr;
	int err;

	irq = given_cap(ATXF_CAP_IRQ, &info);
	if (mmio < 0 || irq < 0)
		return "no edu MMIO and IRQ capabilities on the start line";
	addr = atxf_syscall(SYS_MMIO_MAP, mmio, 0, EDU_MAP_SIZE, 0, 0, 0);
	if (addr < 0)
		return bench_why((int)addr, "SYS_MMIO_MAP");
	regs = (volatile uint8_t *)(uintptr_t)addr;
	port = atxf_port_create();
	if (port < 0)
		return bench_why(port, "SYS_IPC_CREATE_PORT");
	err = atxf_irq_bind(irq, port, BIT);
	return err < 0 ? bench_why(err, "SYS_REGISTER_IRQ_HANDLER") : NULL;
}

/* One interrupt: its latency in *cycles, or the error that stopped it. */
static int one(uint64_t *cycles)
{
	struct atxf_msg m;
	uint64_t t0 = bench_tsc();
	int err;

	atxf_mmio_write32(regs + EDU_IRQ_RAISE, 1);
	err = atxf_recv(port, &m, WAIT_NS);
	*cycles = bench_tsc() - t0;
	atxf_mmio_write32(regs + EDU_IRQ_ACK, 1);
	if (err == 0)
		err = atxf_irq_ack(irq);
	return err;
}

void bench_irq(unsigned runs)
{
	const char *why = setup();
	uint64_t c;
	int err;

	for (unsigned i = 0; !why && i < WARMUP + runs; i++) {
		err = one(&c);
		if (err < 0)
			why = bench_why(err, err == -ATXF_ETIMEDOUT ? "waiting for the interrupt"
								  : "SYS_IPC_RECV or SYS_IRQ_ACK");
		else if (i >= WARMUP)
			samples[i - WARMUP] = c;
	}
	if (why)
		bench_na("irq-user", why);
	else
		bench_report("irq-user", samples, runs);
}
