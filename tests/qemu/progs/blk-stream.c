/*
 * blk-stream.atxf: a block client that streams reads through the block
 * client library (<atxf/client/block.h>) while its second thread kills the
 * driver under it, for tests/qemu/scenarios_clients.py.
 *
 *   blk-stream.atxf DRIVER REQUESTS KILLS
 *
 * Opens DRIVER (a manifest name: blk-pattern) and reads REQUESTS times,
 * request i at sector (i * 37) mod (sectors - 16), 1 + i mod 16 sectors,
 * checking every word against blk_pattern.h. Each time another
 * REQUESTS / (KILLS + 1) requests were answered, the killer thread asks
 * devmgr to KILL the driver's running generation (as a crash), KILLS times
 * in all, and waits until the stream has moved on. Then it prints
 *   blk-stream: killed pid P (kill K of KILLS)              per kill
 *   blk-stream: R of REQUESTS reads right, each answered once, across N restarts
 *   blk-stream: S requests sent again after a restart
 * asks devmgr to STOP the driver (no restart), and checks that the next
 * read ends with ESTALE once the library's restart window (1 s here) is over:
 *   blk-stream: after STOP: ESTALE after T ms
 * Exits 0 when all held, 1 after a FAIL line.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "blk_pattern.h"
#include "devmgr_ask.h"

#define OPEN_NS     30000000000ull
#define WINDOW_NS   1000000000ull       /* the restart window after STOP */
#define MS          1000000ull

struct stream {
	struct atxf_block_client disk;
	unsigned requests, kills;
	volatile unsigned answered;     /* requests answered so far (main thread writes) */
	volatile int killer_failed;
	atxf_handle_t devmgr;
	uint32_t buf[BLK_PATTERN_MAX * BLK_PATTERN_SECTOR / 4];
};

static int fail(const char *what, int err)
{
	atxf_log("blk-stream: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

/* Waits until n requests were answered (or the stream ended). */
static void wait_answered(struct stream *s, unsigned n)
{
	while (s->answered < n && s->answered < s->requests)
		atxf_sleep_ns(MS);
}

static void *killer(void *arg)
{
	struct stream *s = arg;
	unsigned every = s->requests / (s->kills + 1);

	for (unsigned k = 1; k <= s->kills; k++) {
		long pid;

		wait_answered(s, k * every);
		pid = devmgr_kill_running(s->devmgr, s->disk.conn.name);
		if (pid < 0) {
			atxf_log("blk-stream: FAIL: kill %u through devmgr: %s\n", k,
				 atxf_strerror((int)pid));
			s->killer_failed = 1;
			return NULL;
		}
		atxf_log("blk-stream: killed pid %ld (kill %u of %u)\n", pid, k, s->kills);
	}
	return NULL;
}

/* Request i's sectors checked word by word: 0, or 1 after a FAIL line. */
static int check(const struct stream *s, uint64_t sector, uint32_t count, unsigned i)
{
	for (uint32_t n = 0; n < count; n++)
		for (uint32_t k = 0; k < BLK_PATTERN_SECTOR / 4; k++) {
			uint32_t got = s->buf[n * (BLK_PATTERN_SECTOR / 4) + k];

			if (got != blk_pattern_word(sector + n, k)) {
				atxf_log("blk-stream: FAIL: request %u: sector %llu word %u is %#x, "
					 "not %#x\n", i, (unsigned long long)(sector + n), k, got,
					 blk_pattern_word(sector + n, k));
				return 1;
			}
		}
	return 0;
}

static unsigned run_stream(struct stream *s)
{
	unsigned right = 0;

	for (unsigned i = 0; i < s->requests; i++) {
		uint64_t sector = (uint64_t)i * 37 % (s->disk.info.sectors - BLK_PATTERN_MAX);
		uint32_t count = 1 + i % BLK_PATTERN_MAX;
		int err = atxf_block_client_read(&s->disk, sector, count, s->buf);

		if (err < 0) {
			atxf_log("blk-stream: FAIL: request %u: %s\n", i, atxf_strerror(err));
			break;
		}
		right += !check(s, sector, count, i);
		s->answered = i + 1;
	}
	s->answered = s->requests;      /* lets the killer go if the stream broke */
	return right;
}

/* STOP the driver; the next read must end with ESTALE after the window. */
static int after_stop(struct stream *s)
{
	uint64_t start;
	int err = devmgr_stop(s->devmgr, s->disk.conn.name);

	if (err < 0)
		return fail("STOP through devmgr", err);
	s->disk.conn.restart_ns = WINDOW_NS;
	start = atxf_clock_ns();
	err = atxf_block_client_read(&s->disk, 0, 1, s->buf);
	if (err != -ATXF_ESTALE)
		return fail("a read after STOP ended otherwise than with ESTALE", err ? err : -1);
	atxf_log("blk-stream: after STOP: ESTALE after %llu ms\n",
		 (unsigned long long)((atxf_clock_ns() - start) / MS));
	return 0;
}

int main(int argc, char **argv)
{
	static struct stream s;
	pthread_t thread;
	unsigned right;
	int err;

	if (argc != 4) {
		atxf_log("blk-stream: usage: blk-stream.atxf DRIVER REQUESTS KILLS\n");
		return 2;
	}
	s.requests = (unsigned)atoi(argv[2]);
	s.kills = (unsigned)atoi(argv[3]);
	s.devmgr = atxf_name_lookup("devmgr", OPEN_NS);
	if (s.devmgr < 0)
		return fail("looking up devmgr", s.devmgr);
	err = atxf_block_client_open(&s.disk, argv[1], sizeof(s.buf), OPEN_NS);
	if (err < 0)
		return fail("opening the disk", err);
	if (pthread_create(&thread, NULL, killer, &s) != 0)
		return fail("starting the killer thread", -ATXF_ENOMEM);
	right = run_stream(&s);
	pthread_join(thread, NULL);
	atxf_log("blk-stream: %u of %u reads right, each answered once, across %u restarts\n",
		 right, s.requests, s.disk.conn.reconnects);
	atxf_log("blk-stream: %u requests sent again after a restart\n", s.disk.conn.resubmits);
	if (right != s.requests || s.killer_failed || s.disk.conn.reconnects != s.kills)
		return 1;
	return after_stop(&s);
}
