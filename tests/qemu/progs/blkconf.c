/*
 * blkconf.atxf: the block conformance suite's client, the same program
 * for every block driver (tests/qemu/scenarios_blkconf.py). Each case
 * prints "blkconf: OK CASE" or "blkconf: FAIL CASE: why"; each write that
 * completed prints "blkconf: wrote tag T at byte B len L", which the host
 * checks on the image after QEMU exits (tests/qemu/blkimage.py).
 *
 *   blkconf.atxf conf NAME        INFO, patterns at the first and last
 *                                 sectors, a write crossing max_sectors,
 *                                 bad requests refused, flush
 *   blkconf.atxf queue NAME TAG   64 requests in flight on a request ring,
 *                                 in the TAG-th eighth of the disk (two
 *                                 clients at once: TAG 1 and 2)
 *   blkconf.atxf ro NAME          a read-only disk: reads work, writes refused
 *   blkconf.atxf fuzz NAME SEED   10,000 hostile requests (blkfuzz.c)
 */
#include <stdlib.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/client/block_queue.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "blkconf.h"
#include "blkfuzz.h"

#define OPEN_NS   60000000000ull
#define CALL_NS   30000000000ull
#define WAIT_NS   30000000000ull
#define BUF_SIZE  (256u * 1024u)
#define SIGNAL    (1ull << 4)
#define NOTICE    (1ull << 40)
#define INFLIGHT  64

static struct atxf_block_client disk;
static uint8_t data[BUF_SIZE];
static unsigned failed;
static uint32_t ss;             /* sector size */

static void verdict(const char *name, int err, const char *why)
{
	if (err)
		atxf_log("blkconf: FAIL %s: %s (%s)\n", name, why, atxf_strerror(err));
	else
		atxf_log("blkconf: OK %s\n", name);
	failed += err != 0;
}

static void wrote(unsigned tag, uint64_t sector, uint64_t count)
{
	atxf_log("blkconf: wrote tag %u at byte %llu len %llu\n", tag,
		 (unsigned long long)(sector * ss), (unsigned long long)(count * ss));
}

/* Writes tag's pattern to [sector, +count) through the library and reads it back. */
static int pattern_case(const char *name, unsigned tag, uint64_t sector, uint32_t count)
{
	uint64_t len = (uint64_t)count * ss, bad;
	int err;

	blkconf_fill(data, tag, sector * ss, len);
	err = atxf_block_client_write(&disk, sector, count, data);
	if (err) {
		verdict(name, err, "write");
		return err;
	}
	wrote(tag, sector, count);
	memset(data, 0, len);
	err = atxf_block_client_read(&disk, sector, count, data);
	if (err) {
		verdict(name, err, "read back");
		return err;
	}
	bad = blkconf_diff(data, tag, sector * ss, len);
	if (bad != len) {
		atxf_log("blkconf: FAIL %s: byte %llu read back is %#x, not %#x\n", name,
			 (unsigned long long)bad, data[bad], blkconf_byte(tag, sector * ss + bad));
		failed++;
		return -ATXF_EIO;
	}
	verdict(name, 0, "");
	return 0;
}

/* One raw call on the disk's port (the library would refuse or split it). */
static int raw(uint32_t type, uint64_t sector, uint32_t count, uint32_t reserved,
	       uint64_t offset, uint32_t len)
{
	struct atxf_block_rw rw = { .sector = sector, .count = count, .reserved = reserved,
				    .offset = offset };
	struct atxf_msg req, reply;

	atxf_msg_init(&req, type);
	atxf_msg_put(&req, &rw, len);
	return atxf_call(disk.conn.port, &req, &reply, CALL_NS);
}

/* The driver is still up and the same disk: INFO answers. */
static int alive(void)
{
	struct atxf_msg req, reply;
	struct atxf_block_info bi;

	atxf_msg_init(&req, ATXF_BLOCK_INFO);
	if (atxf_call(disk.conn.port, &req, &reply, CALL_NS) < 0 ||
	    atxf_msg_get(&reply, 0, &bi, sizeof(bi)) != 0)
		return -ATXF_EIO;
	return bi.sectors == disk.info.sectors ? 0 : -ATXF_ESTALE;
}

struct bad_case {
	const char *name;
	uint32_t type;
	uint64_t sector;
	uint32_t count, reserved;
	uint64_t offset;
	uint32_t len;               /* payload bytes: 24, or short */
	int want;
};

