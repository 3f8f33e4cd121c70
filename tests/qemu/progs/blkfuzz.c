/*
 * blkconf's fuzz mode (blkfuzz.h): a hostile client. N requests from a
 * seeded PRNG on the disk's port, raw, where the library would refuse or
 * split them: sectors and counts past the end, count 0, huge counts,
 * buffers too short and unaligned, unknown requests, reserved bits, short
 * payloads, requests on a buffer just revoked; among them valid reads,
 * flushes, INFOs and valid writes of tagged patterns, each logged as
 * "blkconf: wrote tag T at byte B len L" once it succeeded. Each refused
 * request must get its own error; the host's image check
 * (tests/qemu/blkimage.py) proves nothing else reached the disk.
 */
#include <atxf/client/buffer.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "blkconf.h"
#include "blkfuzz.h"

#define CALL_NS   30000000000ull
#define RW_BYTES  24u               /* struct atxf_block_rw */

struct fuzz {
	struct atxf_block_client *disk;
	uint64_t rng;
	unsigned tag;
	unsigned long refused, writes, reads, revokes, unaligned_ok;
};

/* xorshift64*: the same requests again for the same seed. */
static uint64_t rnd(struct fuzz *f)
{
	f->rng ^= f->rng >> 12;
	f->rng ^= f->rng << 25;
	f->rng ^= f->rng >> 27;
	return f->rng * 2685821657736338717ull;
}

static uint64_t below(struct fuzz *f, uint64_t n)
{
	return n ? rnd(f) % n : 0;
}

static int call(struct fuzz *f, uint32_t type, const struct atxf_block_rw *rw, uint32_t len)
{
	struct atxf_msg req, reply;

	atxf_msg_init(&req, type);
	if (len)
		atxf_msg_put(&req, rw, len);
	return atxf_call(f->disk->conn.port, &req, &reply, CALL_NS);
}

static uint32_t ss_of(const struct fuzz *f)
{
	return f->disk->info.sector_size;
}

static uint64_t buf_sectors(const struct fuzz *f)
{
	return f->disk->buf.size / ss_of(f);
}

/* A count a valid request may carry: mostly a few sectors (ata moves every
 * byte by PIO), now and then up to the limit. */
static uint32_t valid_count(struct fuzz *f)
{
	uint64_t most = buf_sectors(f);

	if (f->disk->info.max_sectors && f->disk->info.max_sectors < most)
		most = f->disk->info.max_sectors;
	return (uint32_t)(1 + below(f, below(f, 16) == 0 ? most : (most < 4 ? most : 4)));
}

/* A valid request's place: sectors on the disk, bytes in the buffer. */
static void valid_rw(struct fuzz *f, struct atxf_block_rw *rw)
{
	rw->count = valid_count(f);
	rw->sector = below(f, f->disk->info.sectors - rw->count + 1);
	rw->offset = below(f, buf_sectors(f) - rw->count + 1) * ss_of(f);
	rw->reserved = 0;
}

static int bad(struct fuzz *f, unsigned i, const char *what, int got, int want)
{
	(void)f;
	atxf_log("blkconf: FAIL fuzz request %u (%s): %s, not %s\n", i, what, atxf_strerror(got),
		 atxf_strerror(want));
	return -ATXF_EIO;
}

/* A write with tag's pattern at rw's sectors, from rw's place in the buffer:
 * logged when the driver says it is done. */
static int write_tagged(struct fuzz *f, const struct atxf_block_rw *rw)
{
	uint64_t at = rw->sector * ss_of(f), len = (uint64_t)rw->count * ss_of(f);
	int got;

	blkconf_fill((uint8_t *)f->disk->buf.mem + rw->offset, f->tag, at, len);
	got = call(f, ATXF_BLOCK_WRITE, rw, RW_BYTES);
	if (got == 0) {
		atxf_log("blkconf: wrote tag %u at byte %llu len %llu\n", f->tag,
			 (unsigned long long)at, (unsigned long long)len);
		f->writes++;
		f->tag = f->tag % 254 + 1;
	}
	return got;
}

