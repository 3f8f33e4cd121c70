/*
 * Memory self-test: the frame allocator, the kernel image's W^X layout, and
 * a user address space (map, translate, refuse W+X, unmap, destroy, and
 * the revoke's alias) with every frame accounted for afterwards.
 */
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "arch/x86_64/pat.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/aspace.h"
#include "mm/heap.h"
#include "mm/kva.h"
#include "mm/pmm.h"
#include "mm/vm.h"
#include "test/ktest.h"

static int writable_data = 1;
static const int readonly_data = 2;

static int test_frames(void)
{
	uint64_t before = pmm_free_frames();
	uint64_t a = pmm_alloc(), b = pmm_alloc_zeroed();

	KTEST_CHECK(a && b && a != b && !(a & 0xfff) && !(b & 0xfff), "frames %lx %lx", a, b);
	KTEST_CHECK(pmm_free_frames() == before - 2, "free count after alloc");
	KTEST_CHECK(((uint64_t *)phys_to_virt(b))[511] == 0, "zeroed frame is not zero");
	pmm_free(a);
	pmm_free(b);
	KTEST_CHECK(pmm_free_frames() == before, "free count after free");
	return 0;
}

static int expect_prot(const void *p, unsigned want, const char *what)
{
	unsigned prot;

	KTEST_CHECK(paging_translate(kernel_pml4, (uint64_t)p, NULL, &prot), "%s unmapped", what);
	prot &= VM_WRITE | VM_EXEC | VM_USER;
	KTEST_CHECK(prot == want, "%s has prot 0x%x, want 0x%x", what, prot, want);
	return 0;
}

static int test_kernel_layout(void)
{
	if (expect_prot((const void *)test_kernel_layout, VM_EXEC, "kernel text") ||
	    expect_prot(&readonly_data, 0, "kernel rodata") ||
	    expect_prot(&writable_data, VM_WRITE, "kernel data"))
		return -1;
	KTEST_CHECK(!paging_translate(kernel_pml4, 0x1000, NULL, NULL), "low memory is mapped");
	return 0;
}

static int test_aspace(void)
{
	const uint64_t va = 0x400000;
	unsigned prot;
	uint64_t pa;

	kfree(kmalloc(sizeof(struct aspace)));  /* its heap class has room now */
	uint64_t before = pmm_free_frames();
	struct aspace *as = aspace_create();

	KTEST_CHECK(as, "aspace_create");
	KTEST_CHECK(aspace_map_new(as, va, 3, VM_WRITE) == 0, "map 3 pages");
	KTEST_CHECK(paging_translate(as->root, va + 0x1234, &pa, &prot) && (pa & 0xfff) == 0x234,
		    "translate");
	KTEST_CHECK((prot & (VM_USER | VM_WRITE | VM_EXEC)) == (VM_USER | VM_WRITE), "prot 0x%x", prot);
	KTEST_CHECK(aspace_map_new(as, va + 0x10000, 1, VM_WRITE | VM_EXEC) == -ATXF_EINVAL,
		    "a writable+executable user page was accepted");
	KTEST_CHECK(aspace_map_new(as, 0xffff800000000000ul, 1, 0) == -ATXF_EINVAL,
		    "a user page in the kernel half was accepted");
	KTEST_CHECK(aspace_map_new(as, va + 0x2000, 2, 0) == -ATXF_EEXIST &&
		    !paging_translate(as->root, va + 0x3000, NULL, NULL), "overlap must map nothing");
	KTEST_CHECK(paging_translate(as->root, (uint64_t)test_aspace, NULL, NULL),
		    "the kernel half is shared");
	aspace_unmap(as, va + 0x1000, 1);
	KTEST_CHECK(!paging_translate(as->root, va + 0x1000, NULL, NULL) && as->pages == 2, "unmap");
	aspace_destroy(as);
	KTEST_CHECK(pmm_free_frames() == before, "%ld frames leaked",
		    (long)(before - pmm_free_frames()));
	return 0;
}

static int test_kva(void)
{
	uint64_t pa = pmm_alloc_zeroed();
	volatile uint32_t *alias = kva_map_phys(pa, 4, VM_WRITE);

	KTEST_CHECK(alias, "kva_map_phys");
	*alias = 0x600df00d;
	KTEST_CHECK(*(uint32_t *)phys_to_virt(pa) == 0x600df00d, "aliases disagree");
	kva_unmap_phys((void *)alias, 4);
	KTEST_CHECK(!paging_translate(kernel_pml4, (uint64_t)alias, NULL, NULL), "kva unmap");
	pmm_free(pa);
	return 0;
}

