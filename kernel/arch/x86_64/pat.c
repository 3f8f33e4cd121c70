/*
 * Page attribute table setup (arch/x86_64/pat.h). Written once at boot,
 * before any write-combining mapping exists, so no cached copy of a page
 * can disagree with its new type (SDM vol. 3 §11.12.4 asks for that).
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/paging.h"
#include "arch/x86_64/pat.h"
#include "lib/log.h"

#define MSR_IA32_PAT   0x277u
#define CPUID1_EDX_PAT (1u << 16)
#define WC_INDEX       4u

static bool have_wc;

/* Entry i of the table occupies bits 8i..8i+2. */
static uint64_t entry(unsigned i, enum pat_type t)
{
	return (uint64_t)t << (8 * i);
}

static uint64_t wanted_table(void)
{
	return entry(0, PAT_WB) | entry(1, PAT_WT) | entry(2, PAT_UC_MINUS) |
	       entry(3, PAT_UC) | entry(WC_INDEX, PAT_WC) | entry(5, PAT_WT) |
	       entry(6, PAT_UC_MINUS) | entry(7, PAT_UC);
}

void pat_init(void)
{
	uint32_t r[4];

	cpuid(1, 0, r);
	if (!(r[3] & CPUID1_EDX_PAT)) {
		klog("pat: absent: write-combining mappings fall back to uncached");
		return;
	}
	wrmsr(MSR_IA32_PAT, wanted_table());
	have_wc = rdmsr(MSR_IA32_PAT) == wanted_table();
	klog("pat: entry %u is write-combining%s", WC_INDEX,
	     have_wc ? "" : ": the write did not hold, mappings fall back to uncached");
}

bool pat_write_combining(void)
{
	return have_wc;
}

enum pat_type pat_type_of_pte(uint64_t pte)
{
	unsigned index = (pte & PTE_PAT ? 4u : 0u) | (pte & PTE_PCD ? 2u : 0u) |
			 (pte & PTE_PWT ? 1u : 0u);
	uint64_t table = have_wc ? rdmsr(MSR_IA32_PAT) : wanted_table() & 0xffffffffu;

	if (!have_wc && index >= 4)     /* the reset table repeats entries 0-3 */
		index -= 4;
	return (enum pat_type)((table >> (8 * index)) & 7u);
}
