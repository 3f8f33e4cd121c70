/*
 * The local APIC in xAPIC mode: registers are 32-bit MMIO at 16-byte
 * strides (SDM vol. 3 §10.4.1, table 10-1), mapped uncached. The timer is
 * calibrated against the TSC-based clock, whose frequency we already know,
 * because the APIC timer's input clock differs between machines (and is
 * 1 GHz under QEMU and KVM).
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/memlayout.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/vectors.h"
#include "core/panic.h"
#include "lib/log.h"
#include "mm/kva.h"
#include "mm/vm.h"
#include "time/clock.h"
#include "time/timer.h"

#define LAPIC_ID        0x020
#define LAPIC_VERSION   0x030
#define LAPIC_TPR       0x080
#define LAPIC_EOI       0x0b0
#define LAPIC_SVR       0x0f0
#define LAPIC_ESR       0x280
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_LVT_LINT1 0x360
#define LAPIC_LVT_ERROR 0x370
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR 0x390
#define LAPIC_TIMER_DIV 0x3e0

#define APIC_BASE_ENABLE (1ul << 11)    /* IA32_APIC_BASE: global enable */
#define SVR_ENABLE      (1u << 8)
#define LVT_MASKED      (1u << 16)
#define LVT_NMI         (4u << 8)       /* delivery mode NMI */
#define TIMER_PERIODIC  (1u << 17)
#define TIMER_DIV_16    0x3
#define CALIBRATE_NS    (5 * NS_PER_MS)

static volatile uint32_t *regs;

static uint32_t rd(uint32_t reg)
{
	return regs[reg / 4];
}

static void wr(uint32_t reg, uint32_t v)
{
	regs[reg / 4] = v;
}

static void spurious(struct trap_frame *f)
{
	(void)f;                /* SDM §10.9: no EOI for a spurious interrupt */
}

void lapic_init(uint64_t phys)
{
	wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | APIC_BASE_ENABLE);
	regs = kva_map_phys(phys, PAGE_SIZE, VM_WRITE | VM_UNCACHED);
	if (!regs)
		panic("lapic: cannot map registers at 0x%lx", phys);
	trap_set_handler(VEC_SPURIOUS, spurious);
	wr(LAPIC_TPR, 0);                       /* accept every priority class */
	wr(LAPIC_LVT_LINT0, LVT_MASKED);        /* the 8259s are masked anyway */
	wr(LAPIC_LVT_LINT1, LVT_NMI);           /* PC wiring: LINT1 carries NMI */
	wr(LAPIC_LVT_ERROR, LVT_MASKED);
	wr(LAPIC_LVT_TIMER, LVT_MASKED);
	wr(LAPIC_ESR, 0);                       /* SDM §10.5.3: write before read */
	wr(LAPIC_SVR, SVR_ENABLE | VEC_SPURIOUS);
	lapic_eoi();                            /* drop anything left in service */
	klog("lapic: id %u, version 0x%x, registers at 0x%lx", lapic_id(),
	     rd(LAPIC_VERSION) & 0xff, phys);
}

void lapic_eoi(void)
{
	wr(LAPIC_EOI, 0);
}

uint32_t lapic_id(void)
{
	return rd(LAPIC_ID) >> 24;
}

/* Timer input ticks (after the divider) per millisecond. */
static uint32_t measure_ticks_per_ms(void)
{
	wr(LAPIC_TIMER_DIV, TIMER_DIV_16);
	wr(LAPIC_LVT_TIMER, LVT_MASKED);        /* one-shot, no interrupt */
	wr(LAPIC_TIMER_INIT, 0xffffffff);
	clock_spin_ns(CALIBRATE_NS);
	uint32_t elapsed = 0xffffffff - rd(LAPIC_TIMER_CUR);
	wr(LAPIC_TIMER_INIT, 0);
	return elapsed / (CALIBRATE_NS / NS_PER_MS);
}

static void timer_interrupt(struct trap_frame *f)
{
	(void)f;
	lapic_eoi();
	timer_tick();
}

void lapic_timer_start(unsigned hz)
{
	uint32_t per_ms = measure_ticks_per_ms();
	uint32_t count = (uint64_t)per_ms * 1000 / hz;

	if (!count)
		panic("lapic: timer did not count during calibration");
	trap_set_handler(VEC_TIMER, timer_interrupt);
	wr(LAPIC_LVT_TIMER, VEC_TIMER | TIMER_PERIODIC);
	wr(LAPIC_TIMER_INIT, count);
	klog("lapic: timer %u.%03u MHz (after /16), periodic at %u Hz", per_ms / 1000,
	     per_ms % 1000, hz);
}
