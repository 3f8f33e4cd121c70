/*
 * Block DMA (sdk/lib/driver/block_dma.c): the bus addresses of the bytes a
 * block callback was handed. A block driver's .read and .write get `buf`
 * inside a client's attached buffer or ring data area; a DMA device needs
 * that memory as bus addresses. Once per device the driver names its DMA
 * engine (the tag); per request it asks for the scatter list of
 * [buf, buf + len) and gives it back when the device is done:
 *
 *   atxf_block_dma_setup(dev, &vd.tag);          // in probe
 *   struct atxf_block_sg sg;
 *   err = atxf_block_dma_get(dev, buf, len, &sg); // in .read / .write
 *   ... program sg.seg[0 .. sg.nsegs) into the device ...
 *   atxf_block_dma_put(dev, sg.binding);          // when the device finished
 *
 * The client's grant is mapped for the device (SYS_DMA_MAP) the first time
 * one of its requests needs it, and stays mapped while the client stays
 * attached. Its frames are pinned by that mapping: a client that revokes
 * or dies while a transfer runs leaves the frames the device's until the
 * last atxf_block_dma_put, never freed under the DMA. A request whose bytes
 * the client already revoked fails with -ATXF_ESTALE before the device sees
 * it. Behind an IOMMU the addresses are those of the device's domain.
 *
 * Segments are split at 4 KiB page boundaries of the bus address (what
 * NVMe PRPs need, and every other engine accepts): a transfer of n bytes
 * takes at most n / 4096 + 2 segments, so a driver whose engine takes S
 * segments per command sets max_sectors to (S - 1) * 4096 / sector_size.
 */
#ifndef ATXF_DRIVER_BLOCK_DMA_H
#define ATXF_DRIVER_BLOCK_DMA_H

#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/driver.h>

#define ATXF_BLOCK_DMA_MAX_SEGS 258     /* 1 MiB, unaligned */
#define ATXF_BLOCK_DMA_PAGE     4096u

/* One request's bytes as the device sees them. */
struct atxf_block_sg {
	unsigned nsegs;
	uint64_t len;                       /* bytes, the sum of the segments */
	unsigned binding;                   /* the framework's: which mapping, +1 */
	struct atxf_dma_seg seg[ATXF_BLOCK_DMA_MAX_SEGS];
};

/*
 * The device's DMA engine: its PCI function and limits (the virtio
 * library's vd.tag, or the driver's own). 0, or -ATXF_EINVAL (no tag).
 * Called again (after a device reset, say) it keeps the mappings made.
 */
int atxf_block_dma_setup(struct atxf_device *dev, const struct atxf_dma_tag *tag);

/*
 * The segments of [buf, buf + len), which must lie in one client buffer or
 * ring data area of dev (as every buf the block class hands out does):
 * 0, or -ATXF_ESTALE (the client revoked those bytes), -ATXF_EINVAL (no
 * setup, len 0, buf not a client's), -ATXF_ERANGE (more than max_segs
 * segments, or the grant's pages need more segments than SYS_DMA_MAP
 * returns), -ATXF_ENOMEM / -ATXF_ENOSPC (no mapping could be made).
 * max_segs: what the driver's engine takes, at most ATXF_BLOCK_DMA_MAX_SEGS.
 */
int atxf_block_dma_get(struct atxf_device *dev, const void *buf, uint64_t len,
		       unsigned max_segs, struct atxf_block_sg *sg);

/* The device is done with the bytes of a get (finished, or reset): binding
 * is that sg's, all a driver keeps per request; its mapping may go. */
void atxf_block_dma_put(struct atxf_device *dev, unsigned binding);

/* Mappings alive for dev (made, not yet unmapped): for tests and logs. */
unsigned atxf_block_dma_live(const struct atxf_device *dev);

#endif
