/*
 * blk-stream.atxf: a block client that streams reads through the block
 * client library (<atxf/client/block.h>) while its second thread kills the
 * driver under it, for tests/qemu/scenarios_clients.py.
 *
 *   blk-stream.atxf DRIVER REQUESTS KILLS [ring]
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
 * With "ring" the reads go through the disk's request ring instead
 * (<atxf/client/block_queue.h>), 32 in flight: each completion is checked
 * against the request its id stands for, and must be its only one, and
 * the lines say "ring: " after "blk-stream: ", with
 *   blk-stream: ring: R of REQUESTS reads right, each answered once, across N
 *   restarts, up to M in flight
 * After STOP a read is submitted, and the ring must end with ESTALE.
 * Exits 0 when all held, 1 after a FAIL line.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/client/block.h>
#include <atxf/client/block_queue.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "blk_pattern.h"
#include "devmgr_ask.h"

#define OPEN_NS     30000000000ull
#define WINDOW_NS   1000000000ull       /* the restart window after STOP */
#define MS          1000000ull
#define WAIT_NS     30000000000ull      /* for a completion, on a loaded TCG machine */
#define ENTRIES     32
#define SIGNAL      (1ull << 4)         /* completions, on our port */
#define NOTICE      (1ull << 40)        /* the driver's death, on our port */
#define MAX_REQUESTS 4096

