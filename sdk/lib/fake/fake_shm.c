/*
 * atxf_shm_probe and atxf_shm_unmap on the host (<atxf/port.h>), and a
 * test's revoke (<atxf/fake.h>): atxf_fake_shm_revoke does to a region
 * what SYS_SHM_REVOKE does to a receiver's mapping. The pages stay, turned
 * to fresh zeros in place (mmap MAP_FIXED replaces them in one step), and
 * the region is remembered as revoked, so the probe says ESTALE without
 * touching it; atxf_shm_unmap lets it go. A live mapping's unmap is only
 * counted (atxf_fake_shm_unmaps): its memory is the test's own. The probe
 * asks Linux about any other address (mincore: ENOMEM when nothing is
 * mapped there).
 */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <atxf/port.h>

#define FAKE_SHM_REVOKED_MAX 16

static struct revoked {
	uintptr_t start;
	size_t len;                     /* 0: a free slot */
} revoked[FAKE_SHM_REVOKED_MAX];

static unsigned live_unmaps;

static struct revoked *revoked_at(uintptr_t a, int first)
{
	for (int i = 0; i < FAKE_SHM_REVOKED_MAX; i++) {
		struct revoked *r = &revoked[i];

		if (r->len && a >= r->start && a - r->start < r->len && (!first || a == r->start))
			return r;
	}
	return NULL;
}

int atxf_fake_shm_revoke(void *mem, size_t len)
{
	for (int i = 0; i < FAKE_SHM_REVOKED_MAX; i++) {
		if (revoked[i].len)
			continue;
		if (mmap(mem, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			 -1, 0) == MAP_FAILED)
			return -ATXF_ENOMEM;
		revoked[i] = (struct revoked){ (uintptr_t)mem, len };
		return 0;
	}
	return -ATXF_ENOSPC;
}

int atxf_shm_unmap(void *addr)
{
	struct revoked *r = revoked_at((uintptr_t)addr, 1);

	if (!r) {
		live_unmaps++;
		return 0;
	}
	munmap(addr, r->len);
	r->len = 0;
	return 0;
}

int atxf_shm_probe(const volatile void *addr)
{
	uintptr_t page = (uintptr_t)addr & ~((uintptr_t)sysconf(_SC_PAGESIZE) - 1);
	unsigned char resident;

	if (revoked_at((uintptr_t)addr, 0))
		return -ATXF_ESTALE;
	if (mincore((void *)page, 1, &resident) < 0 && errno == ENOMEM)
		return -ATXF_EFAULT;
	return 0;
}

unsigned atxf_fake_shm_unmaps(void)
{
	return live_unmaps;
}
