/*
 * Host tests of the virtio library's transport (sdk/lib/virtio: find.c,
 * status.c, queue_setup.c, device_cfg.c) against the fake virtio device
 * of libatxf-fake (<atxf/fake_virtio.h>): finding the structures, the
 * status handshake, feature negotiation, MSI-X vectors read back, queue
 * setup, DEVICE_NEEDS_RESET; each bad device refused with a reason.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "test_virtio_util.h"

#define ALL_THREE (VIRTIO_FEATURE(VIRTIO_F_VERSION_1) | VIRTIO_FEATURE(VIRTIO_F_INDIRECT_DESC) | \
		   VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX))

static void test_find_locates_every_structure_in_bar4(void **state)
{
	(void)state;
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_ptr_equal(vd.common, bars[4].base + ATXF_FAKE_VIRTIO_COMMON_AT);
	assert_ptr_equal(vd.isr, bars[4].base + ATXF_FAKE_VIRTIO_ISR_AT);
	assert_ptr_equal(vd.notify, bars[4].base + ATXF_FAKE_VIRTIO_NOTIFY_AT);
	assert_ptr_equal(vd.device_cfg, bars[4].base + ATXF_FAKE_VIRTIO_DEVICE_AT);
	assert_int_equal(vd.notify_mult, ATXF_FAKE_VIRTIO_NOTIFY_MULT);
	/* Memory decoding and bus mastering on: the device may now DMA. */
	assert_true(dev.config[PCI_COMMAND] & PCI_COMMAND_MASTER);
	assert_true(dev.config[PCI_COMMAND] & PCI_COMMAND_MEMORY);
	assert_string_equal(atxf_virtio_error(&vd), "");
}

static void test_a_device_without_capabilities_is_not_virtio_1(void **state)
{
	(void)state;
	dev.config[PCI_STATUS] = 0;             /* no capability list */
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), -ATXF_ENODEV);
	assert_non_null(strstr(atxf_virtio_error(&vd), "no usable common configuration"));
}

static void test_a_structure_past_its_bar_is_refused(void **state)
{
	uint32_t past = ATXF_FAKE_VIRTIO_BAR_SIZE - 8;

	(void)state;
	memcpy(dev.config + 0x40 + VIRTIO_CAP_OFFSET, &past, 4);     /* the common one */
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), -ATXF_ENODEV);
	assert_non_null(strstr(atxf_virtio_error(&vd), "common configuration (capability at 0x40)"));
	assert_non_null(strstr(atxf_virtio_error(&vd), "do not fit BAR 4"));
}

static void test_a_structure_in_an_unmapped_bar_is_refused(void **state)
{
	(void)state;
	dev.config[0x50 + VIRTIO_CAP_BAR] = 2;  /* the ISR, in BAR 2 */
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), -ATXF_ENODEV);
	assert_non_null(strstr(atxf_virtio_error(&vd), "ISR status (capability at 0x50) is in "
				"BAR 2, which is not mapped"));
}

static void test_begin_takes_version1_indirect_and_event_idx(void **state)
{
	(void)state;
	dev.offered |= 1u << 0 | 1u << 3;       /* two device bits; the driver wants bit 3 */
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 1u << 3 | 1u << 5), 0);
	assert_int_equal(dev.accepted, ALL_THREE | 1u << 3);
	assert_int_equal(dev.status, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
			 VIRTIO_STATUS_FEATURES_OK);
	assert_true(atxf_virtio_has(&vd, VIRTIO_F_EVENT_IDX));
	assert_false(atxf_virtio_has(&vd, 5));
	assert_int_equal(dev.resets, 1);        /* §3.1.1 step 1 */
}

static void test_features_not_offered_are_not_taken(void **state)
{
	(void)state;
	dev.offered = VIRTIO_FEATURE(VIRTIO_F_VERSION_1);
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	assert_int_equal(dev.accepted, VIRTIO_FEATURE(VIRTIO_F_VERSION_1));
	assert_false(atxf_virtio_has(&vd, VIRTIO_F_INDIRECT_DESC));
}

