/*
 * virtio-gpu's 2D device logic (vgpu.h). QEMU: -device virtio-gpu-pci
 * (its default scanout is 1280x800, xres/yres properties).
 */
#include <string.h>
#include <atxf/driver.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "vgpu.h"
#include "vgpu_reg.h"

#define VGPU_RESP_AT    2048
#define CMD_WAIT_NS     2000000000ull
#define BYTES_PP        4

static void *req(struct vgpu *g)
{
	return (void *)(uintptr_t)g->cmd.vaddr;
}

static void *resp(struct vgpu *g)
{
	return (uint8_t *)(uintptr_t)g->cmd.vaddr + VGPU_RESP_AT;
}

static void header(struct vgpu *g, uint32_t type, size_t len)
{
	memset(req(g), 0, len);
	((struct vgpu_hdr *)req(g))->type = type;
}

void *vgpu_request(struct vgpu *g, uint32_t type, size_t len)
{
	header(g, type, len);
	return req(g);
}

/* The command's chain back from the device: 0, -ATXF_ETIMEDOUT, -ATXF_EIO. */
int vgpu_wait_used(struct vgpu *g, unsigned qi)
{
	uint64_t start = atxf_time_ns();
	void *token;
	uint32_t len;

	for (;;) {
		int err = atxf_virtq_get(&g->q[qi], &token, &len);

		if (err != -ATXF_EAGAIN)
			return err;
		if (atxf_virtq_irq_on(&g->q[qi]))
			continue;
		if (atxf_time_ns() - start > CMD_WAIT_NS)
			return -ATXF_ETIMEDOUT;
		(void)atxf_device_wait_irq(g->dev, CMD_WAIT_NS / 10);
	}
}

/* §5.7.6.7: the request of req_len bytes, a response of resp_len expected
 * to be of type ok: 0, or -ATXF_EIO with the device's answer in refused. */
static int command(struct vgpu *g, size_t req_len, size_t resp_len, uint32_t ok)
{
	struct atxf_virtq_buf b[2] = {
		{ g->cmd.bus_addr, (uint32_t)req_len },
		{ g->cmd.bus_addr + VGPU_RESP_AT, (uint32_t)resp_len },
	};
	struct vgpu_hdr *r = resp(g);
	int err;

	memset(r, 0, resp_len);
	err = atxf_virtq_add(&g->q[VGPU_CONTROLQ], b, 1, 1, g);
	if (err)
		return err;
	atxf_virtq_kick(&g->q[VGPU_CONTROLQ]);
	err = vgpu_wait_used(g, VGPU_CONTROLQ);
	if (err)
		return err;
	if (r->type != ok) {
		g->refused = r->type;
		return -ATXF_EIO;
	}
	return 0;
}

int vgpu_simple(struct vgpu *g, size_t len)
{
	return command(g, len, sizeof(struct vgpu_hdr), VGPU_RESP_OK_NODATA);
}

int vgpu_display_info(struct vgpu *g)
{
	struct vgpu_resp_display_info *di = resp(g);
	int err;

	header(g, VGPU_CMD_GET_DISPLAY_INFO, sizeof(struct vgpu_hdr));
	err = command(g, sizeof(struct vgpu_hdr), sizeof(*di), VGPU_RESP_OK_DISPLAY_INFO);
	if (err)
		return err;
	g->pref_width = di->pmodes[0].enabled ? di->pmodes[0].r.width : 0;
	g->pref_height = di->pmodes[0].enabled ? di->pmodes[0].r.height : 0;
	return 0;
}

/* EDID 1.4 §3: the 8-byte header, the block's sum 0 mod 256, the first
 * detailed timing (byte 54) as the preferred mode, a 0xfc name descriptor. */
