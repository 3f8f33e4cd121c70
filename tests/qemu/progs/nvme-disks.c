/*
 * nvme-disks.atxf: a block client of the nvme driver's namespaces, for
 * tests/qemu/scenarios_nvme.py.
 *
 *   nvme-disks.atxf NAME...     (instance names, disk 0 first)
 *
 * For each disk k it prints
 *   nvme-disks: NAME: S sectors of B bytes, M sectors per transfer
 * then writes nvme_pattern.h's words for disk k to its first sector, its
 * last sector and one transfer of M sectors at sector M (so the driver's
 * command needs a PRP list), flushes, reads the three back into a fresh
 * buffer and compares:
 *   nvme-disks: NAME: first, last and M sectors at M (N KiB) read back right
 * Then on disk 0 it opens a request ring and reads the M sectors at M as
 * one-sector requests, all submitted before the first is reaped:
 *   nvme-disks: NAME: R one-sector reads in flight at once through a ring, all right
 * Exits 0 when all held, 1 after a FAIL line.
 */
#include <stdlib.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/client/block_queue.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "nvme_pattern.h"

#define OPEN_NS     30000000000ull
#define WAIT_NS     10000000000ull
#define BUF_BYTES   (512u * 1024u)
#define RING        64u
#define SIGNAL      (1ull << 4)
#define NOTICE      (1ull << 40)

static uint32_t want[BUF_BYTES / 4], got[BUF_BYTES / 4];

static int fail(const char *name, const char *what, int err)
{
	atxf_log("nvme-disks: FAIL: %s: %s: %s\n", name, what, atxf_strerror(err));
	return 1;
}

/* Writes count sectors of disk k's pattern at sector. */
static int put(struct atxf_block_client *d, unsigned k, uint64_t sector, uint32_t count)
{
	uint32_t bytes = count * d->info.sector_size;

	nvme_pattern_fill(k, sector * d->info.sector_size, want, bytes);
	return atxf_block_client_write(d, sector, count, want);
}

/* Reads them back and compares: 0, 1 for a wrong word, or -ATXF_E*. */
static int check(struct atxf_block_client *d, unsigned k, uint64_t sector, uint32_t count)
{
	uint32_t bytes = count * d->info.sector_size;
	int err;

	memset(got, 0xee, bytes);
	err = atxf_block_client_read(d, sector, count, got);
	if (err)
		return err;
	nvme_pattern_fill(k, sector * d->info.sector_size, want, bytes);
	for (uint32_t i = 0; i < bytes / 4; i++)
		if (got[i] != want[i]) {
			atxf_log("nvme-disks: FAIL: word %u of sector %llu+: %#x, not %#x\n", i,
				 (unsigned long long)sector, got[i], want[i]);
			return 1;
		}
	return 0;
}

static int one_disk(const char *name, unsigned k, struct atxf_block_client *d)
{
	uint64_t last;
	uint32_t m;
	int err = atxf_block_client_open(d, name, BUF_BYTES, OPEN_NS);

	if (err)
		return fail(name, "opening the disk", err);
	m = d->info.max_sectors;
	last = d->info.sectors - 1;
	atxf_log("nvme-disks: %s: %llu sectors of %u bytes, %u sectors per transfer\n", name,
		 (unsigned long long)d->info.sectors, d->info.sector_size, m);
	if (!m || m * d->info.sector_size > BUF_BYTES || last < 2u * m)
		return fail(name, "a disk this test cannot use", -ATXF_ERANGE);
	if ((err = put(d, k, 0, 1)) || (err = put(d, k, last, 1)) || (err = put(d, k, m, m)))
		return fail(name, "writing", err);
	if ((err = atxf_block_client_flush(d)))
		return fail(name, "flushing", err);
	if ((err = check(d, k, 0, 1)) || (err = check(d, k, last, 1)) || (err = check(d, k, m, m)))
		return err > 0 ? 1 : fail(name, "reading back", err);
	atxf_log("nvme-disks: %s: first, last and %u sectors at %u (%u KiB) read back right\n",
		 name, m, m, m * d->info.sector_size / 1024u);
	return 0;
}

/* Waits for every one of n requests; each read must hold its sector. */
static int reap_all(struct atxf_block_queue *q, const char *name, const uint64_t *sector,
		    unsigned n)
{
	uint32_t ss = q->disk->info.sector_size;
	struct atxf_block_completion c;
	unsigned done = 0;

	while (done < n) {
		int r = atxf_block_queue_reap(q, &c);

		if (r < 0)
			return fail(name, "reaping", r);
		if (r == 0) {
			if ((r = atxf_block_queue_wait(q, WAIT_NS)))
				return fail(name, "waiting for completions", r);
			continue;
		}
		if (c.status)
			return fail(name, "a ring read", c.status);
		nvme_pattern_fill(0, sector[c.id] * ss, want, ss);
		if (c.length != ss || memcmp(atxf_block_queue_data(q, c.id), want, ss))
			return fail(name, "a ring read's bytes", -ATXF_EIO);
		done++;
	}
	return 0;
}

static int ring_reads(const char *name, struct atxf_block_client *d)
{
	static struct atxf_block_queue q;
	static uint64_t sector[RING];
	uint32_t m = d->info.max_sectors, n = m < RING ? m : RING;
	int err = atxf_block_queue_open(&q, d, RING, atxf_port_create(), SIGNAL, NOTICE);

	if (err)
		return fail(name, "opening a request ring", err);
	for (uint32_t i = 0; i < n; i++) {
		long id = atxf_block_queue_submit(&q, ATXF_BLOCK_OP_READ, m + i, 1, NULL);

		if (id < 0)
			return fail(name, "submitting", (int)id);
		sector[id] = m + i;
	}
	atxf_block_queue_kick(&q);
	if (reap_all(&q, name, sector, n))
		return 1;
	atxf_log("nvme-disks: %s: %u one-sector reads in flight at once through a ring, all "
		 "right\n", name, n);
	return 0;
}

int main(int argc, char **argv)
{
	static struct atxf_block_client disk[8];

	if (argc < 2 || argc > 9) {
		atxf_log("usage: nvme-disks.atxf NAME... (1 to 8)\n");
		return 2;
	}
	for (int i = 1; i < argc; i++)
		if (one_disk(argv[i], (unsigned)i - 1u, &disk[i - 1]))
			return 1;
	return ring_reads(argv[1], &disk[0]);
}
