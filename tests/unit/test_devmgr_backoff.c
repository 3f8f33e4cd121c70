/*
 * devmgr's restart rule (services/devmgr/backoff.c) on the host: a table of
 * named histories, each a list of runs (how long the driver ran, then how
 * long devmgr waited) and the delays devmgr must choose, -1 for giving up.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "backoff.h"

#define MS 1000000ull
#define RUNS_MAX 8

struct backoff_case {
	const char *name;
	uint64_t ran_ms[RUNS_MAX];      /* each run's length; the list ends at 0 */
	int64_t want_ms[RUNS_MAX];      /* the delay after each run, -1: give up */
};

static const struct backoff_case cases[] = {
	{ "crashing at once: 50, 100, 200, 400 ms, then give up on the fifth",
	  { 10, 10, 10, 10, 10 }, { 50, 100, 200, 400, -1 } },
	{ "a driver that ran longer than the window starts afresh",
	  { 10, 10, 6000, 10 }, { 50, 100, 50, 100 } },
	{ "five failures spread over more than 5 s are not fast",
	  { 1400, 1400, 1400, 1400, 1400, 1400 }, { 50, 100, 200, 400, 800, 1600 } },
	{ "the doubling stops at 1.6 s",
	  { 4000, 4000, 4000, 4000, 4000, 4000, 4000 },
	  { 50, 100, 200, 400, 800, 1600, 1600 } },
};

static void run_case(const struct backoff_case *c)
{
	struct dm_backoff b = { 0 };
	uint64_t now = 1000 * MS;

	for (int i = 0; i < RUNS_MAX && c->ran_ms[i]; i++) {
		uint64_t started = now;
		int64_t got;

		now += c->ran_ms[i] * MS;
		got = dm_backoff_ended(&b, started, now);
		if (got != (c->want_ms[i] < 0 ? -1 : c->want_ms[i] * (int64_t)MS)) {
			print_error("FAIL %s: run %d: got %lld ns, want %lld ms\n", c->name, i,
				    (long long)got, (long long)c->want_ms[i]);
			fail();
		}
		if (got > 0)
			now += (uint64_t)got;
	}
	print_message("OK   %s\n", c->name);
}

static void test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests_name("devmgr backoff", tests, NULL, NULL);
}
