/*
 * part-write.atxf: writes through a partition's block device, for the
 * disk scenarios (tests/qemu/scenarios_disks.py), whose host check then
 * finds the bytes inside that partition on the image and nowhere else.
 *
 *   part-write.atxf DEV          (DEV: a partition, "vblk0p2")
 *
 * Waits for DEV's name, writes PART_WRITE_RUN sectors at the partition's
 * start and as many at its end (sector s of the partition holds byte
 * (s * 31 + j * 7 + 0x5a) & 0xff at offset j), flushes, reads them back,
 * and checks that a write at the sector past the end, a write crossing
 * the end and a read past the end are each refused with ERANGE. Prints
 *   part-write: DEV: wrote sectors 0-7 and N-8-N-1 of N, read back right
 *   part-write: DEV: 3 requests past the end refused with ERANGE
 * and exits 0, or prints a FAIL line and exits 1.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/errors.h>
#include <atxf/name.h>
#include <atxf/sys.h>

#define WAIT_NS        30000000000ull   /* the disk, its driver and the part driver start */
#define PART_WRITE_RUN 8
#define SECTOR_MAX     4096

static struct atxf_block_client dev;
static uint8_t out[PART_WRITE_RUN * SECTOR_MAX], in[PART_WRITE_RUN * SECTOR_MAX];

static void fill(uint64_t first, uint32_t ss)
{
	for (uint32_t s = 0; s < PART_WRITE_RUN; s++)
		for (uint32_t j = 0; j < ss; j++)
			out[s * ss + j] = (uint8_t)((first + s) * 31 + j * 7 + 0x5a);
}

static int fail(const char *name, const char *what, int err)
{
	printf("part-write: %s: FAIL: %s: %s\n", name, what, err ? atxf_strerror(err) : "wrong");
	return 1;
}

/* Writes the run at first, and reads it back. */
static int write_run(const char *name, uint64_t first)
{
	uint32_t ss = dev.info.sector_size;
	int err;

	fill(first, ss);
	err = atxf_block_client_write(&dev, first, PART_WRITE_RUN, out);
	if (err)
		return fail(name, "write", err);
	err = atxf_block_client_flush(&dev);
	if (err)
		return fail(name, "flush", err);
	memset(in, 0, sizeof(in));
	err = atxf_block_client_read(&dev, first, PART_WRITE_RUN, in);
	if (err || memcmp(in, out, (size_t)PART_WRITE_RUN * ss))
		return fail(name, "read back", err);
	return 0;
}

static int past_end(const char *name)
{
	uint64_t n = dev.info.sectors;
	int w1 = atxf_block_client_write(&dev, n, 1, out);
	int w2 = atxf_block_client_write(&dev, n - 1, 2, out);
	int r = atxf_block_client_read(&dev, n, 1, in);

	if (w1 != -ATXF_ERANGE || w2 != -ATXF_ERANGE || r != -ATXF_ERANGE) {
		printf("part-write: %s: FAIL: past the end: write %s, crossing write %s, read %s\n",
		       name, atxf_strerror(w1), atxf_strerror(w2), atxf_strerror(r));
		return 1;
	}
	printf("part-write: %s: 3 requests past the end refused with ERANGE\n", name);
	return 0;
}

int main(int argc, char **argv)
{
	const char *name = argc == 2 ? argv[1] : NULL;
	atxf_handle_t h;
	int err;

	if (!name) {
		printf("part-write: usage: part-write.atxf DEV\n");
		return 2;
	}
	h = atxf_name_lookup(name, WAIT_NS);
	if (h < 0)
		return fail(name, "no such device", (int)h);
	atxf_cap_drop(h);
	err = atxf_block_client_open(&dev, name, sizeof(out), WAIT_NS);
	if (err)
		return fail(name, "open", err);
	if (dev.info.sector_size > SECTOR_MAX || dev.info.sectors < 2 * PART_WRITE_RUN)
		return fail(name, "sector size or size", 0);
	if (write_run(name, 0) || write_run(name, dev.info.sectors - PART_WRITE_RUN))
		return 1;
	printf("part-write: %s: wrote sectors 0-%u and %llu-%llu of %llu, read back right\n",
	       name, PART_WRITE_RUN - 1,
	       (unsigned long long)(dev.info.sectors - PART_WRITE_RUN),
	       (unsigned long long)(dev.info.sectors - 1), (unsigned long long)dev.info.sectors);
	return past_end(name);
}
