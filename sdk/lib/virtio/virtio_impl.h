/*
 * The virtio library's private helpers (sdk/lib/virtio): refusals with a
 * reason, and the common configuration's accessors.
 */
#ifndef VIRTIO_IMPL_H
#define VIRTIO_IMPL_H

#include <atxf/errors.h>
#include <atxf/hw.h>
#include <atxf/sys.h>
#include <atxf/virtio.h>

/* Records why (printf-style) in vd->error and returns err. */
int atxf__virtio_refuse(struct atxf_virtio *vd, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* 0 if the device can reach mem at mem->bus_addr; -ATXF_ENOTSUP (recorded)
 * if an IOMMU translates that address and the device, without
 * VIRTIO_F_ACCESS_PLATFORM, would take it for a physical one.
 * dma_reachable.c. */
int virtio_dma_reachable(struct atxf_virtio *vd, const struct atxf_dma *mem);

static inline uint8_t virtio_status(const struct atxf_virtio *vd)
{
	return atxf_mmio_read8(vd->common + VIRTIO_COMMON_STATUS);
}

static inline void virtio_set_status(struct atxf_virtio *vd, uint8_t status)
{
	atxf_mmio_write8(vd->common + VIRTIO_COMMON_STATUS, status);
}

/* Adds bits to device_status, as §3.1.1 asks: each step keeps the ones before. */
static inline void virtio_add_status(struct atxf_virtio *vd, uint8_t bits)
{
	virtio_set_status(vd, (uint8_t)(virtio_status(vd) | bits));
}

#endif
