/*
 * virtio-blk's device-specific part (VIRTIO 1.1 §5.2): its PCI ids, feature
 * bits, configuration layout and request format. The transport and the
 * queues are <atxf/virtio_regs.h>.
 */
#ifndef VIRTIO_BLK_REG_H
#define VIRTIO_BLK_REG_H

#include <stdint.h>
#include <atxf/virtio_regs.h>

#define VIRTIO_ID_BLOCK             2
#define VIRTIO_PCI_BLK              (VIRTIO_PCI_MODERN_BASE + VIRTIO_ID_BLOCK)
#define VIRTIO_PCI_BLK_TRANSITIONAL 0x1001

/* §5.2.3 feature bits. */
#define VIRTIO_BLK_F_SIZE_MAX       1   /* size_max: bytes per segment */
#define VIRTIO_BLK_F_SEG_MAX        2   /* seg_max: segments per request */
#define VIRTIO_BLK_F_RO             5   /* the device is read-only */
#define VIRTIO_BLK_F_BLK_SIZE       6   /* blk_size: the logical block size */
#define VIRTIO_BLK_F_FLUSH          9   /* VIRTIO_BLK_T_FLUSH exists: a write cache */

/* §5.2.4 configuration: offsets of the fields we read (little-endian). */
#define VIRTIO_BLK_CFG_CAPACITY     0   /* u64: in 512-byte sectors, whatever blk_size */
#define VIRTIO_BLK_CFG_SIZE_MAX     8   /* u32 */
#define VIRTIO_BLK_CFG_SEG_MAX      12  /* u32 */
#define VIRTIO_BLK_CFG_BLK_SIZE     20  /* u32 */

/* §5.2.6: a request is this header (device-readable), the data, then one
 * status byte (device-writable). sector counts 512-byte units always. */
struct virtio_blk_req_hdr {
	uint32_t type;              /* VIRTIO_BLK_T_* */
	uint32_t reserved;
	uint64_t sector;
};
_Static_assert(sizeof(struct virtio_blk_req_hdr) == 16, "§5.2.6 header");

#define VIRTIO_BLK_T_IN             0   /* read */
#define VIRTIO_BLK_T_OUT            1   /* write */
#define VIRTIO_BLK_T_FLUSH          4

#define VIRTIO_BLK_S_OK             0
#define VIRTIO_BLK_S_IOERR          1
#define VIRTIO_BLK_S_UNSUPP         2

#define VIRTIO_BLK_SECTOR           512u   /* the unit of capacity and sector */

#endif
