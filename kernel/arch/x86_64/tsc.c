/*
 * The monotonic clock on x86_64: the time-stamp counter, calibrated once
 * against the PIT's channel 2 count. We assume an invariant TSC (SDM vol. 3 §18.17.1), which
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

#define SAMPLE_TRIES 16

/*
 * A PIT count and the TSC at the moment it was latched: of SAMPLE_TRIES
 * reads, each between two TSC reads, the one those two bracket tightest,
 * so a read the vCPU was descheduled in (TCG on a loaded host) is not used.
 */
static void sample(uint64_t *tsc, uint16_t *count)
{
	uint64_t best = UINT64_MAX;

	for (int i = 0; i < SAMPLE_TRIES; i++) {
		uint64_t before = rdtsc();
		uint16_t c = pit_oneshot_count();
		uint64_t after = rdtsc();

		if (after - before < best) {
			best = after - before;
			*tsc = before + best / 2;
			*count = c;
		}
	}
}

/* TSC ticks per second across at least CALIBRATE_TICKS of a PIT countdown:
 * reading the count at both ends, rather than waiting for the countdown to
 * end, leaves out however late the last poll would see it. */
static uint64_t measure_tsc_hz(void)
{
	uint64_t t0 = 0, t1 = 0;
	uint16_t c0 = 0, c1 = 0;

	pit_oneshot_start(0xffff);
	sample(&t0, &c0);
	do {
		cpu_relax();
		sample(&t1, &c1);
	} while ((uint16_t)(c0 - c1) < CALIBRATE_TICKS);
	return (t1 - t0) * PIT_HZ / (uint16_t)(c0 - c1);
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
