/*
 * The page attribute table (SDM vol. 3 §11.12): which memory type a page's
 * PAT, PCD and PWT bits select. The kernel keeps entries 0-3 at their reset
 * values (WB, WT, UC-, UC), so PCD|PWT still means uncached, and puts
 * write-combining in entry 4, which a 4 KiB PTE selects with its PAT bit
 * alone. Framebuffers and BARs mapped with ATXF_MMIO_WRITE_COMBINING use it.
 */
#ifndef ARCH_X86_64_PAT_H
#define ARCH_X86_64_PAT_H

#include <stdbool.h>
#include <stdint.h>

#define PTE_PAT (1ul << 7)      /* in a 4 KiB PTE (bit 7 is PS one level up) */

/* Memory types, as the PAT MSR encodes them (SDM vol. 3 table 11-10). */
enum pat_type {
	PAT_UC = 0, PAT_WC = 1, PAT_WT = 4, PAT_WP = 5, PAT_WB = 6, PAT_UC_MINUS = 7,
};

/* Programs IA32_PAT if the CPU has it (CPUID.1:EDX.PAT) and logs the result. */
void pat_init(void);
/* Whether write-combining is available (otherwise it falls back to UC). */
bool pat_write_combining(void);
/* The memory type a 4 KiB PTE's PAT, PCD and PWT bits select. */
enum pat_type pat_type_of_pte(uint64_t pte);

#endif
