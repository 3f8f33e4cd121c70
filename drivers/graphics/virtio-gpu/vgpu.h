/*
 * virtio-gpu's 2D device logic (vgpu_reg.h), on the SDK's virtio library:
 * one command at a time on the control queue, answered before the next;
 * scanout 0 shows one host resource whose backing is a DMA buffer of the
 * driver, which FLUSH copies the client's rectangle into before
 * TRANSFER_TO_HOST_2D and RESOURCE_FLUSH.
 */
#ifndef VGPU_H
#define VGPU_H

#include <stdint.h>
#include <atxf/virtio.h>

#define VGPU_QUEUE_SIZE   16
#define VGPU_FB_MAX       (8u << 20)    /* bytes of one screen: 1920x1080x32 fits */
#define VGPU_CURSOR_BYTES (64 * 64 * 4)    /* the cursor resource's backing */
/* Two screens while the mode changes, the command page, two queues, the cursor. */
#define VGPU_QUEUE_BYTES  ((ATXF_VIRTQ_DMA_BYTES(VGPU_QUEUE_SIZE) + 4095u) / 4096u * 4096u)
#define VGPU_DMA_BYTES    (2 * VGPU_FB_MAX + 4096 + 2 * VGPU_QUEUE_BYTES + VGPU_CURSOR_BYTES)

struct atxf_device;

/* A host resource and its backing. */
struct vgpu_fb {
	struct atxf_dma mem;        /* the pixels, pitch * height bytes */
	uint32_t id;                /* 0: none */
	uint32_t width, height, pitch;
};

struct vgpu_edid {
	int valid;                  /* header and checksum right */
	uint32_t width, height;     /* the preferred (first detailed) timing */
	char name[14];              /* the monitor name descriptor, "" if none */
};

struct vgpu {
	struct atxf_virtio vd;
	struct atxf_virtq q[2];     /* VGPU_CONTROLQ, VGPU_CURSORQ */
	struct atxf_dma cmd;        /* request at 0, response at VGPU_RESP_AT */
	struct atxf_device *dev;    /* whose interrupts a command waits for */
	struct vgpu_fb fb;          /* what scanout 0 shows */
	struct vgpu_fb cursor;      /* 64x64 ARGB, made at the first vgpu_cursor_set */
	uint32_t next_id;
	uint32_t scanouts;          /* num_scanouts */
	uint32_t pref_width, pref_height;   /* scanout 0 in GET_DISPLAY_INFO, 0 if off */
	struct vgpu_edid edid;
	uint32_t refused;           /* response type of the last refused command */
};

/* Reset, features (EDID), both queues (on MSI-X vector), DRIVER_OK, then
 * GET_DISPLAY_INFO and GET_EDID: 0 or -ATXF_E* (atxf_virtio_error says why). */
int vgpu_start(struct vgpu *g, struct atxf_device *dev, uint16_t vector);

/* A new resource of width x height on scanout 0 (black), the old one
 * freed; -ATXF_ERANGE past VGPU_FB_MAX, -ATXF_EIO if the device refused
 * (g->refused), the old mode kept on any error. */
int vgpu_set_mode(struct vgpu *g, uint32_t width, uint32_t height);

/* The rectangle of src (laid out as g->fb) to the screen. */
int vgpu_flush(struct vgpu *g, const void *src, uint32_t x, uint32_t y, uint32_t w, uint32_t h);

/* The hardware cursor (vgpu_cursor.c): the 64x64 ARGB sprite with its hot
 * spot at x,y on scanout 0; then moved. -ATXF_EPROTO: moved before set. */
int vgpu_cursor_set(struct vgpu *g, const uint32_t *argb, uint32_t hot_x, uint32_t hot_y,
		    uint32_t x, uint32_t y);
int vgpu_cursor_move(struct vgpu *g, uint32_t x, uint32_t y);

/* For vgpu_cursor.c: the request area of the command page, cleared, with
 * its header; a request of len bytes answered OK_NODATA, else -ATXF_EIO
 * (g->refused); a chain on queue qi (VGPU_*Q) used by the device. */
void *vgpu_request(struct vgpu *g, uint32_t type, size_t len);
int vgpu_simple(struct vgpu *g, size_t len);
int vgpu_wait_used(struct vgpu *g, unsigned qi);

/* GET_DISPLAY_INFO again, after a display-change event. */
int vgpu_display_info(struct vgpu *g);
/* Reads and clears the pending events (VGPU_EVENT_*). */
uint32_t vgpu_events(struct vgpu *g);

#endif
