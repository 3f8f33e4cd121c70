/*
 * Host test of @NAME@'s device logic (@NAME@_dev.c) against the SDK's fake
 * virtio device (<atxf/fake_virtio.h>, in libatxf-fake): a virtio-rng
 * laid out as QEMU's, whose queue the test serves by hand or on each
 * notify. `make test` builds and runs it.
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
#include "@NAME@_dev.h"

#define BAR4_PADDR 0xfe000000ull

static struct atxf_fake_virtio dev;
static struct @IDENT@_rng r;
static uint8_t seed;

/* The device serves each buffer as soon as it is notified. */
static void serve(struct atxf_fake_virtio *d, uint16_t queue)
{
	atxf_fake_virtio_fill(d, queue, &seed);
}

/* A fresh device, granted and mapped as devmgr and the framework would, and found. */
static int setup(void **state)
{
	struct atxf_virtio_bar bars[PCI_BARS];

	(void)state;
	atxf_fake_reset();
	memset(&r, 0, sizeof(r));
	seed = 0xa5;
	assert_int_equal(atxf_fake_virtio_add(&dev, VIRTIO_PCI_RNG, BAR4_PADDR), 0);
	assert_int_equal(atxf_fake_virtio_grant(&dev, bars), 0);
	assert_int_equal(atxf_virtio_find(&r.vd, dev.pci, bars), 0);
	return 0;
}

static void start_does_the_handshake(void **state)
{
	(void)state;
	assert_int_equal(@IDENT@_start(&r, 0), 0);
	assert_int_equal(dev.status, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
			 VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK);
	assert_true(dev.accepted & VIRTIO_FEATURE(VIRTIO_F_VERSION_1));
	assert_int_equal(dev.q[0].size, @UPPER@_QUEUE_SIZE);
	assert_int_equal(dev.q[0].enabled, 1);
	assert_int_equal(dev.q[0].vector, 0);           /* its interrupts: MSI-X vector 0 */
	@IDENT@_stop(&r);
	assert_int_equal(dev.status, 0);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void legacy_only_device_is_refused(void **state)
{
	(void)state;
	dev.offered &= ~VIRTIO_FEATURE(VIRTIO_F_VERSION_1);
	assert_int_equal(@IDENT@_start(&r, 0), -ATXF_ENOTSUP);
	assert_true(dev.status & VIRTIO_STATUS_FAILED);
}

static void read_brings_the_device_bytes(void **state)
{
	uint8_t out[16];

	(void)state;
	dev.on_notify = serve;
	assert_int_equal(@IDENT@_start(&r, 0), 0);
	for (int round = 0; round < 3 * @UPPER@_QUEUE_SIZE; round++) {     /* around the ring */
		uint8_t first = seed;

		memset(out, 0, sizeof(out));
		assert_int_equal(@IDENT@_request(&r, sizeof(out)), 0);
		assert_int_equal(@IDENT@_collect(&r, out, sizeof(out)), sizeof(out));
		assert_int_equal(out[0], first);
		assert_int_equal(out[15], (uint8_t)(first + 15));
	}
	assert_true(dev.interrupts[0] > 0);
}

static void collect_waits_for_the_device(void **state)
{
	uint8_t out[4];

	(void)state;
	assert_int_equal(@IDENT@_start(&r, 0), 0);
	assert_int_equal(@IDENT@_request(&r, sizeof(out)), 0);
	assert_int_equal(@IDENT@_collect(&r, out, sizeof(out)), -ATXF_EAGAIN);
	assert_int_equal(@IDENT@_request(&r, sizeof(out)), 0);     /* still the one in flight */
	assert_int_equal(dev.q[0].notifies, 1);
	atxf_fake_virtio_fill(&dev, 0, &seed);
	assert_int_equal(@IDENT@_collect(&r, out, sizeof(out)), sizeof(out));
	assert_int_equal(out[3], 0xa5 + 3);
}

static void a_device_claiming_too_much_is_refused(void **state)
{
	struct atxf_fake_virtio_chain c;
	uint8_t out[4];

	(void)state;
	assert_int_equal(@IDENT@_start(&r, 0), 0);
	assert_int_equal(@IDENT@_request(&r, sizeof(out)), 0);
	assert_int_equal(atxf_fake_virtio_pop(&dev, 0, &c), 0);
	atxf_fake_virtio_push(&dev, 0, c.head, 4096);               /* past the 4-byte buffer */
	assert_int_equal(@IDENT@_collect(&r, out, sizeof(out)), -ATXF_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(start_does_the_handshake, setup),
		cmocka_unit_test_setup(legacy_only_device_is_refused, setup),
		cmocka_unit_test_setup(read_brings_the_device_bytes, setup),
		cmocka_unit_test_setup(collect_waits_for_the_device, setup),
		cmocka_unit_test_setup(a_device_claiming_too_much_is_refused, setup),
	};

	return cmocka_run_group_tests_name("@NAME@", tests, NULL, NULL);
}
