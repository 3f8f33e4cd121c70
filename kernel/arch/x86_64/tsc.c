/*
 * The monotonic clock on x86_64: the time-stamp counter, calibrated once
 * against the PIT. We assume an invariant TSC (SDM vol. 3 §18.17.1), which
 * every CPU KVM exposes and QEMU's TCG emulates; the boot log prints the
 * measured frequency so a drifting host is visible.
 *
 * ns = (tsc - boot_tsc) * mult >> 32, with mult = 10^9 * 2^32 / tsc_hz: one
 * 64x64->128 multiply per read and no division.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pit.h"
#include "time/clock.h"

#define CALIBRATE_MS 5
#define CALIBRATE_TICKS (PIT_HZ * CALIBRATE_MS / 1000)
#define CALIBRATE_RUNS 5

extern uint64_t boot_tsc;       /* boot.S: the TSC at kernel entry */

static uint64_t tsc_hz;
static uint64_t tsc_mult;       /* 0 until calibrated: clock_ns() reads 0 */

/* Counts TSC ticks across a PIT countdown of CALIBRATE_TICKS. */
static uint64_t measure_tsc_hz(void)
{
	uint64_t start, end;

	pit_oneshot_start(CALIBRATE_TICKS);
	start = rdtsc();
	while (!pit_oneshot_done())
		cpu_relax();
	end = rdtsc();
	return (end - start) * PIT_HZ / CALIBRATE_TICKS;
}

/*
 * The median of CALIBRATE_RUNS measurements. Under TCG the vCPU can lose
 * the host CPU between starting the PIT and reading the TSC; one such run
 * would make the clock fast (or slow) for the whole boot, and it showed as
 * a wall clock seconds ahead of the host's on a loaded machine.
 */
static uint64_t median_tsc_hz(void)
{
	uint64_t hz[CALIBRATE_RUNS];

	for (int i = 0; i < CALIBRATE_RUNS; i++) {
		uint64_t v = measure_tsc_hz();
		int j = i;

		for (; j > 0 && hz[j - 1] > v; j--)
			hz[j] = hz[j - 1];
		hz[j] = v;
	}
	return hz[CALIBRATE_RUNS / 2];
}

void clock_init(void)
{
	tsc_hz = median_tsc_hz();
	tsc_mult = (NS_PER_SEC << 32) / tsc_hz;
}

uint64_t clock_ns(void)
{
	unsigned __int128 t = (unsigned __int128)(rdtsc() - boot_tsc) * tsc_mult;

	return (uint64_t)(t >> 32);
}

uint64_t clock_source_hz(void)
{
	return tsc_hz;
}

void clock_spin_ns(uint64_t ns)
{
	uint64_t end = clock_ns() + ns;

	while (clock_ns() < end)
		cpu_relax();
}
