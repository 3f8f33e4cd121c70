/*
 * virtio-gpu's hardware cursor (vgpu.h), VIRTIO 1.1 §5.7.6.10. QEMU:
 * -device virtio-gpu-pci; hw/display/virtio-gpu.c copies the cursor
 * resource's 64x64 pixels into the scanout's cursor on UPDATE_CURSOR, and
 * the UI (not the scanout, nor a screendump) draws it at pos - hot spot.
 *
 * The sprite lives in a host resource of its own: created and backed by a
 * DMA buffer once, then each UPDATE_CURSOR is preceded by a copy into the
 * backing and TRANSFER_TO_HOST_2D on the control queue, so the host reads
 * the new pixels. The cursor queue's commands get no response: the device
 * only hands the chain back, which is waited for, one command at a time.
 */
#include <string.h>
#include <atxf/driver.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "vgpu.h"
#include "vgpu_reg.h"

#define CURSOR_AT 1024          /* the cursor command, in the command page */

/* A resource created but not backed: the host forgets it. */
static void forget(struct vgpu *g, uint32_t id)
{
	struct vgpu_resource_unref *u = vgpu_request(g, VGPU_CMD_RESOURCE_UNREF, sizeof(*u));

	u->resource_id = id;
	(void)vgpu_simple(g, sizeof(*u));
}

static int make_resource(struct vgpu *g)
{
	struct vgpu_fb *c = &g->cursor;
	struct vgpu_resource_create_2d *rc;
	struct vgpu_attach_backing *a;
	int err;

	if (!c->mem.size) {
		err = atxf_dma_alloc(&g->vd.tag, VGPU_CURSOR_BYTES, &c->mem);
		if (err)
			return err;
	}
	c->width = c->height = VGPU_CURSOR_SIZE;
	c->pitch = VGPU_CURSOR_SIZE * 4;
	c->id = g->next_id++;
	rc = vgpu_request(g, VGPU_CMD_RESOURCE_CREATE_2D, sizeof(*rc));
	rc->resource_id = c->id;
	rc->format = VGPU_FORMAT_B8G8R8A8_UNORM;
	rc->width = rc->height = VGPU_CURSOR_SIZE;
	err = vgpu_simple(g, sizeof(*rc));
	if (err)
		goto out_none;
	a = vgpu_request(g, VGPU_CMD_RESOURCE_ATTACH_BACKING, sizeof(*a));
	a->resource_id = c->id;
	a->nr_entries = 1;
	a->entry.addr = c->mem.bus_addr;
	a->entry.length = VGPU_CURSOR_BYTES;
	err = vgpu_simple(g, sizeof(*a));
	if (!err)
		return 0;
	forget(g, c->id);
out_none:
	c->id = 0;
	return err;
}

static int transfer(struct vgpu *g)
{
	struct vgpu_transfer_to_host_2d *t = vgpu_request(g, VGPU_CMD_TRANSFER_TO_HOST_2D,
							  sizeof(*t));

	t->r = (struct vgpu_rect){ 0, 0, VGPU_CURSOR_SIZE, VGPU_CURSOR_SIZE };
	t->resource_id = g->cursor.id;
	return vgpu_simple(g, sizeof(*t));
}

/* One command on the cursor queue, given back by the device. */
static int cursor_command(struct vgpu *g, const struct vgpu_update_cursor *uc)
{
	struct atxf_virtq_buf b = { g->cmd.bus_addr + CURSOR_AT, sizeof(*uc) };
	int err;

	memcpy((uint8_t *)(uintptr_t)g->cmd.vaddr + CURSOR_AT, uc, sizeof(*uc));
	err = atxf_virtq_add(&g->q[VGPU_CURSORQ], &b, 1, 0, g);
	if (err)
		return err;
	atxf_virtq_kick(&g->q[VGPU_CURSORQ]);
	return vgpu_wait_used(g, VGPU_CURSORQ);
}

int vgpu_cursor_set(struct vgpu *g, const uint32_t *argb, uint32_t hot_x, uint32_t hot_y,
		    uint32_t x, uint32_t y)
{
	struct vgpu_update_cursor uc = {
		.hdr.type = VGPU_CMD_UPDATE_CURSOR,
		.pos = { 0, x, y, 0 },
		.hot_x = hot_x, .hot_y = hot_y,
	};
	int err = g->cursor.id ? 0 : make_resource(g);

	if (err)
		return err;
	memcpy((void *)(uintptr_t)g->cursor.mem.vaddr, argb, VGPU_CURSOR_BYTES);
	err = transfer(g);
	if (err)
		return err;
	uc.resource_id = g->cursor.id;
	return cursor_command(g, &uc);
}

int vgpu_cursor_move(struct vgpu *g, uint32_t x, uint32_t y)
{
	struct vgpu_update_cursor uc = {
		.hdr.type = VGPU_CMD_MOVE_CURSOR,
		.pos = { 0, x, y, 0 },
		.resource_id = g->cursor.id,
	};

	if (!g->cursor.id)
		return -ATXF_EPROTO;
	return cursor_command(g, &uc);
}
