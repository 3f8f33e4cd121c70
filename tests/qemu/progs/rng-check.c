/*
 * rng-check.atxf [BYTES]: a getrandom-style client of the virtio-rng
 * driver. It finds the driver through devmgr, reads BYTES (default 4096)
 * random bytes in READs of at most ATXF_RNG_READ_MAX, and checks that they
 * look random: not all equal, no 16-byte block twice, at least 200 of the
 * 256 byte values present, between 45% and 55% of the bits set (for real
 * entropy each check fails with a probability far below 1e-20), and its
 * first two READs differ. It prints
 *   rng-check: 4096 bytes in N reads from virtio-rng.00-04.0
 *   rng-check: first read  <hex>   /   rng-check: second read <hex>
 *   rng-check: OK: D distinct byte values, P.P% ones, no block repeated
 * (as log lines, "rng-check.atxf[PID]: ...") and exits 0, or logs
 * "rng-check: FAIL: why" and exits 1.
 */
#include <stdlib.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/log.h>
#include <atxf/proto/rng.h>
#include <atxf/sys.h>

#define FIND_NS   30000000000ull
#define CALL_NS   5000000000ull
#define EMPTY_NS  1000000ull        /* none ready: ask again soon */
#define MAX_BYTES 16384
#define BLOCK     16
#define SHOW      32                /* bytes of each of the first two reads shown */

static unsigned char buf[MAX_BYTES];

static int fail(const char *why)
{
	atxf_log("rng-check: FAIL: %s\n", why);
	return 1;
}

static void show(const char *what, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char line[2 * SHOW + 1];

	for (size_t i = 0; i < n; i++) {
		line[2 * i] = hex[p[i] >> 4];
		line[2 * i + 1] = hex[p[i] & 15];
	}
	line[2 * n] = '\0';
	atxf_log("rng-check: %s %s\n", what, line);
}

static int block_repeats(size_t len)
{
	for (size_t a = 0; a + BLOCK <= len; a += BLOCK)
		for (size_t b = a + BLOCK; b + BLOCK <= len; b += BLOCK)
			if (!memcmp(buf + a, buf + b, BLOCK))
				return 1;
	return 0;
}

static unsigned distinct_values(size_t len)
{
	unsigned char seen[256] = { 0 };
	unsigned n = 0;

	for (size_t i = 0; i < len; i++)
		if (!seen[buf[i]]++)
			n++;
	return n;
}

static unsigned long ones(size_t len)
{
	unsigned long n = 0;

	for (size_t i = 0; i < len; i++)
		for (unsigned v = buf[i]; v; v &= v - 1)
			n++;
	return n;
}

/* READs until len bytes came; the first two are kept apart to compare. */
static int read_all(atxf_handle_t drv, size_t len, unsigned *reads, unsigned char first[2][SHOW])
{
	size_t got = 0;

	while (got < len) {
		size_t want = len - got < ATXF_RNG_READ_MAX ? len - got : ATXF_RNG_READ_MAX;
		int n = atxf_rng_read(drv, buf + got, want, CALL_NS);

		if (n < 0) {
			atxf_log("rng-check: read: %s\n", atxf_strerror(n));
			return n;
		}
		if (n == 0) {
			atxf_sleep_ns(EMPTY_NS);
			continue;
		}
		if (*reads < 2)
			memcpy(first[*reads], buf + got, (size_t)n < SHOW ? (size_t)n : SHOW);
		(*reads)++;
		got += (size_t)n;
	}
	return 0;
}

int main(int argc, char **argv)
{
	size_t len = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
	unsigned char first[2][SHOW] = { { 0 } };
	char instance[64];
	unsigned reads = 0, distinct;
	unsigned long bits;
	atxf_handle_t drv;

	if (len < 2 * SHOW || len > MAX_BYTES)
		return fail("BYTES must be 64 to 16384");
	if (atxf_driver_find("virtio-rng", instance, sizeof(instance), FIND_NS) < 0)
		return fail("no running virtio-rng");
	drv = atxf_driver_open("virtio-rng", FIND_NS);
	if (drv < 0)
		return fail("cannot open virtio-rng");
	if (read_all(drv, len, &reads, first) < 0)
		return fail("a READ failed");
	atxf_log("rng-check: %zu bytes in %u reads from %s\n", len, reads, instance);
	show("first read ", first[0], SHOW);
	show("second read", first[1], SHOW);
	distinct = distinct_values(len);
	bits = ones(len);
	if (!memcmp(first[0], first[1], SHOW))
		return fail("the first two reads brought the same bytes");
	if (distinct == 1)
		return fail("every byte is the same");
	if (block_repeats(len))
		return fail("a 16-byte block came twice");
	if (len >= 4096 && distinct < 200)
		return fail("fewer than 200 distinct byte values");
	if (bits * 100 < len * 8 * 45 || bits * 100 > len * 8 * 55)
		return fail("the share of one bits is outside 45%..55%");
	atxf_log("rng-check: OK: %u distinct byte values, %lu.%lu%% ones, no block repeated\n",
	       distinct, bits * 100 / (len * 8), bits * 1000 / (len * 8) % 10);
	return 0;
}
