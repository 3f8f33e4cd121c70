/*
 * ata-disks.atxf: checks the disks of the ata driver (drivers/storage/ata)
 * through the block client library, for tests/qemu/scenarios_ata.py.
 *
 *   ata-disks.atxf [kill] NAME:SECTORS...
 *
 * It waits for the ata driver to serve (its disks are registered by then),
 * then for each disk NAME (ata0..ata3) it opens the disk, checks that INFO says
 * SECTORS sectors of 512 bytes, writes the pattern of ata_pattern.h at the
 * first sector, the last, and RUN sectors from sector 1 (more than one
 * command's 256, so the driver splits it), flushes, reads all three back
 * and compares, and reads one sector past the end (ERANGE wanted). Lines:
 *   ata-disks: NAME: SECTORS sectors of 512 bytes: OK
 *   ata-disks: NAME: first, last and RUN sectors written, flushed, read back: OK
 *   ata-disks: NAME: FAIL: what
 * With "kill" a second thread asks devmgr to KILL the driver (as a crash)
 * 3 ms into the run's write, mostly in the middle of its PIO data phase;
 * the library sends the write again to the next generation, and a flush
 * that reports ESTALE (writes lost with the old one) has the run written
 * again:
 *   ata-disks: NAME: killed the driver, pid P
 *   ata-disks: NAME: R reconnects, S requests sent again
 * Exits 0 when every disk passed, 1 otherwise. The scenario then checks the
 * image files on the host against the same pattern.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/client/block.h>
#include <atxf/errors.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "ata_pattern.h"
#include "devmgr_ask.h"

#define OPEN_NS  30000000000ull
#define RUN      300                    /* sectors: more than ATA_MAX_SECTORS */
#define BUF      (64 * 1024)

static uint8_t out[RUN * ATA_PATTERN_SECTOR], in[RUN * ATA_PATTERN_SECTOR];
static char instance[64];               /* the driver's, for KILL */
static atxf_handle_t devmgr = ATXF_HANDLE_NONE;   /* set with "kill" */

static int fail(const char *name, const char *what, int err)
{
	atxf_log("ata-disks: %s: FAIL: %s: %s\n", name, what, atxf_strerror(err));
	return 1;
}

static void fill(unsigned disk, uint64_t sector, uint32_t count, uint8_t *p)
{
	for (uint32_t i = 0; i < count; i++)
		ata_pattern_sector(disk, sector + i, p + (size_t)i * ATA_PATTERN_SECTOR);
}

/* Writes the pattern at sector, or checks it is there. */
static int put(struct atxf_block_client *b, const char *name, unsigned disk, uint64_t sector,
	       uint32_t count)
{
	int err;

	fill(disk, sector, count, out);
	err = atxf_block_client_write(b, sector, count, out);
	return err ? fail(name, "write", err) : 0;
}

static int check(struct atxf_block_client *b, const char *name, unsigned disk,
		 uint64_t sector, uint32_t count)
{
	int err;

	fill(disk, sector, count, out);
	memset(in, 0, (size_t)count * ATA_PATTERN_SECTOR);
	err = atxf_block_client_read(b, sector, count, in);
	if (err)
		return fail(name, "read", err);
	if (memcmp(in, out, (size_t)count * ATA_PATTERN_SECTOR)) {
		atxf_log("ata-disks: %s: FAIL: sectors %llu+%u read back other bytes\n", name,
			 (unsigned long long)sector, count);
		return 1;
	}
	return 0;
}

#define KILL_AFTER_NS 3000000ull

/* The killer thread: KILLs the driver's running generation (devmgr
 * restarts it) KILL_AFTER_NS after it was started. */
static void *killer(void *arg)
{
	const char *name = arg;
	long pid;

	atxf_sleep_ns(KILL_AFTER_NS);
	pid = devmgr_kill_running(devmgr, instance);
	if (pid < 0)
		fail(name, "KILL of the driver", (int)pid);
	else
		atxf_log("ata-disks: %s: killed the driver, pid %ld\n", name, pid);
	return pid < 0 ? arg : NULL;            /* non-NULL: it failed */
}

/* The run, written and flushed; again while a flush says a restart lost it. */
static int put_run(struct atxf_block_client *b, const char *name, unsigned disk)
{
	pthread_t thread;
	void *killed = NULL;
	int err, bad, tries = 0;

	if (devmgr >= 0 && pthread_create(&thread, NULL, killer, (void *)name) != 0)
		return fail(name, "pthread_create", -ATXF_ENOMEM);
	do {
		bad = put(b, name, disk, 1, RUN);
		err = bad ? 0 : atxf_block_client_flush(b);
	} while (err == -ATXF_ESTALE && ++tries < 3);
	if (devmgr >= 0)
		pthread_join(thread, &killed);
	if (!bad && err)
		bad = fail(name, "flush", err);
	return bad || killed != NULL;
}

static int one_disk(const char *name, unsigned disk, uint64_t want)
{
	struct atxf_block_client b;
	uint64_t last;
	int err = atxf_block_client_open(&b, name, BUF, OPEN_NS), bad;

	if (err)
		return fail(name, "open", err);
	if (b.info.sectors != want || b.info.sector_size != ATA_PATTERN_SECTOR) {
		atxf_log("ata-disks: %s: FAIL: INFO says %llu sectors of %u bytes, want %llu of 512\n",
			 name, (unsigned long long)b.info.sectors, b.info.sector_size,
			 (unsigned long long)want);
		return 1;
	}
	atxf_log("ata-disks: %s: %llu sectors of 512 bytes: OK\n", name, (unsigned long long)want);
	last = want - 1;
	bad = put(&b, name, disk, 0, 1) || put(&b, name, disk, last, 1);
	if (!bad && (err = atxf_block_client_flush(&b)) != 0)
		bad = fail(name, "flush", err);
	bad = bad || put_run(&b, name, disk);
	bad = bad || check(&b, name, disk, 0, 1) || check(&b, name, disk, last, 1) ||
	      check(&b, name, disk, 1, RUN);
	if (!bad && (err = atxf_block_client_read(&b, want, 1, in)) != -ATXF_ERANGE)
		bad = fail(name, "a read past the end was not refused with ERANGE", err);
	if (!bad && devmgr >= 0)
		atxf_log("ata-disks: %s: %u reconnects, %u requests sent again\n", name,
			 b.conn.reconnects, b.conn.resubmits);
	if (!bad)
		atxf_log("ata-disks: %s: first, last and %u sectors written, flushed, read back: OK\n",
			 name, RUN);
	atxf_block_client_close(&b);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0, first = 1, err = atxf_driver_find("ata", instance, sizeof(instance), OPEN_NS);

	if (err < 0)
		return fail("ata", "the driver never said HELLO", err);
	if (argc > 1 && !strcmp(argv[1], "kill")) {
		devmgr = atxf_name_lookup("devmgr", OPEN_NS);
		if (devmgr < 0)
			return fail("ata", "looking up devmgr", devmgr);
		first = 2;
	}
	for (int i = first; i < argc; i++) {
		char *colon = strchr(argv[i], ':');

		if (!colon || colon[1] == '\0' || strncmp(argv[i], "ata", 3)) {
			atxf_log("ata-disks: FAIL: argument %s is not NAME:SECTORS\n", argv[i]);
			return 1;
		}
		*colon = '\0';
		bad |= one_disk(argv[i], (unsigned)atoi(argv[i] + 3),
				strtoull(colon + 1, NULL, 10));
	}
	return bad;
}
