/*
 * Host tests of block DMA (sdk/lib/driver/block_dma.c): a block request's
 * bytes in a client's attached buffer as page-split bus segments of the
 * fake DMA, which atxf_fake_dma_to_host turns back into the client's
 * memory; a revoked buffer refused with ESTALE; a mapping kept while a
 * transfer uses it after its client let go.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/driver.h>
#include <atxf/driver/block.h>
#include <atxf/driver/block_dma.h>
#include <atxf/fake.h>
#include <atxf/port.h>
#include "test_driver_ports.h"
#include "test_driver_util.h"

#define BUF_SIZE (4 * 4096)

static int rd(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	(void)dev, (void)sector, (void)count, (void)buf;
	return 0;
}

static const struct atxf_block_ops bops = { .read = rd };
static const struct atxf_driver ops = { .name = "tdev", ATXF_BLOCK_OPS(bops) };
static struct atxf_block_sg sg;

/* A block device with a DMA tag, and pid's buffer attached: the buffer. */
static uint8_t *setup(struct tdev *t, uint32_t max_seg)
{
	struct atxf_dma_tag tag = { .addr_bits = 64, .max_seg = max_seg };
	struct atxf_msg req, reply;
	void *mem = NULL;

	tport_reset();
	tdev_init(t, ATXF_CLASS_BLOCK, &ops);
	tag.pci = atxf_fake_cap_add(ATXF_CAP_PCI, ATXF_RIGHT_READ, 0x18, 1);
	assert_int_equal(atxf_block_dma_setup(&t->dev, &tag), 0);
	memset(&req, 0, sizeof(req));
	req.type = ATXF_BLOCK_ATTACH_BUFFER;
	req.sender = TDEV_CLIENT;
	req.ncaps = 1;
	req.caps[0] = tport_shm_dma(BUF_SIZE, &mem);
	assert_int_equal(atxf_driver_dispatch(&t->dev, &req, &reply), 0);
	return mem;
}

/* Every byte of sg is the client's byte at buf + i, and no segment crosses a page. */
static void assert_sg_is(const struct atxf_block_sg *s, uint8_t *buf, uint64_t len)
{
	uint64_t at = 0;

	assert_int_equal(s->len, len);
	for (unsigned i = 0; i < s->nsegs; i++) {
		const struct atxf_dma_seg *g = &s->seg[i];

		assert_true(g->len > 0);
		assert_true(g->bus_addr / 4096 == (g->bus_addr + g->len - 1) / 4096);
		assert_ptr_equal(atxf_fake_dma_to_host(g->bus_addr, g->len), buf + at);
		at += g->len;
	}
	assert_int_equal(at, len);
}

static void test_segments_are_the_clients_bytes_split_at_pages(void **state)
{
	struct tdev t;
	uint8_t *mem;

	(void)state;
	mem = setup(&t, 0);
	assert_int_equal(atxf_block_dma_get(&t.dev, mem + 512, 8192, 16, &sg), 0);
	assert_int_equal(sg.nsegs, 3);          /* 3584 + 4096 + 512 */
	assert_sg_is(&sg, mem + 512, 8192);
	assert_int_equal(atxf_block_dma_live(&t.dev), 1);
	atxf_block_dma_put(&t.dev, sg.binding);
	/* The client is still attached: the mapping stays for its next request. */
	assert_int_equal(atxf_block_dma_live(&t.dev), 1);
	assert_int_equal(atxf_block_dma_get(&t.dev, mem, BUF_SIZE, 16, &sg), 0);
	assert_int_equal(sg.nsegs, 4);
	assert_sg_is(&sg, mem, BUF_SIZE);
	assert_int_equal(atxf_block_dma_live(&t.dev), 1);
}

/* A mapping the kernel split (max_seg one page) is walked across its segments. */
static void test_a_split_mapping_is_walked_across_segments(void **state)
{
	struct tdev t;
	uint8_t *mem;

	(void)state;
	mem = setup(&t, 4096);
	assert_int_equal(atxf_block_dma_get(&t.dev, mem + 4096 + 1024, 2 * 4096, 16, &sg), 0);
	assert_int_equal(sg.nsegs, 3);
	assert_sg_is(&sg, mem + 4096 + 1024, 2 * 4096);
}