static void test_a_legacy_only_device_is_refused_and_failed(void **state)
{
	(void)state;
	dev.offered &= ~VIRTIO_FEATURE(VIRTIO_F_VERSION_1);
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), -ATXF_ENOTSUP);
	assert_true(dev.status & VIRTIO_STATUS_FAILED);
	assert_non_null(strstr(atxf_virtio_error(&vd), "VIRTIO_F_VERSION_1"));
}

static void test_features_ok_that_does_not_stick_is_refused(void **state)
{
	(void)state;
	dev.refuse_features = 1;
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), -ATXF_ENOTSUP);
	assert_true(dev.status & VIRTIO_STATUS_FAILED);
	assert_non_null(strstr(atxf_virtio_error(&vd), "FEATURES_OK did not stick"));
}

static void test_a_reset_that_never_ends_times_out(void **state)
{
	(void)state;
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	dev.status = VIRTIO_STATUS_DRIVER_OK;
	dev.stuck_in_reset = 1;
	assert_int_equal(atxf_virtio_begin(&vd, 0), -ATXF_ETIMEDOUT);
	assert_non_null(strstr(atxf_virtio_error(&vd), "100 ms after a reset"));
}

static void test_queue_setup_programs_the_rings(void **state)
{
	(void)state;
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	/* 48 is no power of two: the library takes 32 of the device's 64. */
	assert_int_equal(atxf_virtq_setup(&q, &vd, 0, 48, 1), 0);
	assert_int_equal(q.size, 32);
	assert_int_equal(dev.q[0].size, 32);
	assert_int_equal(dev.q[0].enabled, 1);
	assert_int_equal(dev.q[0].vector, 1);
	assert_non_null(atxf_fake_dma_to_host(dev.q[0].desc, VIRTQ_DESC_BYTES(32)));
	assert_int_equal(dev.q[0].driver, dev.q[0].desc + ATXF_VIRTQ_AVAIL_AT(32));
	assert_int_equal(dev.q[0].device, dev.q[0].desc + ATXF_VIRTQ_USED_AT(32));
	assert_int_equal(dev.q[0].device % 4, 0);
	assert_int_equal(atxf_virtio_ready(&vd), 0);
	assert_true(dev.status & VIRTIO_STATUS_DRIVER_OK);
	/* A reset stops the device, then the memory may go. */
	assert_int_equal(atxf_virtio_reset(&vd), 0);
	atxf_virtq_release(&q);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_a_queue_the_device_lacks_is_enodev(void **state)
{
	(void)state;
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	assert_int_equal(atxf_virtq_setup(&q, &vd, 1, 8, 1), -ATXF_ENODEV);
	assert_non_null(strstr(atxf_virtio_error(&vd), "queue 1 does not exist"));
	assert_int_equal(atxf_fake_dma_live(), 0);
}

/* §6.1: behind an IOMMU a device must take ACCESS_PLATFORM, else it would
 * use the bus addresses of its domain as physical ones. */
static void test_behind_an_iommu_access_platform_is_required(void **state)
{
	(void)state;
	atxf_fake_dma_translate(1);
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	assert_int_equal(atxf_virtq_setup(&q, &vd, 0, 8, 1), -ATXF_ENOTSUP);
	assert_non_null(strstr(atxf_virtio_error(&vd), "does not offer VIRTIO_F_ACCESS_PLATFORM, "
				"so it would bypass the IOMMU"));
	assert_int_equal(dev.q[0].enabled, 0);
	assert_int_equal(atxf_fake_dma_live(), 0);

	dev.offered |= VIRTIO_FEATURE(VIRTIO_F_ACCESS_PLATFORM);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	assert_true(atxf_virtio_has(&vd, VIRTIO_F_ACCESS_PLATFORM));
	assert_int_equal(atxf_virtq_setup(&q, &vd, 0, 8, 1), 0);
	assert_int_equal(dev.q[0].enabled, 1);
}

/* Without an IOMMU bus addresses are physical: no need for it. */
static void test_without_an_iommu_access_platform_is_optional(void **state)
{
	(void)state;
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	assert_false(atxf_virtio_has(&vd, VIRTIO_F_ACCESS_PLATFORM));
	assert_int_equal(atxf_virtq_setup(&q, &vd, 0, 8, 1), 0);
}

static void test_msix_vectors_are_read_back(void **state)
{
	(void)state;
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_begin(&vd, 0), 0);
	assert_int_equal(atxf_virtio_config_vector(&vd, 0), 0);
	assert_int_equal(dev.msix_config, 0);
	/* The device has 2 vectors: 5 reads back as NO_VECTOR. */
	assert_int_equal(atxf_virtio_config_vector(&vd, 5), -ATXF_ENOSPC);
	assert_non_null(strstr(atxf_virtio_error(&vd), "configuration vector 5 read back as 0xffff"));
	assert_int_equal(atxf_virtq_setup(&q, &vd, 0, 8, 5), -ATXF_ENOSPC);
	assert_non_null(strstr(atxf_virtio_error(&vd), "queue 0: MSI-X vector 5 read back"));
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_needs_reset_is_seen_and_signalled_on_the_config_vector(void **state)
{
	(void)state;
	bring_up(8);
	assert_int_equal(atxf_virtio_config_vector(&vd, 0), 0);
	assert_false(atxf_virtio_needs_reset(&vd));
	atxf_fake_virtio_needs_reset(&dev);
	assert_int_equal(dev.interrupts[0], 1);
	assert_true(atxf_virtio_needs_reset(&vd));
	assert_int_equal(atxf_virtio_isr(&vd), VIRTIO_ISR_CONFIG);
	assert_int_equal(atxf_virtio_isr(&vd), 0);          /* read clears */
	/* The way out: reset, and the device is as new. */
	assert_int_equal(atxf_virtio_reset(&vd), 0);
	assert_false(atxf_virtio_needs_reset(&vd));
}

static void test_device_configuration_reads_and_bounds(void **state)
{
	uint8_t out[4];

	(void)state;
	memcpy(dev.device_cfg + 8, "\x11\x22\x33\x44", 4);
	assert_int_equal(atxf_virtio_find(&vd, dev.pci, bars), 0);
	assert_int_equal(atxf_virtio_config_read(&vd, 8, out, 4), 0);
	assert_memory_equal(out, "\x11\x22\x33\x44", 4);
	assert_int_equal(atxf_virtio_config_read(&vd, ATXF_FAKE_VIRTIO_CFG_SIZE - 2, out, 4),
			 -ATXF_ERANGE);
	assert_non_null(strstr(atxf_virtio_error(&vd), "past its 64 bytes"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_find_locates_every_structure_in_bar4, fresh_device),
		cmocka_unit_test_setup(test_a_device_without_capabilities_is_not_virtio_1, fresh_device),
		cmocka_unit_test_setup(test_a_structure_past_its_bar_is_refused, fresh_device),
		cmocka_unit_test_setup(test_a_structure_in_an_unmapped_bar_is_refused, fresh_device),
		cmocka_unit_test_setup(test_begin_takes_version1_indirect_and_event_idx, fresh_device),
		cmocka_unit_test_setup(test_features_not_offered_are_not_taken, fresh_device),
		cmocka_unit_test_setup(test_a_legacy_only_device_is_refused_and_failed, fresh_device),
		cmocka_unit_test_setup(test_features_ok_that_does_not_stick_is_refused, fresh_device),
		cmocka_unit_test_setup(test_a_reset_that_never_ends_times_out, fresh_device),
		cmocka_unit_test_setup(test_queue_setup_programs_the_rings, fresh_device),
		cmocka_unit_test_setup(test_a_queue_the_device_lacks_is_enodev, fresh_device),
		cmocka_unit_test_setup(test_behind_an_iommu_access_platform_is_required, fresh_device),
		cmocka_unit_test_setup(test_without_an_iommu_access_platform_is_optional, fresh_device),
		cmocka_unit_test_setup(test_msix_vectors_are_read_back, fresh_device),
		cmocka_unit_test_setup(test_needs_reset_is_seen_and_signalled_on_the_config_vector,
				       fresh_device),
		cmocka_unit_test_setup(test_device_configuration_reads_and_bounds, fresh_device),
	};

	return cmocka_run_group_tests_name("virtio transport", tests, NULL, NULL);
}