static void bad_requests(void)
{
	const struct atxf_block_info *bi = &disk.info;
	uint32_t big = bi->max_sectors ? bi->max_sectors + 1 : 0;
	const struct bad_case cases[] = {
		{ "read past the end", ATXF_BLOCK_READ, bi->sectors, 1, 0, 0, 24, -ATXF_ERANGE },
		{ "read across the end", ATXF_BLOCK_READ, bi->sectors - 1, 2, 0, 0, 24, -ATXF_ERANGE },
		{ "write past the end", ATXF_BLOCK_WRITE, bi->sectors, 1, 0, 0, 24, -ATXF_ERANGE },
		{ "sector near 2^64", ATXF_BLOCK_READ, ~0ull, 1, 0, 0, 24, -ATXF_ERANGE },
		{ "count 0", ATXF_BLOCK_READ, 0, 0, 0, 0, 24, -ATXF_ERANGE },
		{ "write over max_sectors", ATXF_BLOCK_WRITE, 8, big, 0, 0, 24, -ATXF_ERANGE },
		{ "buffer overrun", ATXF_BLOCK_READ, 0, 1, 0, BUF_SIZE - ss / 2, 24, -ATXF_ERANGE },
		{ "offset near 2^64", ATXF_BLOCK_WRITE, 0, 1, 0, ~0ull - 10, 24, -ATXF_ERANGE },
		{ "reserved set", ATXF_BLOCK_WRITE, 0, 1, 1, 0, 24, -ATXF_EPROTO },
		{ "short request", ATXF_BLOCK_WRITE, 0, 1, 0, 0, 12, -ATXF_EPROTO },
		{ "unknown request", ATXF_REQUEST(ATXF_PROTO_BLOCK, 0x3f), 0, 1, 0, 0, 24,
		  -ATXF_ENOSYS },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct bad_case *c = &cases[i];
		int got;

		if (c->type == ATXF_BLOCK_WRITE && c->count == 0)
			continue;       /* no max_sectors: nothing to cross */
		got = raw(c->type, c->sector, c->count, c->reserved, c->offset, c->len);
		if (got != c->want) {
			atxf_log("blkconf: FAIL %s: %s, not %s\n", c->name, atxf_strerror(got),
				 atxf_strerror(c->want));
			failed++;
			continue;
		}
		verdict(c->name, alive(), "INFO after it");
	}
}

static int conf(void)
{
	const struct atxf_block_info *bi = &disk.info;
	uint32_t cross = bi->max_sectors ? bi->max_sectors + 5 : 64;

	atxf_log("blkconf: INFO %llu sectors of %u bytes, max %u, %s\n",
		 (unsigned long long)bi->sectors, bi->sector_size, bi->max_sectors,
		 bi->read_only ? "read-only" : "writable");
	verdict("info", bi->sectors >= 64 && bi->sector_size >= 512 &&
			(bi->sector_size & (bi->sector_size - 1)) == 0 ? 0 : -ATXF_EIO,
		"implausible INFO");
	pattern_case("first sectors", 1, 0, 2);
	pattern_case("last sectors", 2, bi->sectors - 2, 2);
	if ((uint64_t)cross * ss > BUF_SIZE)
		cross = BUF_SIZE / ss;
	pattern_case("write crossing max_sectors", 3, bi->sectors / 4 + 3, cross);
	bad_requests();
	verdict("flush", atxf_block_client_flush(&disk), "FLUSH");
	atxf_log("blkconf: conf done, %u failed\n", failed);
	return failed ? 1 : 0;
}

/* Submits request i of n in the queue's region; its id, or < 0. */
static long queue_one(struct atxf_block_queue *q, unsigned tag, uint64_t base, unsigned i,
		      uint16_t op)
{
	uint32_t count = 1 + i % q->slot_sectors;
	uint64_t sector = base + (uint64_t)i * q->slot_sectors;

	blkconf_fill(data, tag, sector * ss, (uint64_t)count * ss);
	return atxf_block_queue_submit(q, op, sector, count, op == ATXF_BLOCK_OP_WRITE ? data : NULL);
}

