/*
 * 4-level paging (SDM vol. 3 §4.5). Levels are numbered 3 (PML4) down to 0
 * (page table). Intermediate entries are always present+writable (+user in
 * the user half): the leaf entry alone decides the permissions (SDM §4.6.1
 * combines all levels, so the leaf's bits are what counts).
 *
 * paging_init() replaces boot.S's page tables with the kernel's own: a direct
 * map of RAM, the kernel image with per-section permissions (W^X), and a
 * preallocated PDPT for every kernel PML4 slot, after which the kernel half
 * of the PML4 is frozen and can be shared by copying.
 */
#include <atxf/errors.h>
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/paging.h"
#include "arch/x86_64/pat.h"
#include "core/bootinfo.h"
#include "core/panic.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/pmm.h"
#include "mm/vm.h"

#define ENTRIES 512
#define PML4_KERNEL_FIRST 256
#define ONE_GIB (1ul << 30)

uint64_t direct_map_offset;     /* 0 on the boot tables, see memlayout.h */
uint64_t kernel_pml4;
static bool kernel_half_frozen;

static uint64_t *table(uint64_t entry)
{
	return phys_to_virt(entry & PTE_ADDR);
}

static unsigned index_at(uint64_t va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (ENTRIES - 1);
}

static uint64_t leaf_bits(uint64_t va, unsigned prot)
{
	uint64_t e = PTE_P;

	if (prot & VM_WRITE)
		e |= PTE_W;
	if (prot & VM_USER)
		e |= PTE_U;
	if (!(prot & VM_EXEC))
		e |= PTE_NX;
	if ((prot & VM_WRITE_COMBINING) && pat_write_combining())
		e |= PTE_PAT;
	else if (prot & (VM_UNCACHED | VM_WRITE_COMBINING))
		e |= PTE_PCD | PTE_PWT;
	if (prot & VM_OWNED)
		e |= PTE_OWNED;
	if (va >= KERNEL_HALF_START)
		e |= PTE_G;
	return e;
}

/* Page-table frames of the kernel half: never freed, for the KVA region
 * never reuses an address (mm/kva.c); SYS_KERNEL_COUNTS reports them. */
static uint32_t kernel_tables;

uint32_t paging_kernel_tables(void)
{
	return __atomic_load_n(&kernel_tables, __ATOMIC_RELAXED);
}

/* Allocates the table an empty entry should point to. */
static int fill_entry(uint64_t *entry, uint64_t va, int level)
{
	if (level == 3 && va >= KERNEL_HALF_START && kernel_half_frozen)
		panic("paging: kernel PML4 slot %u used after freeze", index_at(va, 3));
	uint64_t pa = pmm_alloc_zeroed();
	if (!pa)
		return -ATXF_ENOMEM;
	if (va >= KERNEL_HALF_START)
		__atomic_fetch_add(&kernel_tables, 1, __ATOMIC_RELAXED);
	*entry = pa | PTE_P | PTE_W | (va < USER_TOP ? PTE_U : 0);
	return 0;
}

/* Finds the entry for va at level `stop` (0 for a 4 KiB PTE, 1 for a 2 MiB
 * PDE), creating tables on the way if `alloc`. NULL if absent or a large
 * page is in the way. */
static uint64_t *walk(uint64_t root, uint64_t va, int stop, bool alloc)
{
	uint64_t *t = phys_to_virt(root);

	for (int level = 3; level > stop; level--) {
		uint64_t *e = &t[index_at(va, level)];

		if (!(*e & PTE_P) && (!alloc || fill_entry(e, va, level)))
			return NULL;
		if (*e & PTE_PS)
			return NULL;
		t = table(*e);
	}
	return &t[index_at(va, stop)];
}

static void flush_if_live(uint64_t root, uint64_t va)
{
	if (va >= KERNEL_HALF_START || (read_cr3() & PTE_ADDR) == root)
		invlpg(va);
}

int paging_map(uint64_t root, uint64_t va, uint64_t pa, unsigned prot)
{
	if ((va | pa) & (PAGE_SIZE - 1) || !va_is_canonical(va))
		return -ATXF_EINVAL;
	/* No user page both writable and executable, and none in the top page
	 * of user space (a syscall there returns to a non-canonical rip). */
	if ((prot & VM_USER) && (va >= USER_TOP - PAGE_SIZE ||
				 (prot & (VM_WRITE | VM_EXEC)) == (VM_WRITE | VM_EXEC)))
		return -ATXF_EINVAL;
	uint64_t *pte = walk(root, va, 0, true);
	if (!pte)
		return -ATXF_ENOMEM;
	if (*pte & PTE_P)
		return -ATXF_EEXIST;
	*pte = pa | leaf_bits(va, prot);
	return 0;
}

int paging_unmap(uint64_t root, uint64_t va, uint64_t *pa)
{
	uint64_t *pte = walk(root, va, 0, false);

	if (!pte || !(*pte & PTE_P))
		return -ATXF_ENOENT;
	if (pa)
		*pa = *pte & PTE_ADDR;
	*pte = 0;
	flush_if_live(root, va);
	return 0;
}

int paging_remap(uint64_t root, uint64_t va, uint64_t pa, unsigned prot)
{
	uint64_t *pte;

	if ((va | pa) & (PAGE_SIZE - 1) || va >= USER_TOP ||
	    (prot & (VM_WRITE | VM_EXEC)) == (VM_WRITE | VM_EXEC))
		return -ATXF_EINVAL;
	pte = walk(root, va, 0, false);
	if (!pte || !(*pte & PTE_P))
		return -ATXF_ENOENT;
	__atomic_store_n(pte, pa | leaf_bits(va, prot), __ATOMIC_RELEASE);
	flush_if_live(root, va);
	return 0;
}