static void parse_edid(struct vgpu_edid *e, const uint8_t *b, uint32_t size)
{
	static const uint8_t magic[8] = { 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0 };
	uint8_t sum = 0;

	memset(e, 0, sizeof(*e));
	if (size < 128 || memcmp(b, magic, 8))
		return;
	for (int i = 0; i < 128; i++)
		sum = (uint8_t)(sum + b[i]);
	if (sum)
		return;
	e->valid = 1;
	e->width = b[56] | (uint32_t)(b[58] & 0xf0) << 4;
	e->height = b[59] | (uint32_t)(b[61] & 0xf0) << 4;
	for (int d = 72; d + 18 <= 126; d += 18) {
		if (b[d] || b[d + 1] || b[d + 3] != 0xfc)
			continue;
		for (int i = 0; i < 13 && b[d + 5 + i] != '\n'; i++)
			e->name[i] = (char)b[d + 5 + i];
	}
}

static int get_edid(struct vgpu *g)
{
	struct vgpu_get_edid *q = req(g);
	struct vgpu_resp_edid *r = resp(g);
	int err;

	header(g, VGPU_CMD_GET_EDID, sizeof(*q));
	q->scanout = 0;
	err = command(g, sizeof(*q), sizeof(*r), VGPU_RESP_OK_EDID);
	if (!err)
		parse_edid(&g->edid, r->edid, r->size < sizeof(r->edid) ? r->size : sizeof(r->edid));
	return err;
}

static int setup(struct vgpu *g, uint16_t vector)
{
	int err = atxf_virtio_begin(&g->vd, 1ull << VGPU_F_EDID);

	if (!err)
		err = atxf_virtio_config_vector(&g->vd, 0);
	if (!err)
		err = atxf_virtq_setup(&g->q[VGPU_CONTROLQ], &g->vd, VGPU_CONTROLQ, VGPU_QUEUE_SIZE, vector);
	if (!err)
		err = atxf_virtq_setup(&g->q[VGPU_CURSORQ], &g->vd, VGPU_CURSORQ, VGPU_QUEUE_SIZE, vector);
	if (!err && !g->cmd.size)
		err = atxf_dma_alloc(&g->vd.tag, 4096, &g->cmd);
	if (!err)
		err = atxf_virtio_ready(&g->vd);
	return err;
}

int vgpu_start(struct vgpu *g, struct atxf_device *dev, uint16_t vector)
{
	int err;

	g->dev = dev;
	g->next_id = 1;
	g->cursor.id = 0;           /* a reset device has no resources */
	err = setup(g, vector);
	if (!err)
		err = atxf_virtio_config_read(&g->vd, VGPU_CFG_NUM_SCANOUTS, &g->scanouts, 4);
	if (!err)
		err = vgpu_display_info(g);
	if (!err && atxf_virtio_has(&g->vd, VGPU_F_EDID))
		err = get_edid(g);
	if (err)
		atxf_virtio_abandon(&g->vd, g->q, 2);
	return err;
}

static int create(struct vgpu *g, const struct vgpu_fb *fb)
{
	struct vgpu_resource_create_2d *c = req(g);

	header(g, VGPU_CMD_RESOURCE_CREATE_2D, sizeof(*c));
	c->resource_id = fb->id;
	c->format = VGPU_FORMAT_B8G8R8X8_UNORM;
	c->width = fb->width;
	c->height = fb->height;
	return vgpu_simple(g, sizeof(*c));
}

static int attach(struct vgpu *g, const struct vgpu_fb *fb)
{
	struct vgpu_attach_backing *a = req(g);

	header(g, VGPU_CMD_RESOURCE_ATTACH_BACKING, sizeof(*a));
	a->resource_id = fb->id;
	a->nr_entries = 1;
	a->entry.addr = fb->mem.bus_addr;
	a->entry.length = fb->pitch * fb->height;
	return vgpu_simple(g, sizeof(*a));
}

