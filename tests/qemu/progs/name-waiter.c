/*
 * name-waiter.atxf: lookups that wait (LOOKUP_WAIT), for the names-wait
 * scenario.
 *
 *   name-waiter.atxf publish NAME MS          sleeps MS, registers NAME, stays
 *   name-waiter.atxf wait NAME MS [NAME MS]..  looks each NAME up in turn,
 *                                             with a timeout of MS
 *
 * publish prints `name-waiter: registered NAME` and stays (its port must
 * live). wait prints, for each, `name-waiter: NAME found after N ms` or
 * `name-waiter: NAME missing after N ms: ERROR`, and exits 0.
 */
#include <stdlib.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>

#define MS 1000000ull

static int publish(const char *name, uint64_t delay_ns)
{
	atxf_handle_t port = atxf_port_create();
	int err;

	atxf_sleep_ns(delay_ns);
	err = port < 0 ? port : atxf_name_register(name, port);
	if (err < 0) {
		atxf_log("name-waiter: FAIL: registering %s: %s\n", name, atxf_strerror(err));
		return 1;
	}
	atxf_log("name-waiter: registered %s\n", name);
	atxf_sleep_ns(ATXF_TIMEOUT_FOREVER);
	return 0;
}

static void wait_for(const char *name, uint64_t timeout_ns)
{
	uint64_t start = atxf_clock_ns();
	atxf_handle_t h = atxf_name_lookup(name, timeout_ns);
	unsigned long long ms = (atxf_clock_ns() - start) / MS;

	if (h < 0)
		atxf_log("name-waiter: %s missing after %llu ms: %s\n", name, ms, atxf_strerror(h));
	else
		atxf_log("name-waiter: %s found after %llu ms\n", name, ms);
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "publish"))
		return publish(argv[2], strtoull(argv[3], NULL, 10) * MS);
	if (argc >= 4 && argc % 2 == 0 && !strcmp(argv[1], "wait")) {
		for (int i = 2; i < argc; i += 2)
			wait_for(argv[i], strtoull(argv[i + 1], NULL, 10) * MS);
		return 0;
	}
	atxf_log("name-waiter: FAIL: usage: name-waiter.atxf publish|wait NAME MS ...\n");
	return 1;
}
