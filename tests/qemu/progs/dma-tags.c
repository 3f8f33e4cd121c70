/*
 * dma-tags.atxf: the kernel's checks of DMA requests, as a table of named
 * cases (docs/syscalls.md SYS_DMA_ALLOC, SYS_DMA_MAP, SYS_DMA_UNMAP,
 * SYS_DMA_FAULT_*): each bad request is refused with its error and leaves
 * the DMA budget as it was; a mapping is split into segments at the tag's
 * maximum segment and boundary.
 *
 *   dma-tags.atxf
 *   start line: `with pci:BB:DD.F:r dma:16K:w` (no ROOT)
 *
 * The mapping cases map a grant of its own pages, received on its own
 * port, as a driver maps a client's.
 *
 * Output: `dma-tags: OK NAME` or `dma-tags: FAIL NAME: why` per case,
 * then `dma-tags: N of N cases passed`. Exit 0 when all pass, else 1.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/syscalls.h>
#include "caps.h"
#include "edu_dma.h"

#define PAGE      4096u
#define MAP_PAGES 4u

static atxf_handle_t pci, budget, shm;
static unsigned passed, total;

static void check(const char *name, int ok, const char *why)
{
	total++;
	passed += ok;
	if (ok)
		atxf_log("dma-tags: OK %s\n", name);
	else
		atxf_log("dma-tags: FAIL %s: %s\n", name, why);
}

static struct atxf_dma_tag tag(uint8_t bits, uint32_t max_seg, uint32_t boundary)
{
	return (struct atxf_dma_tag){ .pci = pci, .addr_bits = bits, .max_seg = max_seg,
				      .boundary = boundary };
}

/* An allocation that must be refused with want, leaving no buffer. */
static void refused(const char *name, struct atxf_dma_tag t, size_t size, int want)
{
	struct atxf_dma d;
	int err = atxf_dma_alloc(&t, size, &d);

	check(name, err == want && d.handle == ATXF_HANDLE_NONE, atxf_strerror(err));
}

static void alloc_cases(void)
{
	struct atxf_dma_tag t = tag(28, 0, 0), bad = t;
	struct atxf_dma a, b;
	int err;

	bad.pci = budget;
	refused("a tag naming a DMA capability, not a PCI one: EBADH", bad, PAGE, -ATXF_EBADH);
	err = atxf_dma_alloc((const struct atxf_dma_tag *)16, PAGE, &a);
	check("a tag at address 16: EFAULT", err == -ATXF_EFAULT, atxf_strerror(err));
	refused("addr_bits 8: EINVAL", tag(8, 0, 0), PAGE, -ATXF_EINVAL);
	refused("max_seg not a multiple of 4096: EINVAL", tag(28, 5000, 0), PAGE, -ATXF_EINVAL);
	refused("a boundary that is no power of two: EINVAL", tag(28, 0, 3 * PAGE), PAGE,
		-ATXF_EINVAL);
	refused("a buffer longer than max_seg: EINVAL", tag(28, PAGE, 0), 2 * PAGE, -ATXF_EINVAL);
	refused("a buffer longer than the boundary: EINVAL", tag(28, 0, PAGE), 2 * PAGE,
		-ATXF_EINVAL);
	refused("size 0: EINVAL", t, 0, -ATXF_EINVAL);
	refused("more than the budget: ENOMEM", t, 32 * PAGE, -ATXF_ENOMEM);
	bad = t;
	bad.reserved[1] = 1;
	refused("reserved bytes set: EINVAL", bad, PAGE, -ATXF_EINVAL);
	check("the whole budget allocates after the refusals", atxf_dma_alloc(&t, 4 * PAGE, &a) == 0,
	      "the refusals changed the budget");
	refused("nothing left of the budget: ENOMEM", t, PAGE, -ATXF_ENOMEM);
	atxf_dma_free(&a);
	t = tag(28, 0, 2 * PAGE);
	err = atxf_dma_alloc(&t, 2 * PAGE, &b);
	check("a buffer with an 8 KiB boundary stays inside one window, below 2^28",
	      err == 0 && b.bus_addr / (2 * PAGE) == (b.bus_addr + 2 * PAGE - 1) / (2 * PAGE) &&
	      b.bus_addr + b.size <= (1ull << 28), atxf_strerror(err));
	atxf_dma_free(&b);
}

/* A grant of MAP_PAGES of our own memory, received on our own port: an
 * SHM handle as a client's driver would get it. */
