/*
 * A per-boot secret (entropy.h). RDRAND (Intel SDM vol. 1 §7.3.17) when
 * CPUID.1:ECX[30] says the CPU has it; Intel's DRNG software guide §5.2.1
 * says to retry up to 10 times while CF reports that no value was ready.
 * TSC jitter is folded in either way, and is all there is without RDRAND:
 * the time CPUID takes (an exit to the hypervisor, or TCG's helper) varies
 * in its low bits from one boot to the next. QEMU's `-cpu max` has RDRAND.
 */
#include <stdbool.h>
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/entropy.h"
#include "arch/x86_64/features.h"
#include "lib/mix.h"

#define RDRAND_RETRIES 10
#define JITTER_SAMPLES 64

static bool rdrand64(uint64_t *v)
{
	for (int i = 0; i < RDRAND_RETRIES; i++) {
		uint8_t ok;

		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok) : : "cc");
		if (ok)
			return true;
	}
	return false;
}

static uint64_t tsc_jitter(void)
{
	uint64_t acc = rdtsc();
	uint32_t r[4];

	for (uint64_t i = 0; i < JITTER_SAMPLES; i++) {
		uint64_t start = rdtsc();

		cpuid(0, 0, r);
		acc = mix64(acc ^ (rdtsc() - start) ^ (i << 56));
	}
	return acc;
}

uint64_t arch_entropy(const char **source)
{
	uint64_t hw = 0;
	bool have = cpu_features.rdrand && rdrand64(&hw);

	*source = have ? "rdrand" : "tsc";
	return mix64(hw ^ tsc_jitter());
}