static void test_bad_requests_are_refused(void **state)
{
	struct tdev t;
	uint8_t *mem, other[512];

	(void)state;
	mem = setup(&t, 0);
	assert_int_equal(atxf_block_dma_get(&t.dev, mem, 0, 16, &sg), -ATXF_EINVAL);
	assert_int_equal(atxf_block_dma_get(&t.dev, other, 512, 16, &sg), -ATXF_EINVAL);
	/* Past the buffer's end. */
	assert_int_equal(atxf_block_dma_get(&t.dev, mem + BUF_SIZE - 512, 1024, 16, &sg),
			 -ATXF_EINVAL);
	/* More segments than the engine takes. */
	assert_int_equal(atxf_block_dma_get(&t.dev, mem + 512, 8192, 2, &sg), -ATXF_ERANGE);
	assert_int_equal(sg.nsegs, 0);
	assert_int_equal(sg.binding, 0);
}

static void test_no_setup_is_refused(void **state)
{
	struct tdev t;
	uint8_t *mem;

	(void)state;
	mem = setup(&t, 0);
	t.core.dma_ready = 0;
	assert_int_equal(atxf_block_dma_get(&t.dev, mem, 512, 16, &sg), -ATXF_EINVAL);
	assert_int_equal(atxf_block_dma_live(&t.dev), 0);
}

/* Revoked before the first request: never mapped, ESTALE. */
static void test_a_revoked_buffer_is_stale(void **state)
{
	struct tdev t;
	uint8_t *mem;

	(void)state;
	mem = setup(&t, 0);
	assert_int_equal(atxf_fake_shm_revoke(mem, BUF_SIZE), 0);
	assert_int_equal(atxf_block_dma_get(&t.dev, mem + 512, 512, 16, &sg), -ATXF_ESTALE);
	assert_int_equal(atxf_block_dma_live(&t.dev), 0);
	atxf_shm_unmap(mem);    /* the fake forgets the revoke only then */
}

/* Revoked after it was mapped: the next request is refused all the same. */
static void test_revoked_after_mapping_is_stale(void **state)
{
	struct tdev t;
	uint8_t *mem;

	(void)state;
	mem = setup(&t, 0);
	assert_int_equal(atxf_block_dma_get(&t.dev, mem, 512, 16, &sg), 0);
	atxf_block_dma_put(&t.dev, sg.binding);
	assert_int_equal(atxf_fake_shm_revoke(mem, BUF_SIZE), 0);
	assert_int_equal(atxf_block_dma_get(&t.dev, mem, 512, 16, &sg), -ATXF_ESTALE);
	atxf_shm_unmap(mem);
}

/* The client attaches a new buffer while the device still writes to the
 * old one: the old mapping (its frames pinned) lasts until the put. */
static void test_a_released_buffer_stays_mapped_until_the_last_put(void **state)
{
	struct atxf_msg req, reply;
	struct tdev t;
	uint8_t *mem;
	void *mem2;
	unsigned held;

	(void)state;
	mem = setup(&t, 0);
	assert_int_equal(atxf_block_dma_get(&t.dev, mem, 1024, 16, &sg), 0);
	held = sg.binding;
	memset(&req, 0, sizeof(req));
	req.type = ATXF_BLOCK_ATTACH_BUFFER;
	req.sender = TDEV_CLIENT;
	req.ncaps = 1;
	req.caps[0] = tport_shm_dma(BUF_SIZE, &mem2);
	assert_int_equal(atxf_driver_dispatch(&t.dev, &req, &reply), 0);
	assert_int_equal(atxf_block_dma_live(&t.dev), 1);
	assert_non_null(atxf_fake_dma_to_host(sg.seg[0].bus_addr, 512));
	/* The new buffer gets its own mapping, never the retired one. */
	assert_int_equal(atxf_block_dma_get(&t.dev, mem2, 512, 16, &sg), 0);
	assert_int_not_equal(sg.binding, held);
	assert_int_equal(atxf_block_dma_live(&t.dev), 2);
	atxf_block_dma_put(&t.dev, held);
	assert_int_equal(atxf_block_dma_live(&t.dev), 1);
	atxf_block_dma_put(&t.dev, held);       /* twice: nothing more happens */
	assert_int_equal(atxf_block_dma_live(&t.dev), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_segments_are_the_clients_bytes_split_at_pages),
		cmocka_unit_test(test_a_split_mapping_is_walked_across_segments),
		cmocka_unit_test(test_bad_requests_are_refused),
		cmocka_unit_test(test_no_setup_is_refused),
		cmocka_unit_test(test_a_revoked_buffer_is_stale),
		cmocka_unit_test(test_revoked_after_mapping_is_stale),
		cmocka_unit_test(test_a_released_buffer_stays_mapped_until_the_last_put),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
