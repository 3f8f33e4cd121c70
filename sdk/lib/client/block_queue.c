/*
 * The block client's request ring (<atxf/client/block_queue.h>): one ring
 * region per disk, request id = slot, and the replay that carries the
 * requests in flight over to a restarted driver. Exercised in QEMU by
 * blk-stream.atxf's ring mode (tests/qemu/scenarios_clients.py).
 */
#include <string.h>
#include <atxf/client/block_queue.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "client_impl.h"

enum { REQ_FREE, REQ_IN_FLIGHT, REQ_DONE };

#define SLOT_SECTORS_MAX 16u

static uint32_t slot_bytes(const struct atxf_block_queue *q)
{
	return q->slot_sectors * q->disk->info.sector_size;
}

void *atxf_block_queue_data(struct atxf_block_queue *q, uint32_t id)
{
	if (id >= q->entries)
		return NULL;
	return atxf_ring_data(&q->ring, id * slot_bytes(q), slot_bytes(q));
}

/* ATTACH_RING on the current port, with a freshly formatted region. */
static int attach_ring(struct atxf_block_queue *q)
{
	struct atxf_ring_attach a = { .signal_bits = q->signal_bits };
	struct atxf_ring_attach_reply ar;
	struct atxf_conn *c = &q->disk->conn;
	struct atxf_msg req, reply;
	atxf_handle_t right;
	int err;

	if (q->region.grant >= 0)
		atxf_shm_revoke(q->region.grant);
	err = atxf_ring_format(q->region.mem, q->region.size, q->entries);
	if (err < 0)
		return err;
	q->region.grant = atxf_shm_grant(q->region.mem, q->region.size, c->port,
					 ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	if (q->region.grant < 0)
		return (int)q->region.grant;
	right = atxf_port_send_right(q->port);
	if (right < 0)
		return right;
	atxf_msg_init(&req, ATXF_BLOCK_ATTACH_RING);
	atxf_msg_put(&req, &a, sizeof(a));
	atxf_msg_put_cap(&req, (atxf_handle_t)q->region.grant);
	atxf_msg_put_cap(&req, right);
	err = atxf_call(c->port, &req, &reply, CLIENT_CALL_NS);
	atxf_cap_drop(right);   /* the call carried a copy */
	if (err < 0)
		return err;
	if (atxf_msg_get(&reply, 0, &ar, sizeof(ar)) || ar.entries != q->entries)
		return -ATXF_EPROTO;
	return atxf_ring_client_attach(&q->ring, q->region.mem, q->region.size, c->port,
				       ar.doorbell);
}

static int submit_desc(struct atxf_block_queue *q, uint32_t id)
{
	const struct atxf_block_queue_req *r = &q->req[id];
	struct atxf_ring_desc d = {
		.id = id, .opcode = r->opcode, .offset = id * slot_bytes(q),
		.length = r->count * q->disk->info.sector_size, .arg = r->sector,
	};

	return atxf_ring_submit(&q->ring, &d);
}

/* A completion from the ring: the request is done, to be reaped. */
static void take(struct atxf_block_queue *q, const struct atxf_ring_desc *c)
{
	struct atxf_block_queue_req *r = c->id < q->entries ? &q->req[c->id] : NULL;

	if (!r || r->state != REQ_IN_FLIGHT)
		return;         /* the ring refused it already (reap's ENOENT) */
	r->state = REQ_DONE;
	r->status = c->status;
	r->length = c->length;
}

/* Takes every completion already published. 0, or the ring's error. */
static int drain(struct atxf_block_queue *q)
{
	struct atxf_ring_desc c;
	int got;

	while ((got = atxf_ring_reap(&q->ring, &c)) != 0)
		if (got == 1)
			take(q, &c);
		else if (got != -ATXF_ENOENT)
			return got;
	return 0;
}

int client_block_queue_replay(struct atxf_block_queue *q)
{
	int err;

	/* What the old generation completed is in our memory still: keep it. */
	drain(q);
	err = attach_ring(q);
	for (uint32_t id = 0; !err && id < q->entries; id++)
		if (q->req[id].state == REQ_IN_FLIGHT) {
			err = submit_desc(q, id);
			q->resubmits++;
		}
	if (!err && atxf_ring_kick(&q->ring) < 0)
		err = -ATXF_EPEER;
	return err;
}

int atxf_block_queue_open(struct atxf_block_queue *q, struct atxf_block_client *disk,
			  uint32_t entries, atxf_handle_t port, uint64_t signal_bits,
			  uint64_t notice_bits)
{
	uint32_t max = disk->info.max_sectors;
	int err;

	memset(q, 0, sizeof(*q));
	q->region.grant = -1;
	if (entries < 2 || entries > ATXF_BLOCK_QUEUE_MAX || (entries & (entries - 1)) ||
	    !signal_bits || !notice_bits || (signal_bits & notice_bits))
		return -ATXF_EINVAL;
	q->disk = disk;
	q->entries = entries;
	q->port = port;
	q->signal_bits = signal_bits;
	q->slot_sectors = max && max < SLOT_SECTORS_MAX ? max : SLOT_SECTORS_MAX;
	err = atxf_client_buffer_alloc(&q->region,
				       atxf_ring_region_size(entries, entries * slot_bytes(q)));
	if (!err)
		err = atxf_conn_watch(&disk->conn, port, notice_bits);
	if (!err)
		err = attach_ring(q);
	if (err < 0) {
		atxf_client_buffer_free(&q->region);
		return err;
	}
	disk->queue = q;
	return 0;
}

long atxf_block_queue_submit(struct atxf_block_queue *q, uint16_t opcode, uint64_t sector,
			     uint32_t count, const void *src)
{
	uint32_t id = 0;
	int err;

	if (q->disk->conn.stale)
		return q->disk->conn.stale;
	if (count == 0 || count > q->slot_sectors ||
	    (opcode != ATXF_BLOCK_OP_READ && opcode != ATXF_BLOCK_OP_WRITE))
		return -ATXF_ERANGE;
	while (id < q->entries && q->req[id].state != REQ_FREE)
		id++;
	if (id == q->entries)
		return -ATXF_EAGAIN;
	q->req[id] = (struct atxf_block_queue_req){ .sector = sector, .count = count,
						    .opcode = opcode };
	if (opcode == ATXF_BLOCK_OP_WRITE)
		memcpy(atxf_block_queue_data(q, id), src, count * q->disk->info.sector_size);
	err = submit_desc(q, id);
	if (err < 0)
		return err;
	q->req[id].state = REQ_IN_FLIGHT;
	if (opcode == ATXF_BLOCK_OP_WRITE)
		q->disk->unflushed++;
	return id;
}

int atxf_block_queue_kick(struct atxf_block_queue *q)
{
	if (q->disk->conn.stale)
		return q->disk->conn.stale;
	/* A dead driver's doorbell: reconnecting resubmits and kicks anew. */
	if (atxf_ring_kick(&q->ring) < 0)
		return atxf_conn_reconnect(&q->disk->conn);
	return 0;
}

int atxf_block_queue_reap(struct atxf_block_queue *q, struct atxf_block_completion *c)
{
	int err = drain(q);

	if (err < 0)
		return err;
	for (uint32_t id = 0; id < q->entries; id++) {
		struct atxf_block_queue_req *r = &q->req[id];

		if (r->state == REQ_DONE) {
			*c = (struct atxf_block_completion){ id, r->status, r->length };
			r->state = REQ_FREE;
			return 1;
		}
	}
	return q->disk->conn.stale;
}

int atxf_block_queue_wait(struct atxf_block_queue *q, uint64_t timeout_ns)
{
	struct atxf_msg m;
	uint64_t bits = 0;
	int err;

	if (q->disk->conn.stale)
		return q->disk->conn.stale;
	if (atxf_ring_arm(&q->ring) == 1)
		return 0;               /* one arrived while arming */
	err = atxf_recv(q->port, &m, timeout_ns);
	if (err < 0)
		return err;
	if (m.type != ATXF_MSG_NOTIFY)
		return 0;
	atxf_msg_get(&m, 0, &bits, sizeof(bits));
	err = atxf_conn_noticed(&q->disk->conn, bits);
	return err < 0 ? err : 0;
}

void atxf_block_queue_close(struct atxf_block_queue *q)
{
	if (q->disk && q->disk->queue == q)
		q->disk->queue = NULL;
	atxf_client_buffer_free(&q->region);
}