static atxf_handle_t own_grant(void)
{
	uint8_t *mem = atxf_mem_map(NULL, MAP_PAGES * PAGE, ATXF_PROT_READ | ATXF_PROT_WRITE);
	atxf_handle_t port = atxf_port_create();
	struct atxf_msg m;
	long grant;

	if (!mem || port < 0)
		return ATXF_HANDLE_NONE;
	memset(mem, 1, MAP_PAGES * PAGE);
	grant = atxf_shm_grant(mem, MAP_PAGES * PAGE, port, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	atxf_msg_init(&m, 1);
	if (grant < 0 || atxf_msg_put_cap(&m, (atxf_handle_t)grant) < 0 ||
	    atxf_send(port, &m, 0) < 0 || atxf_recv(port, &m, ATXF_TIMEOUT_NONE) < 0 ||
	    m.ncaps != 1)
		return ATXF_HANDLE_NONE;
	return m.caps[0];
}

/* Whether m's segments cover the grant within t's limits. */
static int segments_fit(const struct atxf_dma_map *m, const struct atxf_dma_tag *t)
{
	uint64_t sum = 0;

	for (uint32_t i = 0; i < m->nsegs; i++) {
		const struct atxf_dma_seg *s = &m->seg[i];

		sum += s->len;
		if (!s->len || s->len % PAGE || (t->max_seg && s->len > t->max_seg) ||
		    (t->boundary && s->bus_addr / t->boundary !=
		     (s->bus_addr + s->len - 1) / t->boundary))
			return 0;
	}
	return m->nsegs && sum == MAP_PAGES * PAGE && m->size == sum;
}

static void segments_case(const char *name, struct atxf_dma_tag t, uint32_t min_segs)
{
	struct atxf_dma_map m;
	int err = atxf_dma_map(&t, shm, &m);

	check(name, err == 0 && segments_fit(&m, &t) && m.nsegs >= min_segs,
	      err ? atxf_strerror(err) : "segments break the limits or miss bytes");
	atxf_dma_unmap(&m);
}

static void map_cases(void)
{
	struct atxf_dma_tag t = tag(28, 0, 0);
	struct atxf_dma_map m, copy;
	int err = atxf_dma_map(&t, budget, &m);

	check("mapping a DMA capability as shared pages: EBADH", err == -ATXF_EBADH,
	      atxf_strerror(err));
	shm = own_grant();
	check("a grant of our own pages, received on our port", shm >= 0, "no SHM handle");
	segments_case("4 pages, no limits: the segments cover them", t, 1);
	segments_case("4 pages, max_seg 4096: at least 4 segments", tag(28, PAGE, 0), 4);
	segments_case("4 pages, 8 KiB boundary: no segment crosses one", tag(28, 0, 2 * PAGE), 2);
	err = atxf_dma_map(&t, shm, &m);
	copy = m;
	check("SYS_DMA_FREE of a mapping: EBADH, the mapping stays",
	      err == 0 && atxf_syscall(SYS_DMA_FREE, m.handle, 0, 0, 0, 0, 0) == -ATXF_EBADH,
	      atxf_strerror(err));
	check("the mapping unmaps", atxf_dma_unmap(&m) == 0, "SYS_DMA_UNMAP refused");
	check("a second unmap of its handle: EBADH", atxf_dma_unmap(&copy) == -ATXF_EBADH,
	      "unmapped twice");
}

static void fault_cases(void)
{
	struct atxf_dma_fault f;
	atxf_handle_t port = atxf_port_create();

	check("watching DMA faults without ROOT: EPERM",
	      atxf_dma_fault_watch(port, 1) == -ATXF_EPERM, "allowed");
	check("reading DMA faults without ROOT: EPERM", atxf_dma_fault_next(&f) == -ATXF_EPERM,
	      "allowed");
}

int main(void)
{
	struct atxf_cap_info info;

	pci = given_cap(ATXF_CAP_PCI, &info);
	budget = given_cap(ATXF_CAP_DMA, &info);
	if (pci < 0 || budget < 0) {
		atxf_log("dma-tags: FAIL setup: init gave no PCI or DMA capability\n");
		return 1;
	}
	alloc_cases();
	map_cases();
	fault_cases();
	atxf_log("dma-tags: %u of %u cases passed\n", passed, total);
	return passed == total ? 0 : 1;
}