static uint32_t rw_type(struct fuzz *f)
{
	return below(f, 2) ? ATXF_BLOCK_WRITE : ATXF_BLOCK_READ;
}

/* A request the framework must refuse: its type and rw, and the error. */
static int refused_one(struct fuzz *f, unsigned i, unsigned kind)
{
	const struct atxf_block_info *bi = &f->disk->info;
	struct atxf_block_rw rw;
	uint32_t type = rw_type(f), len = RW_BYTES;
	const char *what;
	int want = -ATXF_ERANGE, got;

	valid_rw(f, &rw);
	switch (kind) {
	case 0:
		what = "past the end";
		rw.sector = bi->sectors - below(f, rw.count) ;
		rw.count += (uint32_t)below(f, 4);
		if (rw.sector + rw.count <= bi->sectors)
			rw.count = (uint32_t)(bi->sectors - rw.sector + 1);
		break;
	case 1:
		what = "sector far past the end";
		rw.sector = bi->sectors + below(f, ~0ull - bi->sectors);
		break;
	case 2:
		what = "count 0";
		rw.count = 0;
		break;
	case 3:
		what = "huge count";
		rw.count = below(f, 2) ? ~0u : (uint32_t)(bi->max_sectors ? bi->max_sectors : buf_sectors(f)) + 1 +
					      (uint32_t)below(f, 1000);
		break;
	case 4:
		what = "buffer too short";
		rw.offset = f->disk->buf.size - (uint64_t)rw.count * ss_of(f) + 1 +
			    below(f, (uint64_t)rw.count * ss_of(f));
		break;
	case 5:
		what = "offset far past the buffer";
		rw.offset = f->disk->buf.size + below(f, ~0ull - f->disk->buf.size);
		break;
	case 6:
		what = "reserved set";
		rw.reserved = (uint32_t)rnd(f) | 1u;
		want = -ATXF_EPROTO;
		break;
	case 7:
		what = "short payload";
		len = (uint32_t)below(f, RW_BYTES);
		want = -ATXF_EPROTO;
		break;
	default:
		what = "unknown request";
		type = ATXF_REQUEST(ATXF_PROTO_BLOCK, 7 + (uint32_t)below(f, 0x3f - 7 + 1));
		want = -ATXF_ENOSYS;
		break;
	}
	/* What it would write if it slipped through: a tag never logged. */
	if (type == ATXF_BLOCK_WRITE && rw.offset < f->disk->buf.size)
		blkconf_fill((uint8_t *)f->disk->buf.mem + rw.offset, 255, 0,
			     f->disk->buf.size - rw.offset);
	got = call(f, type, &rw, len);
	if (got != want)
		return bad(f, i, what, got, want);
	f->refused++;
	return 0;
}

/* A buffer offset that is not a multiple of 4: the protocol does not
 * forbid it, a DMA engine may (EINVAL); if done, it is done right. */
static int unaligned_one(struct fuzz *f, unsigned i)
{
	struct atxf_block_rw rw;
	int got;

	valid_rw(f, &rw);
	/* Room for the shift: one sector of the buffer beyond the transfer
	 * (a transfer may be as long as the whole buffer). */
	uint64_t room = f->disk->buf.size / ss_of(f) - 1;

	if (rw.count > room)
		rw.count = (uint32_t)room;
	if (rw.offset / ss_of(f) + rw.count > room)
		rw.offset = (room - rw.count) * ss_of(f);
	rw.offset += 1 + below(f, 3) + 4 * below(f, ss_of(f) / 4 - 1);
	got = below(f, 2) ? write_tagged(f, &rw) : call(f, ATXF_BLOCK_READ, &rw, RW_BYTES);
	if (got != 0 && got != -ATXF_EINVAL)
		return bad(f, i, "unaligned buffer", got, -ATXF_EINVAL);
	f->unaligned_ok += got == 0;
	return 0;
}

