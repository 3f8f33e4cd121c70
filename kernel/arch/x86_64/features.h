/* CPU features the kernel detects and turns on (CPUID, SDM vol. 2 CPUID). */
#ifndef ARCH_X86_64_FEATURES_H
#define ARCH_X86_64_FEATURES_H

#include <stdbool.h>

struct cpu_features {
	bool smep;              /* supervisor mode execution prevention */
	bool smap;              /* supervisor mode access prevention: stac/clac */
	bool umip;              /* user mode instruction prevention (sgdt, ...) */
	bool pge;               /* global pages */
	bool tsc_deadline;
	bool x2apic;
	bool invariant_tsc;
	bool rdrand;             /* RDRAND: the CPU's random number generator */
};

extern struct cpu_features cpu_features;

/* Detects features and sets CR0/CR4 accordingly on this CPU. */
void cpu_features_init(void);

#endif