/* Runs n requests of op with up to INFLIGHT at once: 0, or why not. */
static int queue_pass(struct atxf_block_queue *q, unsigned tag, uint64_t base, unsigned n,
		      uint16_t op, unsigned *most)
{
	unsigned next = 0, done = 0, inflight = 0;
	uint32_t req_of[ATXF_BLOCK_QUEUE_MAX];
	struct atxf_block_completion c;
	int err;

	while (done < n) {
		unsigned before = done;
		long id;

		while (next < n && (id = queue_one(q, tag, base, next, op)) >= 0) {
			req_of[id] = next++;
			inflight++;
		}
		if (inflight > *most)
			*most = inflight;
		atxf_block_queue_kick(q);
		while ((err = atxf_block_queue_reap(q, &c)) == 1) {
			unsigned i = req_of[c.id];
			uint32_t count = 1 + i % q->slot_sectors;
			uint64_t sector = base + (uint64_t)i * q->slot_sectors;

			if (c.status != 0 || c.length != count * ss) {
				atxf_log("blkconf: FAIL queue: request %u: status %d, %u bytes\n", i,
					 (int)c.status, c.length);
				return -ATXF_EIO;
			}
			if (op == ATXF_BLOCK_OP_WRITE)
				wrote(tag, sector, count);
			else if (blkconf_diff(atxf_block_queue_data(q, c.id), tag, sector * ss,
					      (uint64_t)count * ss) != (uint64_t)count * ss) {
				atxf_log("blkconf: FAIL queue: request %u read back wrong\n", i);
				return -ATXF_EIO;
			}
			done++;
			inflight--;
		}
		if (err < 0)
			return err;
		/* Sleep only with nothing reaped: else refill first. */
		if (done < n && done == before && (err = atxf_block_queue_wait(q, WAIT_NS)) < 0)
			return err;
	}
	return 0;
}

static int queue(unsigned tag)
{
	static struct atxf_block_queue q;
	atxf_handle_t port = atxf_port_create();
	unsigned most = 0, n = 2 * INFLIGHT;
	uint64_t base;
	int err;

	err = atxf_block_queue_open(&q, &disk, INFLIGHT, port, SIGNAL, NOTICE);
	if (err) {
		verdict("queue open", err, "ATTACH_RING");
		return 1;
	}
	base = disk.info.sectors / 8 * tag;
	if ((uint64_t)n * q.slot_sectors > disk.info.sectors / 8) {
		verdict("queue", -ATXF_ERANGE, "disk too small for the queue's region");
		return 1;
	}
	err = queue_pass(&q, tag, base, n, ATXF_BLOCK_OP_WRITE, &most);
	if (!err)
		err = queue_pass(&q, tag, base, n, ATXF_BLOCK_OP_READ, &most);
	if (!err)
		err = atxf_block_client_flush(&disk);
	atxf_log("blkconf: queue tag %u: %u requests, at most %u in flight\n", tag, 2 * n, most);
	verdict("queue", err ? err : most == INFLIGHT ? 0 : -ATXF_EAGAIN,
		err ? "a request" : "never 64 in flight");
	atxf_block_queue_close(&q);
	return failed ? 1 : 0;
}

static int read_only(void)
{
	int err;

	verdict("ro info", disk.info.read_only ? 0 : -ATXF_EIO, "INFO says writable");
	verdict("ro read", atxf_block_client_read(&disk, 0, 1, data), "READ");
	err = raw(ATXF_BLOCK_WRITE, 0, 1, 0, 0, 24);
	verdict("ro write refused", err == -ATXF_EPERM ? 0 : -ATXF_EIO, atxf_strerror(err));
	err = atxf_block_client_write(&disk, 1, 1, data);
	verdict("ro library write refused", err == -ATXF_EPERM ? 0 : -ATXF_EIO,
		atxf_strerror(err));
	verdict("ro alive", alive(), "INFO after the writes");
	return failed ? 1 : 0;
}

/* The disk's name appears when the driver's probe found it: wait for it, so
 * an unregistered name is never taken for a driver's (docs/protocols.md §2). */
static int wait_for(const char *name)
{
	atxf_handle_t h = atxf_name_lookup(name, OPEN_NS);

	if (h < 0)
		return (int)h;
	atxf_cap_drop(h);
	return 0;
}

int main(int argc, char **argv)
{
	int err;

	if (argc < 3) {
		atxf_log("blkconf: usage: blkconf conf|queue|ro|fuzz NAME [TAG|SEED]\n");
		return 2;
	}
	err = wait_for(argv[2]);
	if (!err)
		err = atxf_block_client_open(&disk, argv[2], BUF_SIZE, OPEN_NS);
	if (err) {
		atxf_log("blkconf: FAIL open %s: %s\n", argv[2], atxf_strerror(err));
		return 1;
	}
	ss = disk.info.sector_size;
	if (strcmp(argv[1], "conf") == 0)
		err = conf();
	else if (strcmp(argv[1], "queue") == 0 && argc > 3)
		err = queue((unsigned)atoi(argv[3]));
	else if (strcmp(argv[1], "ro") == 0)
		err = read_only();
	else if (strcmp(argv[1], "fuzz") == 0 && argc > 3)
		err = blkfuzz_run(&disk, strtoull(argv[3], NULL, 0), 10000) ? 1 : 0;
	else
		err = 2;
	atxf_block_client_close(&disk);
	return err;
}