struct stream {
	struct atxf_block_client disk;
	unsigned requests, kills;
	volatile unsigned answered;     /* requests answered so far (main thread writes) */
	volatile int killer_failed;
	atxf_handle_t devmgr;
	uint32_t buf[BLK_PATTERN_MAX * BLK_PATTERN_SECTOR / 4];
	/* ring mode */
	struct atxf_block_queue q;
	const char *mode;               /* "" or "ring: " in the lines */
	unsigned slot_req[ENTRIES];     /* the request each id stands for */
	uint8_t heard[MAX_REQUESTS];    /* completions per request */
	unsigned most;                  /* the most in flight at once */
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

static uint64_t sector_of(const struct stream *s, unsigned i)
{
	return (uint64_t)i * 37 % (s->disk.info.sectors - BLK_PATTERN_MAX);
}

static uint32_t count_of(unsigned i)
{
	return 1 + i % BLK_PATTERN_MAX;
}

static unsigned run_stream(struct stream *s)
{
	unsigned right = 0;

	for (unsigned i = 0; i < s->requests; i++) {
		uint64_t sector = sector_of(s, i);
		uint32_t count = count_of(i);
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

/* One completion: right (1) or not (0, after a FAIL line). */
static int ring_check(struct stream *s, const struct atxf_block_completion *c)
{
	unsigned i = s->slot_req[c->id];
	uint32_t bytes = count_of(i) * BLK_PATTERN_SECTOR;

	if (s->heard[i]++) {
		atxf_log("blk-stream: FAIL: ring: request %u answered twice\n", i);
		return 0;
	}
	if (c->status != 0 || c->length != bytes) {
		atxf_log("blk-stream: FAIL: ring: request %u: status %d, %u bytes\n", i,
			 (int)c->status, c->length);
		return 0;
	}
	memcpy(s->buf, atxf_block_queue_data(&s->q, c->id), bytes);
	return !check(s, sector_of(s, i), count_of(i), i);
}

/* Fills the ring with the next requests: 0, or the error. */
static int ring_fill(struct stream *s, unsigned *next, unsigned done)
{
	while (*next < s->requests) {
		long id = atxf_block_queue_submit(&s->q, ATXF_BLOCK_OP_READ, sector_of(s, *next),
						  count_of(*next), NULL);

		if (id == -ATXF_EAGAIN)
			break;
		if (id < 0)
			return (int)id;
		s->slot_req[id] = (*next)++;
		if (*next - done > s->most)
			s->most = *next - done;
	}
	return atxf_block_queue_kick(&s->q);
}

static unsigned run_ring(struct stream *s)
{
	struct atxf_block_completion c;
	unsigned next = 0, done = 0, right = 0;
	int err = 0, got = 0;

	while (done < s->requests && err == 0) {
		unsigned before = done;

		err = ring_fill(s, &next, done);
		while (err == 0 && (got = atxf_block_queue_reap(&s->q, &c)) == 1) {
			right += ring_check(s, &c);
			s->answered = ++done;
		}
		if (err == 0 && got < 0)
			err = got;
		/* Sleep only when a turn brought nothing: else refill first. */
		if (err == 0 && done == before)
			err = atxf_block_queue_wait(&s->q, WAIT_NS);
	}
	if (err < 0)
		atxf_log("blk-stream: FAIL: ring: after %u completions: %s\n", done,
			 atxf_strerror(err));
	s->answered = s->requests;
	return right;
}

/* After STOP: a read in the ring ends with ESTALE once the window is over. */
static int ring_after_stop(struct stream *s)
{
	struct atxf_block_completion c;
	long id = atxf_block_queue_submit(&s->q, ATXF_BLOCK_OP_READ, 0, 1, NULL);
	int err = id < 0 ? (int)id : atxf_block_queue_kick(&s->q);

	while (err == 0) {
		int got = atxf_block_queue_reap(&s->q, &c);

		/* Only ENODEV may answer it: what a stopping driver held ends so. */
		if (got == 1 && c.status != -ATXF_ENODEV)
			return -ATXF_EPROTO;
		err = got < 0 ? got : got == 1 ? 0 : atxf_block_queue_wait(&s->q, WAIT_NS);
	}
	return err;
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
	err = *s->mode ? ring_after_stop(s) : atxf_block_client_read(&s->disk, 0, 1, s->buf);
	if (err != -ATXF_ESTALE)
		return fail("a read after STOP ended otherwise than with ESTALE", err ? err : -1);
	atxf_log("blk-stream: %safter STOP: ESTALE after %llu ms\n", s->mode,
		 (unsigned long long)((atxf_clock_ns() - start) / MS));
	return 0;
}

int main(int argc, char **argv)
{
	static struct stream s;
	pthread_t thread;
	unsigned right;
	int err;

	if (argc < 4 || argc > 5 || atoi(argv[2]) > MAX_REQUESTS) {
		atxf_log("blk-stream: usage: blk-stream.atxf DRIVER REQUESTS KILLS [ring], "
			 "REQUESTS at most %d\n", MAX_REQUESTS);
		return 2;
	}
	s.mode = argc == 5 ? "ring: " : "";
	s.requests = (unsigned)atoi(argv[2]);
	s.kills = (unsigned)atoi(argv[3]);
	s.devmgr = atxf_name_lookup("devmgr", OPEN_NS);
	if (s.devmgr < 0)
		return fail("looking up devmgr", s.devmgr);
	err = atxf_block_client_open(&s.disk, argv[1], sizeof(s.buf), OPEN_NS);
	if (err < 0)
		return fail("opening the disk", err);
	if (*s.mode && (err = atxf_block_queue_open(&s.q, &s.disk, ENTRIES, atxf_port_create(),
						    SIGNAL, NOTICE)) < 0)
		return fail("opening the request ring", err);
	if (pthread_create(&thread, NULL, killer, &s) != 0)
		return fail("starting the killer thread", -ATXF_ENOMEM);
	right = *s.mode ? run_ring(&s) : run_stream(&s);
	pthread_join(thread, NULL);
	if (*s.mode)
		atxf_log("blk-stream: ring: %u of %u reads right, each answered once, across %u "
			 "restarts, up to %u in flight\n", right, s.requests, s.disk.conn.reconnects,
			 s.most);
	else
		atxf_log("blk-stream: %u of %u reads right, each answered once, across %u "
			 "restarts\n", right, s.requests, s.disk.conn.reconnects);
	atxf_log("blk-stream: %s%u requests sent again after a restart\n", s.mode,
		 *s.mode ? s.q.resubmits : s.disk.conn.resubmits);
	if (right != s.requests || s.killer_failed || s.disk.conn.reconnects != s.kills)
		return 1;
	return after_stop(&s);
}
