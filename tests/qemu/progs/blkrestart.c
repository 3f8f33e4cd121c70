/*
 * blkrestart.atxf: the restart client, the same program for every block
 * driver (tests/qemu/scenarios_blkrestart.py). A stream of rounds, each 8
 * writes of 8 sectors with its own tag's pattern (tests/qemu/progs/blkconf.h)
 * and a flush, through <atxf/client/block.h>, while the driver restarts:
 *
 *   blkrestart.atxf kill DISK INSTANCE N    devmgr KILLs INSTANCE in each
 *                                           of N rounds: half way through
 *                                           the even ones, before the odd
 *                                           ones' first write
 *   blkrestart.atxf crash DISK INSTANCE N   the driver is a crash test build
 *                                           (drivers/build.mk, NAME-crash.atxf)
 *                                           that faults on a write of its own;
 *                                           rounds go on until N reconnects
 *
 * A round whose flush says a restart may have lost unflushed writes
 * (-ATXF_ESTALE, docs/protocols.md §3) is written again. Only then, its
 * flush good, are its writes reported, so every write the host finds in
 * the log must be on the image (tests/qemu/blkimage.py checks it, and
 * that nothing else changed). Lines:
 *   blkrestart: DISK: S sectors of B bytes
 *   blkrestart: killed pid P (kill K of N)
 *   blkrestart: wrote tag T at byte B len L flushed
 *   blkrestart: DISK: R rounds flushed across C reconnects, A rounds written again,
 *               Q requests sent again
 *   blkrestart: DISK: OK: every round read back
 * Exits 0, or 1 after a FAIL line.
 */
#include <stdlib.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/sys.h>
#include "blkconf.h"
#include "devmgr_ask.h"

#define OPEN_NS      60000000000ull
#define BUF_SIZE     (64u * 1024u)
#define WRITES       8u              /* writes in a round */
#define WRITE_SECTORS 8u             /* sectors in a write */
#define ROUND_SECTORS (WRITES * WRITE_SECTORS)
#define FIRST_SECTOR 64u             /* the stream's start: clear of sector 0 */
#define MAX_ROUNDS   48u             /* crash mode gives up after these */
#define MAX_TRIES    4u              /* writings of one round */

static struct atxf_block_client disk;
static const char *name;
static uint8_t data[WRITE_SECTORS * 4096u];
static uint32_t ss;                  /* sector size */

static int fail(const char *what, int err)
{
	atxf_log("blkrestart: %s: FAIL: %s: %s\n", name, what, atxf_strerror(err));
	return 1;
}

static uint64_t write_sector(unsigned r, unsigned w)
{
	return FIRST_SECTOR + (uint64_t)r * ROUND_SECTORS + (uint64_t)w * WRITE_SECTORS;
}

static unsigned tag_of(unsigned r)
{
	return 1 + r % 255;     /* tag 0 is the image's background */
}

/* Writes w of round r from `from` to `to`: 0 or the first error. */
static int write_part(unsigned r, unsigned from, unsigned to)
{
	for (unsigned w = from; w < to; w++) {
		uint64_t s = write_sector(r, w);
		int err;

		blkconf_fill(data, tag_of(r), s * ss, (uint64_t)WRITE_SECTORS * ss);
		err = atxf_block_client_write(&disk, s, WRITE_SECTORS, data);
		if (err < 0)
			return err;
	}
	return 0;
}

/* The round's flush; on -ATXF_ESTALE the whole round again. 0 or why not. */
static int settle(unsigned r, unsigned *again)
{
	int err = atxf_block_client_flush(&disk);

	for (unsigned t = 1; err == -ATXF_ESTALE && t < MAX_TRIES; t++) {
		(*again)++;
		err = write_part(r, 0, WRITES);
		if (err == 0)
			err = atxf_block_client_flush(&disk);
	}
	return err;
}

static void report(unsigned r)
{
	for (unsigned w = 0; w < WRITES; w++)
		atxf_log("blkrestart: wrote tag %u at byte %llu len %llu flushed\n", tag_of(r),
			 (unsigned long long)(write_sector(r, w) * ss),
			 (unsigned long long)WRITE_SECTORS * ss);
}

/*
 * Part of the round, a KILL of the running generation through devmgr, the
 * rest. Even rounds are killed half way, with writes unflushed: the flush
 * must say so and the round is written again. Odd rounds are killed before
 * their first write, all flushed: then only the library's resubmission of
 * that write puts it on the disk.
 */
