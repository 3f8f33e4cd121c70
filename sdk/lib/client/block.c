/*
 * The block class client (<atxf/client/block.h>): READ and WRITE through
 * one shared buffer, on a connection that follows the driver's restarts.
 * Exercised in QEMU by blk-stream.atxf against blk-pattern.atxf
 * (tests/qemu/scenarios_clients.py).
 */
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/client/block_queue.h>
#include <atxf/port.h>
#include "client_impl.h"

static struct atxf_block_client *of(struct atxf_conn *c)
{
	return (struct atxf_block_client *)c;   /* conn is the first member */
}

/* A new generation: the same disk? Then the buffer goes to its port. */
static int block_replay(struct atxf_conn *c)
{
	struct atxf_block_client *b = of(c);
	struct atxf_block_info now;
	int err = client_request(c, 1, ATXF_BLOCK_INFO, NULL, 0, &now, sizeof(now));

	if (err < 0)
		return err;
	if (now.sector_size != b->info.sector_size || now.sectors != b->info.sectors)
		return -ATXF_ESTALE;    /* another medium: nothing we had is valid */
	if (b->unflushed)
		b->lost_writes = 1;
	err = atxf_client_buffer_attach(&b->buf, c, ATXF_BLOCK_ATTACH_BUFFER);
	if (!err && b->queue)
		err = client_block_queue_replay(b->queue);
	return err;
}

int atxf_block_client_open(struct atxf_block_client *b, const char *name, size_t buf_size,
			   uint64_t timeout_ns)
{
	int err;

	memset(b, 0, sizeof(*b));
	b->buf.grant = -1;
	err = client_open_info(&b->conn, name, timeout_ns, ATXF_BLOCK_INFO, &b->info,
			       sizeof(b->info));
	if (err == 0 && b->info.sector_size == 0)
		err = -ATXF_ENODEV;
	if (err == 0 && buf_size < b->info.sector_size)
		err = -ATXF_ERANGE;
	if (err == 0)
		err = client_buffer_setup(&b->buf, &b->conn, buf_size, ATXF_BLOCK_ATTACH_BUFFER);
	if (err < 0) {
		atxf_block_client_close(b);
		return err;
	}
	b->conn.replay = block_replay;
	return 0;
}

/* The most sectors one transfer may carry. */
static uint32_t chunk_max(const struct atxf_block_client *b)
{
	uint64_t n = b->buf.size / b->info.sector_size;

	if (b->info.max_sectors && b->info.max_sectors < n)
		n = b->info.max_sectors;
	return (uint32_t)n;
}

static int transfer(struct atxf_block_client *b, uint32_t type, uint64_t sector, uint32_t count,
		    uint64_t offset)
{
	struct atxf_block_rw rw = { .sector = sector, .count = count, .offset = offset };
	struct atxf_msg req, reply;

	atxf_msg_init(&req, type);
	atxf_msg_put(&req, &rw, sizeof(rw));
	return atxf_conn_call(&b->conn, &req, &reply, CLIENT_CALL_NS);
}

/* Whether the caller's bytes are the shared buffer itself, all of them: then
 * each transfer names its own place in it and nothing is copied. */
static int in_place(const struct atxf_block_client *b, const void *p, uint32_t count)
{
	return p == b->buf.mem && (uint64_t)count * b->info.sector_size <= b->buf.size;
}

int atxf_block_client_read(struct atxf_block_client *b, uint64_t sector, uint32_t count,
			   void *dst)
{
	uint32_t max = chunk_max(b);
	int direct = in_place(b, dst, count);
	size_t done = 0;

	while (count) {
		uint32_t n = count < max ? count : max;
		size_t bytes = (size_t)n * b->info.sector_size;
		int err = transfer(b, ATXF_BLOCK_READ, sector, n, direct ? done : 0);

		if (err < 0)
			return err;
		if (!direct)
			memcpy((char *)dst + done, b->buf.mem, bytes);
		done += bytes;
		sector += n;
		count -= n;
	}
	return 0;
}

int atxf_block_client_write(struct atxf_block_client *b, uint64_t sector, uint32_t count,
			    const void *src)
{
	uint32_t max = chunk_max(b);
	int direct = in_place(b, src, count);
	size_t done = 0;

	while (count) {
		uint32_t n = count < max ? count : max;
		size_t bytes = (size_t)n * b->info.sector_size;
		int err;

		if (!direct)
			memcpy(b->buf.mem, (const char *)src + done, bytes);
		err = transfer(b, ATXF_BLOCK_WRITE, sector, n, direct ? done : 0);
		if (err < 0)
			return err;
		b->unflushed++;
		done += bytes;
		sector += n;
		count -= n;
	}
	return 0;
}

int atxf_block_client_flush(struct atxf_block_client *b)
{
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, ATXF_BLOCK_FLUSH);
	err = atxf_conn_call(&b->conn, &req, &reply, CLIENT_CALL_NS);
	if (err < 0)
		return err;
	b->unflushed = 0;
	if (b->lost_writes) {
		b->lost_writes = 0;
		return -ATXF_ESTALE;
	}
	return 0;
}

void atxf_block_client_close(struct atxf_block_client *b)
{
	if (b->queue)
		atxf_block_queue_close(b->queue);
	atxf_client_buffer_free(&b->buf);
	atxf_conn_close(&b->conn);
}
