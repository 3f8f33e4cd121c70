/*
 * Detect CPU features and switch on the protections the kernel relies on:
 * CR0.WP (boot.S already set it: ring 0 honours read-only pages), global
 * pages, SMEP and SMAP (SDM vol. 3 §4.6: ring 0 may neither execute nor,
 * outside stac/clac, touch user pages), UMIP (SDM vol. 3 §2.5: sgdt and
 * friends fault in ring 3), and SSE state for user programs (CR4.OSFXSR).
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/features.h"
#include "lib/log.h"
#include "lib/string.h"

#define CR0_MP (1ul << 1)
#define CR0_EM (1ul << 2)
#define CR0_NE (1ul << 5)

struct cpu_features cpu_features;

static void detect(void)
{
	uint32_t r[4];

	cpuid(1, 0, r);
	cpu_features.pge = r[3] & (1u << 13);
	cpu_features.x2apic = r[2] & (1u << 21);
	cpu_features.tsc_deadline = r[2] & (1u << 24);
	cpu_features.rdrand = r[2] & (1u << 30);
	cpuid(0, 0, r);
	if (r[0] >= 7) {
		cpuid(7, 0, r);
		cpu_features.smep = r[1] & (1u << 7);
		cpu_features.smap = r[1] & (1u << 20);
		cpu_features.umip = r[2] & (1u << 2);
	}
	cpuid(0x80000000, 0, r);
	if (r[0] >= 0x80000007) {
		cpuid(0x80000007, 0, r);
		cpu_features.invariant_tsc = r[3] & (1u << 8);
	}
}

static void brand(char out[49])
{
	uint32_t r[4];

	cpuid(0x80000000, 0, r);
	if (r[0] < 0x80000004) {
		strlcpy(out, "unknown CPU", 49);
		return;
	}
	for (uint32_t i = 0; i < 3; i++) {
		cpuid(0x80000002 + i, 0, r);
		memcpy(out + 16 * i, r, 16);
	}
	out[48] = '\0';
}

void cpu_features_init(void)
{
	uint64_t cr4 = read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT;
	char name[49];
	const char *p = name;

	detect();
	if (cpu_features.pge)
		cr4 |= CR4_PGE;
	if (cpu_features.smep)
		cr4 |= CR4_SMEP;
	if (cpu_features.smap)
		cr4 |= CR4_SMAP;
	if (cpu_features.umip)
		cr4 |= CR4_UMIP;
	write_cr4(cr4);
	write_cr0((read_cr0() | CR0_MP | CR0_NE) & ~CR0_EM);
	brand(name);
	while (*p == ' ')
		p++;
	klog("cpu: %s", p);
	klog("cpu: nx on, smep %s, smap %s, umip %s, global pages %s, invariant tsc %s",
	     cpu_features.smep ? "on" : "absent", cpu_features.smap ? "on" : "absent",
	     cpu_features.umip ? "on" : "absent", cpu_features.pge ? "on" : "absent",
	     cpu_features.invariant_tsc ? "yes" : "no");
}
