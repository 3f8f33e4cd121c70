/*
 * Fake capabilities: the table atxf_cap_query() reads, filled by the test
 * the way devmgr grants resources (handles from ATXF_HANDLE_FIRST_EXTRA, in
 * the order created), so the driver framework's resource discovery and a
 * driver's own checks run on the host. derive and drop behave as the
 * kernel's do: a derived capability lies within its parent, with no more
 * rights.
 */
#include <string.h>
#include <atxf/proc.h>
#include "fake_internal.h"

static struct fake_cap caps[ATXF_MAX_HANDLES];

void __atxf_fake_reset_caps(void)
{
	memset(caps, 0, sizeof(caps));
}

static struct fake_cap *cap_at(atxf_handle_t h)
{
	if (h < 0 || h >= ATXF_MAX_HANDLES || !caps[h].used)
		return NULL;
	return &caps[h];
}

struct fake_cap *__atxf_fake_cap_get(atxf_handle_t h, uint32_t kind)
{
	struct fake_cap *c = cap_at(h);

	return c != NULL && c->info.kind == kind ? c : NULL;
}

static atxf_handle_t cap_new(const struct atxf_cap_info *info)
{
	for (atxf_handle_t h = ATXF_HANDLE_FIRST_EXTRA; h < ATXF_MAX_HANDLES; h++) {
		if (!caps[h].used) {
			memset(&caps[h], 0, sizeof(caps[h]));
			caps[h].used = 1;
			caps[h].info = *info;
			return h;
		}
	}
	__atxf_fake_note("no free capability handle (%d in use)", ATXF_MAX_HANDLES);
	return -ATXF_ENOSPC;
}

atxf_handle_t atxf_fake_cap_add(uint32_t kind, uint32_t rights, uint64_t base, uint64_t size)
{
	struct atxf_cap_info info = { .kind = kind, .rights = rights, .base = base, .size = size };

	if (kind == ATXF_CAP_NONE || kind > ATXF_CAP_PCI || (rights & ~ATXF_RIGHTS_ALL) != 0) {
		__atxf_fake_note("atxf_fake_cap_add: bad kind %u or rights 0x%x", kind, rights);
		return -ATXF_EINVAL;
	}
	return cap_new(&info);
}

atxf_handle_t atxf_fake_cap_ioport(uint16_t base, uint32_t count, uint32_t rights)
{
	if (count == 0 || base + count > 0x10000) {
		__atxf_fake_note("atxf_fake_cap_ioport: %u ports at 0x%x do not fit", count, base);
		return -ATXF_EINVAL;
	}
	return atxf_fake_cap_add(ATXF_CAP_IOPORT, rights, base, count);
}

atxf_handle_t atxf_fake_cap_irq(unsigned line)
{
	/* READ, as the manifest's ATXF_RESOURCE_IRQ asks for. */
	return atxf_fake_cap_add(ATXF_CAP_IRQ, ATXF_RIGHT_READ, line, 1);
}

atxf_handle_t atxf_fake_cap_pci(uint32_t bdf, uint8_t *config, size_t size,
				atxf_fake_pci_write_fn write, void *ctx)
{
	atxf_handle_t h;

	if (config == NULL || (size != 256 && size != 4096)) {
		__atxf_fake_note("atxf_fake_cap_pci: config space must be 256 or 4096 bytes");
		return -ATXF_EINVAL;
	}
	h = atxf_fake_cap_add(ATXF_CAP_PCI, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, bdf, size);
	if (h >= 0)
		caps[h].pci = (struct fake_pci){ config, size, write, ctx };
	return h;
}

int atxf_cap_query(atxf_handle_t h, struct atxf_cap_info *info)
{
	struct fake_cap *c = cap_at(h);

	if (c == NULL)
		return -ATXF_EBADH;
	*info = c->info;
	return 0;
}

atxf_handle_t atxf_cap_derive(atxf_handle_t h, uint64_t base, uint64_t size, uint32_t rights)
{
	struct fake_cap *c = cap_at(h);
	atxf_handle_t n;

	if (c == NULL)
		return -ATXF_EBADH;
	if ((rights & ~c->info.rights) != 0)
		return -ATXF_EPERM;
	if (base < c->info.base || size > c->info.size ||
	    base - c->info.base > c->info.size - size)
		return -ATXF_ERANGE;
	n = cap_new(&c->info);
	if (n >= 0) {
		caps[n].pci = c->pci;
		caps[n].info.base = base;
		caps[n].info.size = size;
		caps[n].info.rights = rights;
	}
	return n;
}

int atxf_cap_drop(atxf_handle_t h)
{
	struct fake_cap *c = cap_at(h);

	if (c == NULL)
		return -ATXF_EBADH;
	memset(c, 0, sizeof(*c));
	return 0;
}
