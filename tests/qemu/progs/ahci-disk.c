/*
 * ahci-disk.atxf: a block client for the AHCI scenarios
 * (tests/qemu/scenarios_ahci.py), through <atxf/client/block.h>.
 *
 *   ahci-disk.atxf DISK SEED [bad SECTOR] [queue]
 *
 * Writes a pattern (ahci_pattern below: SEED, the sector, the word) to
 * sectors 0-7, the last 8 sectors and 150 sectors from 1000 (more than a
 * command's max_sectors), flushes, reads all of it back and compares.
 * With "bad SECTOR" the read of the 8 sectors from SECTOR must fail with
 * -ATXF_EIO (the scenario's blkdebug fails every read of it), and the
 * disk must go on serving the reads after it. With "queue" it also keeps
 * 64 reads in flight through the disk's request ring (up to 16 KiB each,
 * over sectors 1000-1150), each checked. The host checks the image after
 * shutdown. Lines:
 *   ahci-disk: DISK: N sectors of 512 bytes, max M per request
 *   ahci-disk: DISK: sector S: EIO as expected
 *   ahci-disk: DISK: 64 queued reads right, up to N in flight
 *   ahci-disk: DISK: OK: 166 sectors written, flushed and read back
 * Exits 0, or 1 after a FAIL line.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/client/block_queue.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define OPEN_NS  60000000000ull
#define WAIT_NS  30000000000ull
#define SECTOR   512u
#define BIG_AT   1000u
#define BIG      150u
#define QUEUED   64

static struct atxf_block_client disk;
static uint32_t seed;
static const char *name;
static uint8_t buf[BIG * SECTOR];
static uint8_t want[BIG * SECTOR];

static void ahci_pattern(uint64_t sector, uint32_t count, uint8_t *out)
{
	for (uint32_t s = 0; s < count; s++)
		for (uint32_t i = 0; i < SECTOR / 4; i++) {
			uint32_t w = seed * 0x01000193u ^ (uint32_t)(sector + s) * 0x9e3779b1u ^ i;
			memcpy(out + s * SECTOR + i * 4, &w, 4);
		}
}

static int fail(const char *what, int err)
{
	atxf_log("ahci-disk: %s: FAIL: %s: %s\n", name, what, atxf_strerror(err));
	return 1;
}

static int write_range(uint64_t sector, uint32_t count)
{
	ahci_pattern(sector, count, want);
	return atxf_block_client_write(&disk, sector, count, want);
}

static int check_range(uint64_t sector, uint32_t count)
{
	int err = atxf_block_client_read(&disk, sector, count, buf);

	if (err < 0)
		return err;
	ahci_pattern(sector, count, want);
	return memcmp(buf, want, (size_t)count * SECTOR) ? -ATXF_EIO : 0;
}

/* The three ranges: first, last, and one over several commands. */
static int ranges(uint64_t *at, uint32_t *n)
{
	at[0] = 0;
	n[0] = 8;
	at[1] = disk.info.sectors - 8;
	n[1] = 8;
	at[2] = BIG_AT;
	n[2] = BIG;
	return 3;
}

static int queued_reads(void)
{
	static struct atxf_block_queue q;
	struct atxf_block_completion c;
	unsigned done = 0, most = 0, inflight = 0;
	uint32_t n;
	int err = atxf_block_queue_open(&q, &disk, QUEUED, atxf_port_create(), 1ull << 4,
					1ull << 40);

	if (err < 0)
		return fail("queue open", err);
	n = q.slot_sectors < 32 ? q.slot_sectors : 32;
	for (unsigned i = 0; i < QUEUED; i++) {
		long id = atxf_block_queue_submit(&q, ATXF_BLOCK_OP_READ, BIG_AT + (i * 7) % (BIG - n),
						  n, NULL);
		if (id < 0)
			return fail("queue submit", (int)id);
		inflight++;
	}
	most = inflight;
	atxf_block_queue_kick(&q);
	while (done < QUEUED) {
		int r = atxf_block_queue_reap(&q, &c);

		if (r < 0)
			return fail("queue reap", r);
		if (r == 0) {
			if ((err = atxf_block_queue_wait(&q, WAIT_NS)) < 0)
				return fail("queue wait", err);
			continue;
		}
		if (c.status < 0)
			return fail("queued read", c.status);
		ahci_pattern(q.req[c.id].sector, n, want);
		if (c.length != n * SECTOR || memcmp(atxf_block_queue_data(&q, c.id), want, n * SECTOR))
			return fail("queued read data", -ATXF_EIO);
		done++;
	}
	atxf_log("ahci-disk: %s: %u queued reads right, up to %u in flight\n", name, done, most);
	return 0;
}

int main(int argc, char **argv)
{
	uint64_t at[3], bad = UINT64_MAX;
	uint32_t n[3], total = 0;
	int err, k;
	bool queue = false;

	if (argc < 3)
		return 2;
	name = argv[1];
	seed = (uint32_t)strtoul(argv[2], NULL, 0);
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "bad") && i + 1 < argc)
			bad = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "queue"))
			queue = true;
	}
	/* The port's device appears when the driver's probe found the disk. */
	atxf_handle_t h = atxf_name_lookup(name, OPEN_NS);
	if (h < 0)
		return fail("waiting for the disk", h);
	atxf_cap_drop(h);
	if ((err = atxf_block_client_open(&disk, name, 64 * 1024, OPEN_NS)) < 0)
		return fail("open", err);
	atxf_log("ahci-disk: %s: %llu sectors of %u bytes, max %u per request\n", name,
		 (unsigned long long)disk.info.sectors, disk.info.sector_size, disk.info.max_sectors);
	k = ranges(at, n);
	for (int i = 0; i < k; i++, total += n[i - 1])
		if ((err = write_range(at[i], n[i])) < 0)
			return fail("write", err);
	if ((err = atxf_block_client_flush(&disk)) < 0)
		return fail("flush", err);
	if (bad != UINT64_MAX) {
		err = atxf_block_client_read(&disk, bad, 8, buf);
		if (err != -ATXF_EIO)
			return fail("read of the bad sector", err ? err : -ATXF_EEXIST);
		atxf_log("ahci-disk: %s: sector %llu: EIO as expected\n", name,
			 (unsigned long long)bad);
	}
	for (int i = 0; i < k; i++)
		if ((err = check_range(at[i], n[i])) < 0)
			return fail("read back", err);
	if (queue && queued_reads())
		return 1;
	atxf_log("ahci-disk: %s: OK: %u sectors written, flushed and read back\n", name, total);
	return 0;
}
