/*
 * dm-query.atxf: a client of the devmgr protocol for the devmgr-requests
 * scenario. Started by devmgr as a driver (its manifest matches COM1 and
 * asks for nothing; no restart), it talks to devmgr through handle 0.
 *
 * It waits (up to 5 s) until DRIVER lists dm-flaky.com1 as running, then
 * prints "dm-query: device N NAME" for each DEVICE and "dm-query: driver
 * N DRIVER INSTANCE state S generation G restarts R" for each DRIVER,
 * asks RESTART dm-flaky.com1 and prints the status, then waits until
 * dm-flaky.com1 runs a newer generation and prints "dm-query: dm-flaky.com1
 * generation G after the restart". Last it checks that a bad request is
 * refused ("dm-query: STOP of an unknown instance: ENOENT ok", "dm-query:
 * STOP without a NUL: EINVAL ok") and exits 0; any other answer prints
 * "dm-query: FAIL ..." and exits 1.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/manifest.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include <atxf/proto/devmgr.h>

ATXF_DRIVER_MANIFEST(
	.name = "dm-query",
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") });

#define TIMEOUT_NS 1000000000ull
#define POLL_NS    50000000ull

static int ask(uint32_t type, const void *data, uint32_t len, struct atxf_msg *reply)
{
	struct atxf_msg req;

	memset(&req, 0, sizeof(req));
	req.type = type;
	req.len = len;
	memcpy(req.data, data, len);
	return atxf_call(ATXF_HANDLE_PARENT, &req, reply, TIMEOUT_NS);
}

/* The DRIVER record of instance, or -1. */
static int find_driver(const char *instance, struct devmgr_driver *out)
{
	struct atxf_msg reply;

	for (uint32_t i = 0; ask(DEVMGR_DRIVER, &i, sizeof(i), &reply) == 0; i++) {
		memcpy(out, reply.data, sizeof(*out));
		if (!strcmp(out->instance, instance))
			return 0;
	}
	return -1;
}

/* Waits until instance runs with a generation of at least min_gen. */
static int wait_running(const char *instance, uint32_t min_gen, struct devmgr_driver *d)
{
	for (int n = 0; n < 100; n++) {
		if (find_driver(instance, d) == 0 && d->state == 2 && d->generation >= min_gen)
			return 0;
		atxf_sleep_ns(POLL_NS);
	}
	atxf_log("dm-query: FAIL: %s never ran generation %u\n", instance, (unsigned)min_gen);
	return -1;
}

static void list(void)
{
	struct atxf_msg reply;

	for (uint32_t i = 0; ask(DEVMGR_DEVICE, &i, sizeof(i), &reply) == 0; i++) {
		struct devmgr_device d;

		memcpy(&d, reply.data, sizeof(d));
		atxf_log("dm-query: device %u %.16s\n", (unsigned)i, d.name);
	}
	for (uint32_t i = 0; ask(DEVMGR_DRIVER, &i, sizeof(i), &reply) == 0; i++) {
		struct devmgr_driver d;
		char name[ATXF_MANIFEST_NAME_MAX];

		memcpy(&d, reply.data, sizeof(d));
		devmgr_driver_name(&d, name, sizeof(name));
		atxf_log("dm-query: driver %u %s %.*s state %u generation %u restarts %u\n",
			 (unsigned)i, name, (int)sizeof(d.instance), d.instance, d.state,
			 (unsigned)d.generation,
			 (unsigned)d.restarts);
	}
}

static int refused(const char *what, const void *data, uint32_t len, int want, const char *name)
{
	struct atxf_msg reply;
	int got = ask(DEVMGR_STOP, data, len, &reply);

	if (got != want) {
		atxf_log("dm-query: FAIL: %s: %d, want %s\n", what, got, name);
		return -1;
	}
	atxf_log("dm-query: %s: %s ok\n", what, name);
	return 0;
}

int main(void)
{
	static const char flaky[] = "dm-flaky.com1";
	struct devmgr_driver d;
	struct atxf_msg reply;
	uint32_t before;

	if (wait_running(flaky, 0, &d) < 0)
		return 1;
	before = d.generation;
	list();
	atxf_log("dm-query: RESTART %s: %d\n", flaky, ask(DEVMGR_RESTART, flaky, sizeof(flaky),
							  &reply));
	if (wait_running(flaky, before + 1, &d) < 0)
		return 1;
	atxf_log("dm-query: %s generation %u after the restart\n", flaky, (unsigned)d.generation);
	if (refused("STOP of an unknown instance", "nobody", 7, -ATXF_ENOENT, "ENOENT") < 0 ||
	    refused("STOP without a NUL", "dm-flaky", 8, -ATXF_EINVAL, "EINVAL") < 0)
		return 1;
	return 0;
}
