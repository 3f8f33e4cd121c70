/*
 * bench-storage.atxf: our side of the storage rows of `make bench`
 * (tests/bench/peers.py), the workloads of storage.h on one disk, through
 * the block client library as any ATXF client would use it:
 *   seq-write, seq-read    the call path (<atxf/client/block.h>) with a 1 MiB
 *                          buffer: one 1 MiB request at a time, which the
 *                          library splits at the driver's max_sectors;
 *                          the writes end with a FLUSH
 *   rand-read-qd1          the call path, one 4 KiB read per call
 *   rand-read-qd32         the disk's request ring
 *                          (<atxf/client/block_queue.h>), 32 kept in flight
 *
 *   bench-storage.atxf NAME DISK [wait]
 * NAME: a driver (its running instance is opened) or an instance; with
 * "wait", a device a driver adds, waited for until it registers. DISK: the
 * name of the table's row.
 * The call path works in the client's shared buffer itself, so the driver
 * moves the sectors straight there and nothing is copied: what lbench's
 * O_DIRECT does with its own buffer on Linux.
 *
 * prints, per workload,
 *   bench: DISK WORKLOAD ops N bytes B ns T
 *   bench: DISK WORKLOAD n/a (WHY)
 * then `bench: storage done`.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/client/block_queue.h>
#include <atxf/errors.h>
#include <atxf/cap.h>
#include <atxf/hw.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "storage.h"

#define OPEN_NS  60000000000ull         /* devmgr starts the driver meanwhile */
#define WAIT_NS  30000000000ull
#define SIGNAL   (1ull << 4)
#define NOTICE   (1ull << 40)

static struct atxf_block_client disk;
static struct atxf_block_queue queue;
static const char *name;

static void line(const char *workload, uint64_t ops, uint64_t bytes, uint64_t t0)
{
	printf("bench: %s %s ops %llu bytes %llu ns %llu\n", name, workload,
	       (unsigned long long)ops, (unsigned long long)bytes,
	       (unsigned long long)(atxf_time_ns() - t0));
}

static int failed(const char *workload, const char *what, int err)
{
	printf("bench: %s %s n/a (%s: %s)\n", name, workload, what, atxf_strerror(err));
	return err;
}

static int sequential(int writing)
{
	const char *workload = writing ? "seq-write" : "seq-read";
	uint32_t per = STORAGE_SEQ_CHUNK / disk.info.sector_size;
	void *data = disk.buf.mem;
	uint64_t t0 = atxf_time_ns();
	int err = 0;

	for (uint64_t off = 0; off < STORAGE_SEQ_BYTES && !err; off += STORAGE_SEQ_CHUNK) {
		uint64_t sector = off / disk.info.sector_size;

		err = writing ? atxf_block_client_write(&disk, sector, per, data)
			      : atxf_block_client_read(&disk, sector, per, data);
	}
	if (!err && writing)
		err = atxf_block_client_flush(&disk);
	if (err)
		return failed(workload, writing ? "WRITE or FLUSH" : "READ", err);
	line(workload, STORAGE_SEQ_BYTES / STORAGE_SEQ_CHUNK, STORAGE_SEQ_BYTES, t0);
	return 0;
}

static int random_qd1(void)
{
	uint32_t per = STORAGE_RAND_BLOCK / disk.info.sector_size;
	uint64_t state = STORAGE_SEED, t0 = atxf_time_ns();

	for (unsigned i = 0; i < STORAGE_RAND_OPS; i++) {
		uint64_t sector = storage_next_offset(&state) / disk.info.sector_size;
		int err = atxf_block_client_read(&disk, sector, per, disk.buf.mem);

		if (err)
			return failed("rand-read-qd1", "READ", err);
	}
	line("rand-read-qd1", STORAGE_RAND_OPS, (uint64_t)STORAGE_RAND_OPS * STORAGE_RAND_BLOCK, t0);
	return 0;
}

/* Submits reads until the ring holds STORAGE_DEEP_QD or all were issued. */
static int fill(unsigned *issued, unsigned done, uint64_t *state)
{
	uint32_t per = STORAGE_RAND_BLOCK / disk.info.sector_size;

	while (*issued < STORAGE_RAND_OPS && *issued - done < STORAGE_DEEP_QD) {
		long id = atxf_block_queue_submit(&queue, ATXF_BLOCK_OP_READ,
						  storage_next_offset(state) / disk.info.sector_size,
						  per, NULL);

		if (id < 0)
			return (int)id;
		(*issued)++;
	}
	return atxf_block_queue_kick(&queue);
}

static int reap(unsigned *done)
{
	struct atxf_block_completion c;
	int got, before = (int)*done;

	while ((got = atxf_block_queue_reap(&queue, &c)) == 1) {
		if (c.status)
			return c.status;
		(*done)++;
	}
	if (got < 0)
		return got;
	/* Sleep only when nothing came: else refill first. */
	return (int)*done == before ? atxf_block_queue_wait(&queue, WAIT_NS) : 0;
}

static int open_ring(void)
{
	int err = atxf_block_queue_open(&queue, &disk, STORAGE_DEEP_QD, atxf_port_create(),
					SIGNAL, NOTICE);

	return err ? failed("rand-read-qd32", "opening the request ring", err) : 0;
}

static int random_deep(void)
{
	uint64_t state = STORAGE_SEED, t0 = atxf_time_ns();
	unsigned issued = 0, done = 0;
	int err = 0;

	while (!err && done < STORAGE_RAND_OPS) {
		err = fill(&issued, done, &state);
		if (!err)
			err = reap(&done);
	}
	if (err)
		return failed("rand-read-qd32", "the request ring", err);
	line("rand-read-qd32", STORAGE_RAND_OPS, (uint64_t)STORAGE_RAND_OPS * STORAGE_RAND_BLOCK, t0);
	return 0;
}

/* A device a driver adds registers its name after the driver's probe. */
static int wait_for(const char *instance)
{
	atxf_handle_t h = atxf_name_lookup(instance, OPEN_NS);

	if (h < 0)
		return (int)h;
	atxf_cap_drop(h);
	return 0;
}

int main(int argc, char **argv)
{
	int err;

	if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "wait"))) {
		printf("bench-storage: usage: bench-storage.atxf NAME DISK [wait]\n");
		return 2;
	}
	name = argv[2];
	err = argc == 4 ? wait_for(argv[1]) : 0;
	if (!err)
		err = atxf_block_client_open(&disk, argv[1], STORAGE_SEQ_CHUNK, OPEN_NS);
	if (err) {
		printf("bench: %s n/a (opening %s: %s)\n", name, argv[1], atxf_strerror(err));
	} else if (disk.info.sectors * disk.info.sector_size < STORAGE_SEQ_BYTES ||
		   STORAGE_RAND_BLOCK % disk.info.sector_size) {
		printf("bench: %s n/a (%llu sectors of %u bytes: too small for the workloads)\n",
		       name, (unsigned long long)disk.info.sectors, disk.info.sector_size);
	} else {
		memset(disk.buf.mem, 0xa5, STORAGE_SEQ_CHUNK);
		for (int r = 0; r < STORAGE_REPEAT; r++)
			sequential(1);
		for (int r = 0; r < STORAGE_REPEAT; r++)
			sequential(0);
		for (int r = 0; r < STORAGE_REPEAT; r++)
			random_qd1();
		for (int r = 0; r < STORAGE_REPEAT && (r || open_ring() == 0); r++)
			if (random_deep())
				break;
	}
	printf("bench: storage done\n");
	return 0;
}
