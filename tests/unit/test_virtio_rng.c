/*
 * Host test of virtio-rng's device logic (drivers/misc/virtio-rng/vrng.c)
 * on the SDK's fake virtio device (<atxf/fake_virtio.h>), which fills each
 * buffer with a running counter: so a byte given out twice, or lost, shows.
 * The device comes from the virtio tests' fixture (test_virtio_util.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <atxf/fake_virtio.h>
#include "test_virtio_util.h"
#include "vrng.h"

static struct vrng r;
static uint8_t seed;

static void serve_on_notify(struct atxf_fake_virtio *d, uint16_t queue)
{
	atxf_fake_virtio_fill(d, queue, &seed);
}

/* The shared fixture's device, with QEMU's 8-entry queue, found for r. */
static int setup(void **state)
{
	fresh_device(state);
	memset(&r, 0, sizeof(r));
	seed = 0;
	dev.q[0].max_size = 8;
	assert_int_equal(atxf_virtio_find(&r.vd, dev.pci, bars), 0);
	return 0;
}

static void test_start_offers_every_buffer(void **state)
{
	(void)state;
	assert_int_equal(vrng_start(&r, 0, 1), 0);
	assert_true(dev.status & VIRTIO_STATUS_DRIVER_OK);
	assert_int_equal(dev.msix_config, 0);
	assert_int_equal(dev.q[0].vector, 1);
	assert_int_equal(atxf_virtq_in_flight(&r.q), VRNG_BUFS);
	assert_int_equal(dev.q[0].notifies, 1);     /* one kick for the lot */
	vrng_stop(&r);
	assert_int_equal(dev.status, 0);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_nothing_filled_reads_zero_bytes(void **state)
{
	uint8_t out[8];

	(void)state;
	assert_int_equal(vrng_start(&r, 0, 1), 0);
	assert_int_equal(vrng_read(&r, out, sizeof(out)), 0);
	assert_int_equal(vrng_want_irq(&r), 0);
	atxf_fake_virtio_fill(&dev, 0, &seed);
	assert_int_equal(vrng_want_irq(&r), 1);     /* filled meanwhile */
	assert_int_equal(vrng_read(&r, out, sizeof(out)), sizeof(out));
}

/* 40 reads of 88 bytes (the protocol's most) go through every buffer
 * several times: each byte comes once, in order, and none is lost. */
static void test_every_byte_is_given_out_once(void **state)
{
	uint8_t out[88], expect = 0;

	(void)state;
	dev.on_notify = serve_on_notify;
	assert_int_equal(vrng_start(&r, 0, 1), 0);
	for (int round = 0; round < 40; round++) {
		assert_int_equal(vrng_read(&r, out, sizeof(out)), sizeof(out));
		for (size_t i = 0; i < sizeof(out); i++)
			assert_int_equal(out[i], expect++);
	}
	assert_true(dev.q[0].notifies > 1);         /* emptied buffers went back */
	assert_int_equal(atxf_fake_strays(), 0);
}

static void test_a_short_fill_is_taken_as_short(void **state)
{
	struct atxf_fake_virtio_chain c;
	uint8_t out[64];

	(void)state;
	assert_int_equal(vrng_start(&r, 0, 1), 0);
	assert_int_equal(atxf_fake_virtio_pop(&dev, 0, &c), 0);
	memset(c.seg[0].mem, 0x5a, 10);
	atxf_fake_virtio_push(&dev, 0, c.head, 10);   /* only 10 bytes this time */
	assert_int_equal(vrng_read(&r, out, sizeof(out)), 10);
	assert_int_equal(out[9], 0x5a);
}

static void test_a_device_claiming_too_much_is_reset_and_works_again(void **state)
{
	struct atxf_fake_virtio_chain c;
	uint8_t out[16];

	(void)state;
	assert_int_equal(vrng_start(&r, 0, 1), 0);
	assert_int_equal(atxf_fake_virtio_pop(&dev, 0, &c), 0);
	atxf_fake_virtio_push(&dev, 0, c.head, VRNG_BUF_SIZE + 1);
	assert_int_equal(vrng_read(&r, out, sizeof(out)), -ATXF_EIO);
	assert_non_null(strstr(atxf_virtio_error(&r.vd), "wrote 257 bytes into a chain of 256"));
	dev.on_notify = serve_on_notify;
	assert_int_equal(vrng_restart(&r), 0);
	assert_int_equal(r.restarts, 1);
	assert_int_equal(vrng_read(&r, out, sizeof(out)), sizeof(out));
	assert_int_equal(out[0], 0);                /* fresh bytes from the new round */
	vrng_stop(&r);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_needs_reset_fails_reads_until_restarted(void **state)
{
	uint8_t out[16];

	(void)state;
	dev.on_notify = serve_on_notify;
	assert_int_equal(vrng_start(&r, 0, 1), 0);
	atxf_fake_virtio_needs_reset(&dev);
	assert_int_equal(dev.interrupts[0], 1);     /* the configuration vector */
	assert_true(vrng_needs_reset(&r));
	assert_int_equal(vrng_read(&r, out, sizeof(out)), -ATXF_EIO);
	assert_int_equal(vrng_restart(&r), 0);
	assert_false(vrng_needs_reset(&r));
	assert_int_equal(vrng_read(&r, out, sizeof(out)), sizeof(out));
}

static void test_a_device_without_version_1_does_not_start(void **state)
{
	(void)state;
	dev.offered = 0;
	assert_int_equal(vrng_start(&r, 0, 1), -ATXF_ENOTSUP);
	assert_true(dev.status & VIRTIO_STATUS_FAILED);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_start_offers_every_buffer, setup),
		cmocka_unit_test_setup(test_nothing_filled_reads_zero_bytes, setup),
		cmocka_unit_test_setup(test_every_byte_is_given_out_once, setup),
		cmocka_unit_test_setup(test_a_short_fill_is_taken_as_short, setup),
		cmocka_unit_test_setup(test_a_device_claiming_too_much_is_reset_and_works_again, setup),
		cmocka_unit_test_setup(test_needs_reset_fails_reads_until_restarted, setup),
		cmocka_unit_test_setup(test_a_device_without_version_1_does_not_start, setup),
	};

	return cmocka_run_group_tests_name("virtio-rng", tests, NULL, NULL);
}
