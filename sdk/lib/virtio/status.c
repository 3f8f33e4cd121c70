/*
 * The device status handshake and feature negotiation (VIRTIO 1.1 §3.1.1,
 * §2.1, §2.2, §4.1.4.3): reset, ACKNOWLEDGE, DRIVER, FEATURES_OK,
 * DRIVER_OK; FAILED when the driver gives up; DEVICE_NEEDS_RESET from the
 * device.
 */
#include "virtio_impl.h"

#define RESET_TIMEOUT_NS 100000000ull   /* 100 ms for the device to come out of reset */
#define RESET_POLL_US    100

/* What the library takes whenever it is offered (<atxf/virtio.h>). */
#define LIBRARY_FEATURES (VIRTIO_FEATURE(VIRTIO_F_VERSION_1) |             \
			  VIRTIO_FEATURE(VIRTIO_F_INDIRECT_DESC) |          \
			  VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX) |              \
			  VIRTIO_FEATURE(VIRTIO_F_ACCESS_PLATFORM))

int atxf_virtio_reset(struct atxf_virtio *vd)
{
	uint64_t deadline = atxf_time_ns() + RESET_TIMEOUT_NS;

	virtio_set_status(vd, 0);
	/* §4.1.4.3.2: the reset is done when device_status reads 0. */
	while (virtio_status(vd) != 0) {
		if (atxf_time_ns() >= deadline)
			return atxf__virtio_refuse(vd, -ATXF_ETIMEDOUT, "device status still %#x "
						   "100 ms after a reset", virtio_status(vd));
		atxf_delay_us(RESET_POLL_US);
	}
	return 0;
}

static uint64_t device_features(struct atxf_virtio *vd)
{
	uint64_t f = 0;

	for (uint32_t word = 0; word < 2; word++) {
		atxf_mmio_write32(vd->common + VIRTIO_COMMON_DFSELECT, word);
		f |= (uint64_t)atxf_mmio_read32(vd->common + VIRTIO_COMMON_DF) << (32 * word);
	}
	return f;
}

static void driver_features(struct atxf_virtio *vd, uint64_t f)
{
	for (uint32_t word = 0; word < 2; word++) {
		atxf_mmio_write32(vd->common + VIRTIO_COMMON_GFSELECT, word);
		atxf_mmio_write32(vd->common + VIRTIO_COMMON_GF, (uint32_t)(f >> (32 * word)));
	}
}

/* §3.1.1 steps 4-6. */
static int negotiate(struct atxf_virtio *vd, uint64_t want)
{
	uint64_t offered = device_features(vd);
	uint64_t taken = offered & (want | LIBRARY_FEATURES);

	if (!(offered & VIRTIO_FEATURE(VIRTIO_F_VERSION_1)))
		return atxf__virtio_refuse(vd, -ATXF_ENOTSUP, "the device does not offer "
					   "VIRTIO_F_VERSION_1 (features %#llx): legacy only",
					   (unsigned long long)offered);
	driver_features(vd, taken);
	virtio_add_status(vd, VIRTIO_STATUS_FEATURES_OK);
	if (!(virtio_status(vd) & VIRTIO_STATUS_FEATURES_OK))
		return atxf__virtio_refuse(vd, -ATXF_ENOTSUP, "the device refused features "
					   "%#llx (FEATURES_OK did not stick)",
					   (unsigned long long)taken);
	vd->features = taken;
	return 0;
}

int atxf_virtio_begin(struct atxf_virtio *vd, uint64_t want)
{
	int err;

	vd->features = 0;
	vd->error[0] = '\0';
	err = atxf_virtio_reset(vd);
	if (err)
		goto out_failed;
	virtio_add_status(vd, VIRTIO_STATUS_ACKNOWLEDGE);
	virtio_add_status(vd, VIRTIO_STATUS_DRIVER);
	err = negotiate(vd, want);
	if (err)
		goto out_failed;
	return 0;

out_failed:
	atxf_virtio_fail(vd);
	return err;
}

int atxf_virtio_has(const struct atxf_virtio *vd, unsigned bit)
{
	return bit < 64 && (vd->features & VIRTIO_FEATURE(bit)) != 0;
}

int atxf_virtio_config_vector(struct atxf_virtio *vd, uint16_t vector)
{
	uint16_t got;

	atxf_mmio_write16(vd->common + VIRTIO_COMMON_MSIX_CONFIG, vector);
	got = atxf_mmio_read16(vd->common + VIRTIO_COMMON_MSIX_CONFIG);
	if (got != vector)
		return atxf__virtio_refuse(vd, -ATXF_ENOSPC, "configuration vector %u read "
					   "back as %#x: the device could not map it", vector, got);
	return 0;
}

int atxf_virtio_ready(struct atxf_virtio *vd)
{
	virtio_add_status(vd, VIRTIO_STATUS_DRIVER_OK);
	if (virtio_status(vd) & VIRTIO_STATUS_NEEDS_RESET)
		return atxf__virtio_refuse(vd, -ATXF_EIO, "the device needs a reset already "
					   "at DRIVER_OK");
	return 0;
}

void atxf_virtio_fail(struct atxf_virtio *vd)
{
	virtio_add_status(vd, VIRTIO_STATUS_FAILED);
}

int atxf_virtio_needs_reset(const struct atxf_virtio *vd)
{
	return (virtio_status(vd) & VIRTIO_STATUS_NEEDS_RESET) != 0;
}

uint8_t atxf_virtio_isr(const struct atxf_virtio *vd)
{
	return atxf_mmio_read8(vd->isr);
}