/* The memory type a device mapping gets, read back through the PAT MSR:
 * write-combining where the CPU has the PAT, uncached otherwise. */
static int test_memory_types(void)
{
	const uint64_t va = 0x500000, device = 0xfd000000;
	struct aspace *as = aspace_create();
	unsigned wc, uc, ram;
	unsigned want_wc = pat_write_combining() ? VM_WRITE_COMBINING : VM_UNCACHED;

	KTEST_CHECK(as, "aspace_create");
	KTEST_CHECK(!aspace_map_phys(as, va, device, 1, VM_WRITE | VM_WRITE_COMBINING) &&
		    !aspace_map_phys(as, va + 0x1000, device, 1, VM_WRITE | VM_UNCACHED) &&
		    !aspace_map_new(as, va + 0x2000, 1, VM_WRITE), "map three pages");
	KTEST_CHECK(paging_translate(as->root, va, NULL, &wc) &&
		    paging_translate(as->root, va + 0x1000, NULL, &uc) &&
		    paging_translate(as->root, va + 0x2000, NULL, &ram), "translate");
	aspace_destroy(as);
	KTEST_CHECK((wc & (VM_WRITE_COMBINING | VM_UNCACHED)) == want_wc,
		    "a write-combining page reads back as 0x%x", wc);
	KTEST_CHECK((uc & (VM_WRITE_COMBINING | VM_UNCACHED)) == VM_UNCACHED,
		    "an uncached page reads back as 0x%x", uc);
	KTEST_CHECK(!(ram & (VM_WRITE_COMBINING | VM_UNCACHED)), "RAM reads back as 0x%x", ram);
	klog("ktest mm: device pages are %s, RAM write-back",
	     want_wc == VM_WRITE_COMBINING ? "write-combining or uncached as asked"
					   : "uncached (no PAT)");
	return 0;
}

/* What a revoke does to a receiver (ipc/shm.h): two borrowed frames'
 * pages both turn to one stand-in, which stays borrowed, so destroying
 * the address space frees none of the three. */
static int test_alias(void)
{
	const uint64_t va = 0x600000;
	uint64_t before = pmm_free_frames(), f[3] = { pmm_alloc_zeroed(), pmm_alloc_zeroed(),
						       pmm_alloc_zeroed() };
	struct aspace *as = aspace_create();
	unsigned prot[2];
	uint64_t pa[2];

	KTEST_CHECK(as && f[0] && f[1] && f[2], "aspace_create and three frames");
	KTEST_CHECK(!aspace_map_phys(as, va, f[0], 1, VM_WRITE) &&
		    !aspace_map_phys(as, va + 0x1000, f[1], 1, VM_WRITE), "map two frames");
	KTEST_CHECK(aspace_alias(as, va, 2, f[2], VM_WRITE) == 0, "alias two pages");
	KTEST_CHECK(aspace_alias(as, va + 0x5000, 1, f[2], 0) == -ATXF_ENOENT,
		    "aliasing a page not mapped");
	for (int i = 0; i < 2; i++)
		KTEST_CHECK(paging_translate(as->root, va + i * 0x1000ul, &pa[i], &prot[i]) &&
			    pa[i] == f[2] && (prot[i] & (VM_WRITE | VM_OWNED)) == VM_WRITE,
			    "page %d: frame %lx prot 0x%x after the alias", i, pa[i], prot[i]);
	aspace_destroy(as);
	KTEST_CHECK(pmm_free_frames() == before - 3, "destroy freed a borrowed frame");
	for (int i = 0; i < 3; i++)
		pmm_free(f[i]);
	KTEST_CHECK(pmm_free_frames() == before, "%ld frames leaked",
		    (long)(before - pmm_free_frames()));
	return 0;
}

int ktest_mm(void)
{
	if (test_frames() || test_kernel_layout() || test_aspace() || test_kva() ||
	    test_memory_types() || test_alias())
		return -1;
	klog("ktest mm: frames, kernel W^X, address spaces and kva behave");
	return 0;
}