/* The caching bits as the PAT reads them, so a test sees the real type.
 * A large page keeps its PAT bit at 12 (bit 7 is PS there); the kernel
 * never sets it, so only the 4 KiB form can say write-combining. */
static unsigned memory_type_of(uint64_t e, bool large)
{
	switch (pat_type_of_pte(large ? e & ~PTE_PAT : e)) {
	case PAT_WC:
		return VM_WRITE_COMBINING;
	case PAT_UC:
	case PAT_UC_MINUS:
		return VM_UNCACHED;
	default:
		return 0;
	}
}

static unsigned prot_of(uint64_t e, bool large)
{
	return (e & PTE_W ? VM_WRITE : 0) | (e & PTE_NX ? 0 : VM_EXEC) |
	       (e & PTE_U ? VM_USER : 0) | memory_type_of(e, large) |
	       (e & PTE_OWNED ? VM_OWNED : 0);
}

bool paging_translate(uint64_t root, uint64_t va, uint64_t *pa, unsigned *prot)
{
	uint64_t *t = phys_to_virt(root);

	if (!va_is_canonical(va))
		return false;
	for (int level = 3; level >= 0; level--) {
		uint64_t e = t[index_at(va, level)];
		uint64_t span = 1ul << (PAGE_SHIFT + 9 * level);

		if (!(e & PTE_P))
			return false;
		if (level == 0 || (e & PTE_PS)) {
			if (pa)
				*pa = (e & PTE_ADDR & ~(span - 1)) | (va & (span - 1));
			if (prot)
				*prot = prot_of(e, level > 0);
			return true;
		}
		t = table(e);
	}
	return false;
}

bool paging_kernel_readable(uint64_t va, size_t len)
{
	uint64_t root = read_cr3() & PTE_ADDR;
	uint64_t end = va + len;

	for (uint64_t p = va & ~(uint64_t)(PAGE_SIZE - 1); p < end; p += PAGE_SIZE)
		if (!paging_translate(root, p, NULL, NULL))
			return false;
	return end > va;
}

static void free_table(uint64_t pa, int level)
{
	uint64_t *t = phys_to_virt(pa);

	for (int i = 0; i < ENTRIES; i++) {
		if (!(t[i] & PTE_P))
			continue;
		if (level > 0)
			free_table(t[i] & PTE_ADDR, level - 1);
		else if (t[i] & PTE_OWNED)
			pmm_free(t[i] & PTE_ADDR);
	}
	pmm_free(pa);
}

void paging_destroy_user(uint64_t root)
{
	uint64_t *pml4 = phys_to_virt(root);

	for (int i = 0; i < PML4_KERNEL_FIRST; i++)
		if (pml4[i] & PTE_P)
			free_table(pml4[i] & PTE_ADDR, 2);
	pmm_free(root);
}

/* ---- building the kernel's tables ---- */

static void map_large_or_die(uint64_t va, uint64_t pa)
{
	uint64_t *pde = walk(kernel_pml4, va, 1, true);

	if (!pde)
		panic("paging: out of memory for the direct map");
	if (!(*pde & PTE_P))
		*pde = pa | PTE_PS | (leaf_bits(va, VM_WRITE));
}

/* The direct map: every 2 MiB chunk that holds RAM or ACPI tables, RW+NX.
 * Device ranges stay unmapped here; drivers get uncached windows (kva.c). */
static void map_direct(void)
{
	for (int i = 0; i < boot_info.nmem; i++) {
		const struct boot_region *r = &boot_info.mem[i];
		uint64_t start = r->base & ~(LARGE_PAGE_SIZE - 1);
		uint64_t end = r->base + r->len;

		if (r->type != BOOT_MEM_USABLE && r->type != BOOT_MEM_ACPI_RECLAIM &&
		    r->type != BOOT_MEM_ACPI_NVS)
			continue;
		if (end > DIRECT_MAP_MAX)
			end = DIRECT_MAP_MAX;           /* beyond 64 TiB: ignored */
		for (uint64_t pa = start; pa < end; pa += LARGE_PAGE_SIZE)
			map_large_or_die(DIRECT_MAP_BASE + pa, pa);
	}
}

static void map_image_range(const char *start, const char *end, unsigned prot)
{
	for (uint64_t va = (uint64_t)start; va < (uint64_t)end; va += PAGE_SIZE)
		if (paging_map(kernel_pml4, va, kernel_image_phys((void *)va), prot))
			panic("paging: cannot map the kernel image at 0x%lx", va);
}

/* Gives every kernel PML4 slot a PDPT now, so the kernel half never changes. */
static void preallocate_kernel_slots(void)
{
	uint64_t *pml4 = phys_to_virt(kernel_pml4);

	for (uint64_t va = KVA_BASE; va < KVA_BASE + KVA_SIZE; va += 512 * ONE_GIB)
		if (!(pml4[index_at(va, 3)] & PTE_P) && fill_entry(&pml4[index_at(va, 3)], va, 3))
			panic("paging: out of memory for kernel page tables");
	kernel_half_frozen = true;
}

void paging_init(void)
{
	kernel_pml4 = pmm_alloc_zeroed();
	if (!kernel_pml4)
		panic("paging: no memory for the kernel PML4");
	map_direct();
	map_image_range(__image_start, __text_end, VM_EXEC);
	map_image_range(__text_end, __rodata_end, 0);
	map_image_range(__rodata_end, __image_end, VM_WRITE);
	preallocate_kernel_slots();

	write_cr3(kernel_pml4);
	direct_map_offset = DIRECT_MAP_BASE;
	klog("paging: kernel tables at 0x%lx, text R-X, rodata R--, data RW-, "
	     "direct map of RAM at 0x%lx", kernel_pml4, (uint64_t)DIRECT_MAP_BASE);
}
