/*
 * Reading the device-specific configuration (VIRTIO 1.1 §4.1.4.6) so that
 * a multi-byte value is never torn by a change in between: §2.4.1, read
 * config_generation before and after, again until it stays the same.
 */
#include "virtio_impl.h"

#define CONFIG_TRIES 16     /* a device that keeps changing it is broken */

static void copy_out(const struct atxf_virtio *vd, uint32_t offset, uint8_t *out, size_t len)
{
	for (size_t i = 0; i < len; i++)
		out[i] = atxf_mmio_read8(vd->device_cfg + offset + i);
}

int atxf_virtio_config_read(struct atxf_virtio *vd, uint32_t offset, void *out, size_t len)
{
	if (!vd->device_cfg || offset > vd->device_cfg_len || len > vd->device_cfg_len - offset)
		return atxf__virtio_refuse(vd, -ATXF_ERANGE, "device configuration: %zu bytes "
					   "at %u are past its %u bytes", len, offset,
					   vd->device_cfg_len);
	for (int i = 0; i < CONFIG_TRIES; i++) {
		uint8_t before = atxf_mmio_read8(vd->common + VIRTIO_COMMON_CFG_GEN);

		copy_out(vd, offset, out, len);
		if (atxf_mmio_read8(vd->common + VIRTIO_COMMON_CFG_GEN) == before)
			return 0;
	}
	return atxf__virtio_refuse(vd, -ATXF_EIO, "device configuration changed during "
				   "each of %d reads", CONFIG_TRIES);
}