/* Revokes the buffer; READ and WRITE on it are ESTALE; a fresh one attached. */
static int revoked(struct fuzz *f, unsigned i)
{
	struct atxf_block_rw rw;
	int err = atxf_shm_revoke(f->disk->buf.grant), got;

	f->disk->buf.grant = -1;
	if (err)
		return bad(f, i, "shm revoke", err, 0);
	for (unsigned k = 0, n = 1 + (unsigned)below(f, 3); k < n; k++) {
		uint32_t type = rw_type(f);

		valid_rw(f, &rw);
		if (type == ATXF_BLOCK_WRITE)
			blkconf_fill((uint8_t *)f->disk->buf.mem + rw.offset, 255, 0,
				     (uint64_t)rw.count * ss_of(f));
		got = call(f, type, &rw, RW_BYTES);
		if (got != -ATXF_ESTALE)
			return bad(f, i, type == ATXF_BLOCK_WRITE ? "write on a revoked buffer"
						: "read on a revoked buffer", got, -ATXF_ESTALE);
		f->refused++;
	}
	f->revokes++;
	err = atxf_client_buffer_attach(&f->disk->buf, &f->disk->conn, ATXF_BLOCK_ATTACH_BUFFER);
	return err ? bad(f, i, "attaching a fresh buffer", err, 0) : 0;
}

static int info_same(struct fuzz *f)
{
	struct atxf_msg req, reply;
	struct atxf_block_info bi;

	atxf_msg_init(&req, ATXF_BLOCK_INFO);
	if (atxf_call(f->disk->conn.port, &req, &reply, CALL_NS) < 0 ||
	    atxf_msg_get(&reply, 0, &bi, sizeof(bi)) != 0)
		return -ATXF_EIO;
	return bi.sectors == f->disk->info.sectors &&
	       bi.sector_size == f->disk->info.sector_size ? 0 : -ATXF_ESTALE;
}

static int one(struct fuzz *f, unsigned i)
{
	unsigned r = (unsigned)below(f, 100);
	struct atxf_block_rw rw;
	int got;

	if (r < 30) {
		valid_rw(f, &rw);
		got = write_tagged(f, &rw);
		return got ? bad(f, i, "valid write", got, 0) : 0;
	}
	if (r < 42) {
		valid_rw(f, &rw);
		f->reads++;
		got = call(f, ATXF_BLOCK_READ, &rw, RW_BYTES);
		return got ? bad(f, i, "valid read", got, 0) : 0;
	}
	if (r < 87)
		return refused_one(f, i, (r - 42) / 5);
	if (r < 92)
		return unaligned_one(f, i);
	if (r < 94) {
		got = call(f, ATXF_BLOCK_FLUSH, NULL, 0);
		return got ? bad(f, i, "flush", got, 0) : 0;
	}
	if (r < 95)
		return revoked(f, i);
	got = info_same(f);
	return got ? bad(f, i, "INFO", got, 0) : 0;
}

int blkfuzz_run(struct atxf_block_client *disk, uint64_t seed, unsigned n)
{
	struct fuzz f = { .disk = disk, .rng = seed ? seed : 1, .tag = 1 };
	uint64_t t0 = atxf_time_ns();
	int err = 0;

	atxf_log("blkconf: fuzz seed %llu, %u requests\n", (unsigned long long)seed, n);
	for (unsigned i = 0; i < n && !err; i++)
		err = one(&f, i);
	if (!err && (err = call(&f, ATXF_BLOCK_FLUSH, NULL, 0)) != 0)
		atxf_log("blkconf: FAIL fuzz: the last flush: %s\n", atxf_strerror(err));
	if (!err && (err = info_same(&f)) != 0)
		atxf_log("blkconf: FAIL fuzz: INFO at the end: %s\n", atxf_strerror(err));
	if (!err && disk->conn.reconnects) {
		atxf_log("blkconf: FAIL fuzz: %u reconnects: the driver restarted\n",
			 disk->conn.reconnects);
		err = -ATXF_ESTALE;
	}
	atxf_log("blkconf: fuzz: %lu writes, %lu reads, %lu refused as they should be, "
		 "%lu revokes, %lu unaligned done, %llu ms\n", f.writes, f.reads, f.refused,
		 f.revokes, f.unaligned_ok,
		 (unsigned long long)((atxf_time_ns() - t0) / 1000000u));
	if (!err)
		atxf_log("blkconf: OK fuzz\n");
	return err;
}