static int scanout(struct vgpu *g, const struct vgpu_fb *fb)
{
	struct vgpu_set_scanout *s = req(g);

	header(g, VGPU_CMD_SET_SCANOUT, sizeof(*s));
	s->r = (struct vgpu_rect){ 0, 0, fb->width, fb->height };
	s->scanout_id = 0;
	s->resource_id = fb->id;
	return vgpu_simple(g, sizeof(*s));
}

/* RESOURCE_UNREF also detaches the backing (§5.7.6.8); then it is ours again. */
static void destroy(struct vgpu *g, struct vgpu_fb *fb)
{
	struct vgpu_resource_unref *u = req(g);

	if (fb->id) {
		header(g, VGPU_CMD_RESOURCE_UNREF, sizeof(*u));
		u->resource_id = fb->id;
		(void)vgpu_simple(g, sizeof(*u));
	}
	if (fb->mem.size)
		atxf_dma_free(&fb->mem);
	memset(fb, 0, sizeof(*fb));
}

static int transfer_and_flush(struct vgpu *g, const struct vgpu_rect *r)
{
	struct vgpu_transfer_to_host_2d *t = req(g);
	struct vgpu_resource_flush *f = req(g);
	int err;

	header(g, VGPU_CMD_TRANSFER_TO_HOST_2D, sizeof(*t));
	t->r = *r;
	t->offset = (uint64_t)r->y * g->fb.pitch + (uint64_t)r->x * BYTES_PP;
	t->resource_id = g->fb.id;
	err = vgpu_simple(g, sizeof(*t));
	if (err)
		return err;
	header(g, VGPU_CMD_RESOURCE_FLUSH, sizeof(*f));
	f->r = *r;
	f->resource_id = g->fb.id;
	return vgpu_simple(g, sizeof(*f));
}

int vgpu_set_mode(struct vgpu *g, uint32_t width, uint32_t height)
{
	struct vgpu_fb fb = { .width = width, .height = height, .pitch = width * BYTES_PP };
	struct vgpu_rect all = { 0, 0, width, height };
	int err;

	if (width == 0 || height == 0 || (uint64_t)width * height * BYTES_PP > VGPU_FB_MAX)
		return -ATXF_ERANGE;
	err = atxf_dma_alloc(&g->vd.tag, (size_t)fb.pitch * height, &fb.mem);
	if (err)
		return err;
	memset((void *)(uintptr_t)fb.mem.vaddr, 0, (size_t)fb.pitch * height);
	fb.id = g->next_id++;
	err = create(g, &fb);
	if (err) {
		fb.id = 0;
		goto out_free;
	}
	err = attach(g, &fb);
	if (!err)
		err = scanout(g, &fb);
	if (err)
		goto out_free;
	destroy(g, &g->fb);
	g->fb = fb;
	return transfer_and_flush(g, &all);

out_free:
	destroy(g, &fb);
	/* Scanout 0 may have been switched before the refusal: show the old one. */
	if (g->fb.id)
		(void)scanout(g, &g->fb);
	return err;
}

int vgpu_flush(struct vgpu *g, const void *src, uint32_t x, uint32_t y, uint32_t w, uint32_t h)
{
	struct vgpu_rect r = { x, y, w, h };
	uint8_t *dst = (uint8_t *)(uintptr_t)g->fb.mem.vaddr;

	for (uint32_t row = y; row < y + h; row++) {
		size_t at = (size_t)row * g->fb.pitch + (size_t)x * BYTES_PP;

		memcpy(dst + at, (const uint8_t *)src + at, (size_t)w * BYTES_PP);
	}
	return transfer_and_flush(g, &r);
}

uint32_t vgpu_events(struct vgpu *g)
{
	uint32_t events = 0;

	if (atxf_virtio_config_read(&g->vd, VGPU_CFG_EVENTS_READ, &events, 4) || !events)
		return 0;
	atxf_mmio_write32(g->vd.device_cfg + VGPU_CFG_EVENTS_CLEAR, events);
	return events;
}