static int killed_round(atxf_handle_t devmgr, const char *instance, unsigned r, unsigned n)
{
	unsigned at = r % 2 ? 0 : WRITES / 2;
	long pid;
	int err = write_part(r, 0, at);

	if (err < 0)
		return fail("write before the kill", err);
	pid = devmgr_kill_running(devmgr, instance);
	if (pid < 0)
		return fail("KILL through devmgr", (int)pid);
	atxf_log("blkrestart: killed pid %ld (kill %u of %u)\n", pid, r + 1, n);
	err = write_part(r, at, WRITES);
	return err < 0 ? fail("write after the kill", err) : 0;
}

/* Round r: written (with a kill in it, in kill mode), settled, reported. */
static int round_run(atxf_handle_t devmgr, const char *instance, unsigned r, unsigned n,
		     unsigned *again)
{
	int err;

	if (devmgr >= 0 && r < n) {
		if (killed_round(devmgr, instance, r, n))
			return 1;
	} else if ((err = write_part(r, 0, WRITES)) < 0) {
		return fail("write", err);
	}
	if ((err = settle(r, again)) < 0)
		return fail("flush", err);
	report(r);
	return 0;
}

static int read_back(unsigned rounds)
{
	for (unsigned r = 0; r < rounds; r++)
		for (unsigned w = 0; w < WRITES; w++) {
			uint64_t s = write_sector(r, w), len = (uint64_t)WRITE_SECTORS * ss;
			int err = atxf_block_client_read(&disk, s, WRITE_SECTORS, data);

			if (err < 0)
				return fail("read back", err);
			if (blkconf_diff(data, tag_of(r), s * ss, len) != len)
				return fail("read back: not what was written", -ATXF_EIO);
		}
	return 0;
}

/* Kill mode: n killed rounds and one more; crash mode: until n reconnects. */
static int stream(int kill, const char *instance, unsigned n)
{
	atxf_handle_t devmgr = kill ? atxf_name_lookup("devmgr", OPEN_NS) : ATXF_HANDLE_NONE;
	unsigned r = 0, again = 0, most = kill ? n + 1 : MAX_ROUNDS;

	if (kill && devmgr < 0)
		return fail("looking up devmgr", devmgr);
	while (r < most && (kill || disk.conn.reconnects < n)) {
		if ((uint64_t)write_sector(r + 1, 0) > disk.info.sectors)
			return fail("disk too small for the stream", -ATXF_ERANGE);
		if (round_run(devmgr, instance, r, n, &again))
			return 1;
		r++;
	}
	if (disk.conn.reconnects < n)
		return fail("too few restarts in the stream", -ATXF_ETIMEDOUT);
	atxf_log("blkrestart: %s: %u rounds flushed across %u reconnects, %u rounds written "
		 "again, %u requests sent again\n", name, r, disk.conn.reconnects, again,
		 disk.conn.resubmits);
	if (read_back(r))
		return 1;
	atxf_log("blkrestart: %s: OK: every round read back\n", name);
	return 0;
}

int main(int argc, char **argv)
{
	int kill, err;

	if (argc < 5 || (strcmp(argv[1], "kill") && strcmp(argv[1], "crash"))) {
		atxf_log("blkrestart: usage: blkrestart kill|crash DISK INSTANCE RESTARTS\n");
		return 2;
	}
	kill = !strcmp(argv[1], "kill");
	name = argv[2];
	/* A disk a driver publishes ("ahci-00-1f-2-p0", "ata0") appears once
	 * its probe found it; the library would take a name it does not find
	 * for a driver's. */
	if ((err = atxf_name_lookup(name, OPEN_NS)) < 0)
		return fail("waiting for the disk", err);
	atxf_cap_drop(err);
	err = atxf_block_client_open(&disk, name, BUF_SIZE, OPEN_NS);
	if (err)
		return fail("open", err);
	ss = disk.info.sector_size;
	if ((uint64_t)ss * WRITE_SECTORS > sizeof(data))
		return fail("sector size over 4096", -ATXF_ERANGE);
	atxf_log("blkrestart: %s: %llu sectors of %u bytes\n", name,
		 (unsigned long long)disk.info.sectors, ss);
	err = stream(kill, argv[3], (unsigned)strtoul(argv[4], NULL, 10));
	atxf_block_client_close(&disk);
	return err;
}
