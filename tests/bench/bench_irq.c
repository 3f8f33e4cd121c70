/*
 * IRQ to user: edu (QEMU docs/specs/edu.rst) raises an interrupt when its
 * register 0x60 is written; the figure runs from the TSC just before that
 * MMIO write to the TSC when SYS_IPC_RECV returns the notification, so it
 * holds the device write's exit, the interrupt, the kernel's handler and
 * the switch to this process. The loop is shared with the MSI-X figure
 * (bench_msix.c, bench_irq.h).
 */
#include <atxf/hw.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "../qemu/progs/caps.h"
#include "../qemu/progs/edu.h"
#include "bench.h"
#include "bench_irq.h"
#include "stats.h"

#define BIT 0
#define WAIT_NS 1000000000ull
#define WARMUP 10

static uint64_t samples[10000];
static volatile uint8_t *regs;

const char *bench_irq_bind(struct bench_irq_dev *d)
{
	int err;

	d->port = atxf_port_create();
	if (d->port < 0)
		return bench_why(d->port, "SYS_IPC_CREATE_PORT");
	err = atxf_irq_bind(d->irq, d->port, BIT);
	return err < 0 ? bench_why(err, "SYS_REGISTER_IRQ_HANDLER") : NULL;
}

/* One interrupt: its latency in *cycles, or the error that stopped it. */
static int one(const struct bench_irq_dev *d, uint64_t *cycles)
{
	struct atxf_msg m;
	uint64_t t0 = bench_tsc();
	int err;

	d->raise();
	err = atxf_recv(d->port, &m, WAIT_NS);
	*cycles = bench_tsc() - t0;
	d->lower();
	if (err == 0)
		err = atxf_irq_ack(d->irq);
	return err;
}

void bench_irq_loop(const char *name, const struct bench_irq_dev *d, unsigned runs)
{
	const char *why = NULL;
	uint64_t c;
	int err;

	for (unsigned i = 0; !why && i < WARMUP + runs; i++) {
		err = one(d, &c);
		if (err < 0)
			why = bench_why(err, err == -ATXF_ETIMEDOUT ? "waiting for the interrupt"
								  : "SYS_IPC_RECV or SYS_IRQ_ACK");
		else if (i >= WARMUP)
			samples[i - WARMUP] = c;
	}
	if (why)
		bench_na(name, why);
	else
		bench_report(name, samples, runs);
}

static void edu_raise(void)
{
	atxf_mmio_write32(regs + EDU_IRQ_RAISE, 1);
}

static void edu_lower(void)
{
	atxf_mmio_write32(regs + EDU_IRQ_ACK, 1);
}

/* Maps edu and binds its IRQ: NULL, or why the figure is n/a. */
static const char *setup(struct bench_irq_dev *d)
{
	struct atxf_cap_info info;
	atxf_handle_t mmio = given_cap(ATXF_CAP_MMIO, &info);
	long addr;

	d->irq = given_cap(ATXF_CAP_IRQ, &info);
	if (mmio < 0 || d->irq < 0 || (info.base & ATXF_IRQ_MSIX))
		return "no edu MMIO and IRQ capabilities on the start line";
	addr = atxf_syscall(SYS_MMIO_MAP, mmio, 0, EDU_MAP_SIZE, 0, 0, 0);
	if (addr < 0)
		return bench_why((int)addr, "SYS_MMIO_MAP");
	regs = (volatile uint8_t *)(uintptr_t)addr;
	return bench_irq_bind(d);
}

void bench_irq(unsigned runs)
{
	struct bench_irq_dev d = { edu_raise, edu_lower, ATXF_HANDLE_NONE, ATXF_HANDLE_NONE };
	const char *why = setup(&d);

	if (why)
		bench_na("irq-user", why);
	else
		bench_irq_loop("irq-user", &d, runs);
}
