/*
 * virtio-gpu's 2D command set, from VIRTIO 1.1 §5.7 ("GPU Device"): the
 * device (PCI 1af4:1050, QEMU's -device virtio-gpu-pci) has a control
 * queue and a cursor queue; every command is a device-readable request
 * starting with struct vgpu_hdr and a device-writable response starting
 * with one. All fields little-endian.
 */
#ifndef VGPU_REG_H
#define VGPU_REG_H

#include <stdint.h>

#define VIRTIO_ID_GPU           16
#define VIRTIO_PCI_GPU          (0x1040 + VIRTIO_ID_GPU)

#define VGPU_CONTROLQ           0
#define VGPU_CURSORQ            1
#define VGPU_F_EDID             1       /* §5.7.3: GET_EDID is supported */
#define VGPU_MAX_SCANOUTS       16

/* §5.7.4 device configuration. */
#define VGPU_CFG_EVENTS_READ    0
#define VGPU_CFG_EVENTS_CLEAR   4
#define VGPU_CFG_NUM_SCANOUTS   8
#define VGPU_EVENT_DISPLAY      1u      /* the display configuration changed */

/* §5.7.6.7 command and response types. */
enum {
	VGPU_CMD_GET_DISPLAY_INFO = 0x0100,
	VGPU_CMD_RESOURCE_CREATE_2D,
	VGPU_CMD_RESOURCE_UNREF,
	VGPU_CMD_SET_SCANOUT,
	VGPU_CMD_RESOURCE_FLUSH,
	VGPU_CMD_TRANSFER_TO_HOST_2D,
	VGPU_CMD_RESOURCE_ATTACH_BACKING,
	VGPU_CMD_RESOURCE_DETACH_BACKING,
	VGPU_CMD_GET_CAPSET_INFO,
	VGPU_CMD_GET_CAPSET,
	VGPU_CMD_GET_EDID,
	VGPU_CMD_UPDATE_CURSOR = 0x0300,    /* the cursor queue's two (§5.7.6.10) */
	VGPU_CMD_MOVE_CURSOR,
	VGPU_RESP_OK_NODATA = 0x1100,
	VGPU_RESP_OK_DISPLAY_INFO,
	VGPU_RESP_OK_CAPSET_INFO,
	VGPU_RESP_OK_CAPSET,
	VGPU_RESP_OK_EDID,
	VGPU_RESP_ERR_UNSPEC = 0x1200,
	VGPU_RESP_ERR_OUT_OF_MEMORY,
	VGPU_RESP_ERR_INVALID_SCANOUT_ID,
	VGPU_RESP_ERR_INVALID_RESOURCE_ID,
	VGPU_RESP_ERR_INVALID_CONTEXT_ID,
	VGPU_RESP_ERR_INVALID_PARAMETER,
};

/* §5.7.6.8: B, G, R, X in memory: a little-endian XRGB8888 word; with A,
 * an ARGB8888 one (the cursor's). */
#define VGPU_FORMAT_B8G8R8A8_UNORM 1
#define VGPU_FORMAT_B8G8R8X8_UNORM 2
#define VGPU_CURSOR_SIZE        64      /* §5.7.6.10: cursor resources are 64x64 */

struct vgpu_hdr {
	uint32_t type;
	uint32_t flags;
	uint64_t fence_id;
	uint32_t ctx_id;
	uint32_t padding;
};

struct vgpu_rect {
	uint32_t x, y, width, height;
};

struct vgpu_display_one {
	struct vgpu_rect r;
	uint32_t enabled;
	uint32_t flags;
};

struct vgpu_resp_display_info {
	struct vgpu_hdr hdr;
	struct vgpu_display_one pmodes[VGPU_MAX_SCANOUTS];
};

struct vgpu_get_edid {
	struct vgpu_hdr hdr;
	uint32_t scanout;
	uint32_t padding;
};

struct vgpu_resp_edid {
	struct vgpu_hdr hdr;
	uint32_t size;
	uint32_t padding;
	uint8_t edid[1024];
};

struct vgpu_resource_create_2d {
	struct vgpu_hdr hdr;
	uint32_t resource_id;
	uint32_t format;
	uint32_t width;
	uint32_t height;
};

struct vgpu_resource_unref {
	struct vgpu_hdr hdr;
	uint32_t resource_id;
	uint32_t padding;
};

struct vgpu_mem_entry {
	uint64_t addr;
	uint32_t length;
	uint32_t padding;
};

/* One backing entry: the resource's pixels in one DMA buffer. */
struct vgpu_attach_backing {
	struct vgpu_hdr hdr;
	uint32_t resource_id;
	uint32_t nr_entries;
	struct vgpu_mem_entry entry;
};

struct vgpu_set_scanout {
	struct vgpu_hdr hdr;
	struct vgpu_rect r;
	uint32_t scanout_id;
	uint32_t resource_id;
};

struct vgpu_resource_flush {
	struct vgpu_hdr hdr;
	struct vgpu_rect r;
	uint32_t resource_id;
	uint32_t padding;
};

struct vgpu_transfer_to_host_2d {
	struct vgpu_hdr hdr;
	struct vgpu_rect r;
	uint64_t offset;
	uint32_t resource_id;
	uint32_t padding;
};

/* §5.7.6.10: UPDATE_CURSOR and MOVE_CURSOR (which uses only pos) on the
 * cursor queue; the device writes no response. */
struct vgpu_cursor_pos {
	uint32_t scanout_id;
	uint32_t x, y;
	uint32_t padding;
};

struct vgpu_update_cursor {
	struct vgpu_hdr hdr;
	struct vgpu_cursor_pos pos;
	uint32_t resource_id;       /* 0: no cursor shown */
	uint32_t hot_x, hot_y;
	uint32_t padding;
};

_Static_assert(sizeof(struct vgpu_update_cursor) == 56, "update cursor");
_Static_assert(sizeof(struct vgpu_hdr) == 24, "virtio_gpu_ctrl_hdr");
_Static_assert(sizeof(struct vgpu_resp_display_info) == 24 + 16 * 24, "display info");
_Static_assert(sizeof(struct vgpu_attach_backing) == 48, "attach backing, one entry");
_Static_assert(sizeof(struct vgpu_transfer_to_host_2d) == 56, "transfer to host 2d");
_Static_assert(sizeof(struct vgpu_resp_edid) == 1056, "edid response");

#endif
