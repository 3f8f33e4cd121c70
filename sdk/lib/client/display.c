/*
 * The display class client (<atxf/client/display.h>).
 */
#include <string.h>
#include <atxf/client/display.h>
#include "client_impl.h"

/* The surface, then room for the cursor sprite (<atxf/proto/display.h>). */
static size_t surface_bytes(const struct atxf_display_info *info)
{
	return (size_t)info->pitch * info->height + ATXF_DISPLAY_CURSOR_BYTES;
}

static uint64_t sprite_offset(const struct atxf_display_info *info)
{
	return (uint64_t)info->pitch * info->height;
}

static int send_cursor(struct atxf_conn *conn, int replay, const struct atxf_display_cursor *c)
{
	return client_request(conn, replay, ATXF_DISPLAY_SET_CURSOR, c, sizeof(*c), NULL, 0);
}

static int flush_once(struct atxf_conn *conn, const struct atxf_display_info *info)
{
	struct atxf_display_rect r = { 0, 0, info->width, info->height };

	return client_request(conn, 1, ATXF_DISPLAY_FLUSH, &r, sizeof(r), NULL, 0);
}

/* A new generation starts in its own mode: ask it for the client's. */
static int restore_mode(struct atxf_conn *conn, const struct atxf_display_info *want,
			struct atxf_display_info *now)
{
	struct atxf_display_mode m = { want->width, want->height };
	int err = client_request(conn, 1, ATXF_DISPLAY_SET_MODE, &m, sizeof(m), now, sizeof(*now));

	return err < 0 ? err : 0;
}

static int display_replay(struct atxf_conn *conn)
{
	struct atxf_display_client *d = (struct atxf_display_client *)conn;
	struct atxf_display_info now;
	int err = client_request(conn, 1, ATXF_DISPLAY_INFO, NULL, 0, &now, sizeof(now));

	if (err < 0)
		return err;
	if (memcmp(&now, &d->info, sizeof(now)) && restore_mode(conn, &d->info, &now) < 0)
		return -ATXF_ESTALE;
	if (memcmp(&now, &d->info, sizeof(now)))
		return -ATXF_ESTALE;    /* another layout: the surface no longer fits */
	err = atxf_client_buffer_attach(&d->surface, conn, ATXF_DISPLAY_ATTACH_BUFFER);
	if (!err)
		err = flush_once(conn, &d->info);
	if (err < 0 || !d->cursor_set)
		return err;
	err = send_cursor(conn, 1, &d->cursor);
	return err < 0 ? err : 0;
}

int atxf_display_client_open(struct atxf_display_client *d, const char *name,
			     uint64_t timeout_ns)
{
	int err;

	memset(d, 0, sizeof(*d));
	d->surface.grant = -1;
	err = client_open_info(&d->conn, name, timeout_ns, ATXF_DISPLAY_INFO, &d->info,
			       sizeof(d->info));
	if (!err)
		err = client_buffer_setup(&d->surface, &d->conn, surface_bytes(&d->info),
					  ATXF_DISPLAY_ATTACH_BUFFER);
	if (err < 0) {
		atxf_display_client_close(d);
		return err;
	}
	d->conn.replay = display_replay;
	return 0;
}

int atxf_display_client_flush(struct atxf_display_client *d, uint32_t x, uint32_t y, uint32_t w,
			      uint32_t h)
{
	struct atxf_display_rect r = { x, y, w, h };

	return client_request(&d->conn, 0, ATXF_DISPLAY_FLUSH, &r, sizeof(r), NULL, 0);
}

int atxf_display_client_set_mode(struct atxf_display_client *d, uint32_t width,
				 uint32_t height)
{
	struct atxf_display_mode m = { width, height };
	struct atxf_display_info now;
	struct atxf_client_buffer fresh = { .grant = -1 };
	int err = client_request(&d->conn, 0, ATXF_DISPLAY_SET_MODE, &m, sizeof(m), &now,
				 sizeof(now));

	if (err < 0)
		return err;
	err = client_buffer_setup(&fresh, &d->conn, surface_bytes(&now),
				  ATXF_DISPLAY_ATTACH_BUFFER);
	if (err < 0) {
		atxf_client_buffer_free(&fresh);
		return err;
	}
	memcpy((uint8_t *)fresh.mem + sprite_offset(&now), atxf_display_client_sprite(d),
	       ATXF_DISPLAY_CURSOR_BYTES);
	d->cursor.offset = sprite_offset(&now);
	atxf_client_buffer_free(&d->surface);
	d->surface = fresh;
	d->info = now;
	return 0;
}

uint32_t *atxf_display_client_sprite(struct atxf_display_client *d)
{
	return (uint32_t *)((uint8_t *)d->surface.mem + sprite_offset(&d->info));
}

int atxf_display_client_set_cursor(struct atxf_display_client *d, uint32_t hot_x,
				   uint32_t hot_y, uint32_t x, uint32_t y)
{
	struct atxf_display_cursor c = { sprite_offset(&d->info), hot_x, hot_y, x, y };
	int err = send_cursor(&d->conn, 0, &c);

	if (err < 0)
		return err;
	d->cursor = c;
	d->cursor_set = 1;
	return 0;
}

int atxf_display_client_move_cursor(struct atxf_display_client *d, uint32_t x, uint32_t y)
{
	struct atxf_display_point p = { x, y };
	int err = client_request(&d->conn, 0, ATXF_DISPLAY_MOVE_CURSOR, &p, sizeof(p), NULL, 0);

	if (err < 0)
		return err;
	d->cursor.x = x;
	d->cursor.y = y;
	return 0;
}

void atxf_display_client_close(struct atxf_display_client *d)
{
	atxf_client_buffer_free(&d->surface);
	atxf_conn_close(&d->conn);
}
