/*
 * The ring tests' region, sides and signal record (test_ring_util.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <atxf/port.h>
#include "test_ring_util.h"

static unsigned doorbells, completions;

int atxf_notify(atxf_handle_t port, uint64_t bits)
{
	if (port == DOORBELL_PORT && bits == DOORBELL_BIT)
		doorbells++;
	else if (port == COMPLETION_PORT && bits == COMPLETION_BIT)
		completions++;
	else
		fail_msg("a signal to port %d bits %#llx: nobody listens there", port,
			 (unsigned long long)bits);
	return 0;
}

unsigned signals_to(int port)
{
	return port == DOORBELL_PORT ? doorbells : completions;
}

void signals_reset(void)
{
	doorbells = completions = 0;
}

static void set_indices(struct atxf_ring_indices *i, uint32_t v)
{
	i->prod = i->cons = i->wake = v;
}

struct pair *pair_new(uint32_t entries, uint32_t data_size, uint32_t start)
{
	struct pair *p = calloc(1, sizeof(*p));
	struct atxf_ring_header *h;

	assert_non_null(p);
	p->size = atxf_ring_region_size(entries, data_size);
	p->mem = mmap(NULL, p->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(p->mem != MAP_FAILED);
	assert_int_equal(atxf_ring_format(p->mem, p->size, entries), 0);
	h = p->mem;
	set_indices(&h->sq, start);
	set_indices(&h->cq, start);
	assert_int_equal(atxf_ring_client_attach(&p->client, p->mem, p->size, DOORBELL_PORT,
						 DOORBELL_BIT), 0);
	assert_int_equal(atxf_ring_driver_attach(&p->driver, p->mem, p->size, COMPLETION_PORT,
						 COMPLETION_BIT), 0);
	signals_reset();
	return p;
}

void pair_revoke(struct pair *p)
{
	assert_int_equal(atxf_fake_shm_revoke(p->mem, p->size), 0);
	p->revoked = 1;
}

void pair_free(struct pair *p)
{
	if (p->revoked) {
		assert_int_equal(atxf_shm_unmap(p->mem), 0);
		assert_int_equal(atxf_shm_probe(p->mem), -ATXF_EFAULT);
	} else {
		munmap(p->mem, p->size);
	}
	free(p);
}

struct atxf_ring_desc req(uint32_t id, uint32_t off, uint32_t len)
{
	return (struct atxf_ring_desc){ .id = id, .opcode = 1, .offset = off, .length = len };
}

void submit_many(struct pair *p, uint32_t first, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		struct atxf_ring_desc d = req(first + i, 16 * i, 16);

		assert_int_equal(atxf_ring_submit(&p->client, &d), 0);
	}
}

unsigned serve_all(struct pair *p, int reverse)
{
	struct atxf_ring_desc got[ATXF_RING_MAX_ENTRIES];
	unsigned n = 0;

	while (atxf_ring_next(&p->driver, &got[n]) == 1)
		n++;
	for (unsigned i = 0; i < n; i++) {
		const struct atxf_ring_desc *d = &got[reverse ? n - 1 - i : i];

		assert_int_equal(atxf_ring_complete(&p->driver, d->id, (int32_t)d->id, d->length), 0);
	}
	return n;
}
