/*
 * Whether the device can reach a DMA buffer at its bus address
 * (virtio_impl.h). A device without VIRTIO_F_ACCESS_PLATFORM uses physical
 * addresses whatever the platform does (VIRTIO 1.1 §6.1; QEMU's virtio-pci
 * bypasses intel-iommu unless iommu_platform=on): handed the address of an
 * IOMMU domain it would read and write whatever physical memory sits
 * there. The kernel says where a buffer really is (its capability's base,
 * the physical address) beside the address the device must use, so each
 * queue's memory tells, at no extra cost.
 */
#include "virtio_impl.h"

int virtio_dma_reachable(struct atxf_virtio *vd, const struct atxf_dma *mem)
{
	struct atxf_cap_info info;
	int err;

	if (atxf_virtio_has(vd, VIRTIO_F_ACCESS_PLATFORM))
		return 0;
	err = atxf_cap_query(mem->handle, &info);
	if (err < 0)
		return atxf__virtio_refuse(vd, err, "querying a DMA buffer's capability: %s",
					   atxf_strerror(err));
	if (info.base == mem->bus_addr)
		return 0;
	return atxf__virtio_refuse(vd, -ATXF_ENOTSUP, "the device does not offer "
				   "VIRTIO_F_ACCESS_PLATFORM, so it would bypass the IOMMU that "
				   "translates its DMA (QEMU: iommu_platform=on)");
}
