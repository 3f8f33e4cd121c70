/*
 * rng-stream.atxf: reads random bytes through the rng class client
 * (<atxf/client/rng.h>) while devmgr kills the driver under it, and checks
 * that every read was answered in full and the bytes look random.
 *
 *   rng-stream.atxf READS KILLS       reads of CHUNK bytes; a kill every
 *                                     READS / (KILLS + 1) reads
 *
 * Logs "rng-stream: killed pid P (kill K of KILLS)" per kill, then
 * "rng-stream: N bytes in R reads, K reconnects: OK" and exits 0;
 * "rng-stream: FAIL: ..." and 1 otherwise.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/client/rng.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include "devmgr_ask.h"

#define CHUNK      256
#define READS_MAX  64
#define OPEN_NS    60000000000ull
#define READ_NS    10000000000ull

static uint8_t bytes[READS_MAX * CHUNK];

static int fail(const char *why)
{
	atxf_log("rng-stream: FAIL: %s\n", why);
	return 1;
}

/* No 16-byte block twice, and most byte values present. */
static const char *looks_random(size_t len)
{
	unsigned seen[256] = { 0 }, distinct = 0;

	for (size_t i = 0; i < len; i++)
		distinct += seen[bytes[i]]++ == 0;
	if (distinct < 200)
		return "fewer than 200 distinct byte values";
	for (size_t a = 0; a + 16 <= len; a += 16)
		for (size_t b = a + 16; b + 16 <= len; b += 16)
			if (!memcmp(bytes + a, bytes + b, 16))
				return "a 16-byte block came twice";
	return NULL;
}

int main(int argc, char **argv)
{
	unsigned reads = argc > 1 ? (unsigned)atoi(argv[1]) : 0;
	unsigned kills = argc > 2 ? (unsigned)atoi(argv[2]) : 0;
	struct atxf_rng_client rng;
	atxf_handle_t devmgr;
	const char *why;
	unsigned k = 0;

	if (reads < 2 || reads > READS_MAX || kills >= reads)
		return fail("usage: rng-stream.atxf READS(2..64) KILLS(< READS)");
	devmgr = atxf_name_lookup("devmgr", OPEN_NS);
	if (devmgr < 0 || atxf_rng_client_open(&rng, "virtio-rng", OPEN_NS) < 0)
		return fail("no virtio-rng to open");
	for (unsigned r = 0; r < reads; r++) {
		long got;

		if (k < kills && r == (k + 1) * (reads / (kills + 1))) {
			long pid = devmgr_kill_running(devmgr, rng.conn.name);

			if (pid < 0)
				return fail("devmgr did not kill the driver");
			atxf_log("rng-stream: killed pid %ld (kill %u of %u)\n", pid, ++k, kills);
		}
		got = atxf_rng_client_read(&rng, bytes + r * CHUNK, CHUNK, READ_NS);
		if (got != CHUNK) {
			atxf_log("rng-stream: read %u gave %ld, not %d\n", r, got, CHUNK);
			return fail("a read was not answered in full");
		}
	}
	why = looks_random((size_t)reads * CHUNK);
	if (why)
		return fail(why);
	atxf_log("rng-stream: %u bytes in %u reads, %u reconnects: OK\n", reads * CHUNK, reads,
		 (unsigned)rng.conn.reconnects);
	atxf_rng_client_close(&rng);
	return 0;
}
