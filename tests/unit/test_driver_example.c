/*
 * Host test of the guide's example driver's device logic
 * (docs/examples/virtio-rng/vrng.c) against a fake virtio-rng played on
 * libatxf-fake's I/O ports and DMA memory (test_driver_fakevrng.c), the way
 * docs/driver-guide.md §7 tells an author to test a driver. Nothing of the
 * framework is linked: the device logic stands alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "test_driver_fakevrng.h"
#include "virtio_rng_reg.h"
#include "vrng.h"

#define IO_BASE 0xc040

static uint8_t pci_config[256];
static atxf_handle_t pci;               /* the device's function: DMA is for it */

static int setup(void **state)
{
	(void)state;
	atxf_fake_reset();
	fake_vrng_add(IO_BASE);
	pci = atxf_fake_cap_pci(0x0018, pci_config, sizeof(pci_config), NULL, NULL);
	return pci < 0;
}

static void test_start_follows_the_status_sequence(void **state)
{
	struct vrng v;

	(void)state;
	assert_int_equal(vrng_start(&v, pci, IO_BASE), 0);
	/* §3.1.1: reset, then each bit added to the ones before. */
	assert_int_equal(fv.nstatus, 4);
	assert_int_equal(fv.status_log[0], 0);
	assert_int_equal(fv.status_log[1], VIO_STATUS_ACKNOWLEDGE);
	assert_int_equal(fv.status_log[2], VIO_STATUS_ACKNOWLEDGE | VIO_STATUS_DRIVER);
	assert_int_equal(fv.status_log[3],
			 VIO_STATUS_ACKNOWLEDGE | VIO_STATUS_DRIVER | VIO_STATUS_DRIVER_OK);
	assert_int_equal(fv.features, 0);
	assert_int_equal(v.qsize, 8);
	assert_int_equal((uint64_t)fv.pfn * VRING_ALIGN, v.ring.bus_addr);
	assert_int_equal(atxf_fake_dma_live(), 2);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void test_read_gets_what_the_device_wrote(void **state)
{
	uint8_t out[16];
	struct vrng v;

	(void)state;
	assert_int_equal(vrng_start(&v, pci, IO_BASE), 0);
	assert_int_equal(vrng_post(&v, sizeof(out)), 0);
	assert_int_equal(fv.notifies, 1);
	/* Not done yet: nothing to collect. */
	assert_int_equal(vrng_collect(&v, out, sizeof(out)), -ATXF_EAGAIN);
	fake_vrng_complete();
	assert_int_equal(vrng_isr(&v), VIO_ISR_QUEUE);
	assert_int_equal(vrng_isr(&v), 0);      /* reading cleared it */
	assert_int_equal(vrng_collect(&v, out, sizeof(out)), 16);
	for (int i = 0; i < 16; i++)
		assert_int_equal(out[i], i);
	/* And again: the ring moves on. */
	assert_int_equal(vrng_post(&v, 4), 0);
	fake_vrng_complete();
	assert_int_equal(vrng_collect(&v, out, sizeof(out)), 4);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void test_a_buffer_still_out_is_not_offered_twice(void **state)
{
	uint8_t out[8];
	struct vrng v;

	(void)state;
	assert_int_equal(vrng_start(&v, pci, IO_BASE), 0);
	assert_int_equal(vrng_post(&v, 8), 0);
	assert_int_equal(vrng_post(&v, 8), 0);  /* the first READ timed out; a second comes */
	assert_int_equal(fv.notifies, 1);
	fake_vrng_complete();
	assert_int_equal(fv.seen, 1);
	assert_int_equal(vrng_collect(&v, out, sizeof(out)), 8);
}

static void test_the_device_may_write_less(void **state)
{
	uint8_t out[16];
	struct vrng v;

	(void)state;
	fv.fill = 5;
	assert_int_equal(vrng_start(&v, pci, IO_BASE), 0);
	assert_int_equal(vrng_post(&v, 16), 0);
	fake_vrng_complete();
	assert_int_equal(vrng_collect(&v, out, sizeof(out)), 5);
}

/* A device claiming more than it was given is believed only that far. */
static void test_the_device_is_not_trusted_past_the_buffer(void **state)
{
	uint8_t out[64];
	struct vrng v;

	(void)state;
	fv.claim = 100000;
	assert_int_equal(vrng_start(&v, pci, IO_BASE), 0);
	assert_int_equal(vrng_post(&v, 32), 0);
	fake_vrng_complete();
	assert_int_equal(vrng_collect(&v, out, sizeof(out)), 32);
}

static void test_post_refuses_bad_lengths(void **state)
{
	struct vrng v;

	(void)state;
	assert_int_equal(vrng_start(&v, pci, IO_BASE), 0);
	assert_int_equal(vrng_post(&v, 0), -ATXF_ERANGE);
	assert_int_equal(vrng_post(&v, VRNG_BUF_SIZE + 1), -ATXF_ERANGE);
	assert_int_equal(fv.notifies, 0);
}

static void test_a_device_without_a_queue_is_refused(void **state)
{
	struct vrng v;

	(void)state;
	fv.qsize = 0;
	assert_int_equal(vrng_start(&v, pci, IO_BASE), -ATXF_ENODEV);
	assert_true(fv.status & VIO_STATUS_FAILED);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_no_dma_memory_leaves_nothing_behind(void **state)
{
	struct vrng v;

	(void)state;
	atxf_fake_dma_limit(VRING_BYTES(8));    /* the ring fits, the buffer does not */
	assert_int_equal(vrng_start(&v, pci, IO_BASE), -ATXF_ENOMEM);
	assert_true(fv.status & VIO_STATUS_FAILED);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_stop_resets_and_frees(void **state)
{
	struct vrng v;

	(void)state;
	assert_int_equal(vrng_start(&v, pci, IO_BASE), 0);
	vrng_stop(&v);
	assert_int_equal(fv.status, 0);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_pci_enable_turns_on_bus_mastering(void **state)
{
	uint8_t *config = pci_config;

	(void)state;
	config[PCI_COMMAND + 1] = 0x04;         /* a bit that must survive */
	vrng_pci_enable(pci);
	assert_int_equal(config[PCI_COMMAND], PCI_COMMAND_IO | PCI_COMMAND_MASTER);
	assert_int_equal(config[PCI_COMMAND + 1], 0x04);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_start_follows_the_status_sequence, setup),
		cmocka_unit_test_setup(test_read_gets_what_the_device_wrote, setup),
		cmocka_unit_test_setup(test_a_buffer_still_out_is_not_offered_twice, setup),
		cmocka_unit_test_setup(test_the_device_may_write_less, setup),
		cmocka_unit_test_setup(test_the_device_is_not_trusted_past_the_buffer, setup),
		cmocka_unit_test_setup(test_post_refuses_bad_lengths, setup),
		cmocka_unit_test_setup(test_a_device_without_a_queue_is_refused, setup),
		cmocka_unit_test_setup(test_no_dma_memory_leaves_nothing_behind, setup),
		cmocka_unit_test_setup(test_stop_resets_and_frees, setup),
		cmocka_unit_test_setup(test_pci_enable_turns_on_bus_mastering, setup),
	};

	return cmocka_run_group_tests_name("example driver: virtio-rng device logic", tests,
					   NULL, NULL);
}
