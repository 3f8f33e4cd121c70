/* A per-boot secret for the kernel: RDRAND when present, else TSC jitter. */
#ifndef ARCH_X86_64_ENTROPY_H
#define ARCH_X86_64_ENTROPY_H

#include <stdint.h>

/*
 * 64 unpredictable bits, as far as the CPU allows; *source names where
 * they came from ("rdrand", or "tsc" on a CPU without it) for the log.
 * Call after cpu_features_init(). Slow (dozens of CPUID): for seeding only.
 */
uint64_t arch_entropy(const char **source);

#endif
