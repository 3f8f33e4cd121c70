/*
 * dm-flaky.atxf: a driver that crashes twice, then serves, for devmgr's
 * supervision scenario (docs/devmgr.md). Its manifest matches COM1 and
 * asks for COM1's ports read-only and its IRQ.
 *
 *   dm-flaky.atxf INSTANCE GENERATION      (devmgr's argv)
 *
 * Generations 0 and 1 print "dm-flaky: generation N: crashing" and read
 * address 0 (#PF, status 142). Generation 2 prints each handle it was
 * given from ATXF_HANDLE_FIRST_EXTRA on ("dm-flaky: handle H KIND
 * BASE+SIZE rights R"), says HELLO to devmgr through handle 0 and prints
 * "dm-flaky: generation 2 serving, hello answered S", then sleeps forever.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/manifest.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/proto/driver.h>
#include <atxf/sys.h>

ATXF_DRIVER_MANIFEST(
	.name = "dm-flaky",
	.device_class = ATXF_CLASS_CHAR,
	.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") },
	.resources = { ATXF_RESOURCE_IOPORT(0x3f8, 8, ATXF_RIGHT_READ), ATXF_RESOURCE_IRQ(4) });

static void crash(void)
{
	volatile uintptr_t zero = 0;

	(void)*(volatile int *)zero;
}

static void show_handles(void)
{
	const struct atxf_start_info *si = atxf_start_info();
	struct atxf_cap_info ci;

	for (atxf_handle_t h = ATXF_HANDLE_FIRST_EXTRA; h < (atxf_handle_t)si->ncaps; h++)
		if (atxf_cap_query(h, &ci) == 0)
			atxf_log("dm-flaky: handle %d kind %u 0x%llx+0x%llx rights %u\n", h, ci.kind,
				 (unsigned long long)ci.base, (unsigned long long)ci.size, ci.rights);
}

static int hello(const char *instance, unsigned generation)
{
	struct atxf_driver_hello h;
	struct atxf_msg req, reply;

	memset(&h, 0, sizeof(h));
	strncpy(h.instance, instance, sizeof(h.instance) - 1);
	h.device_class = ATXF_CLASS_CHAR;
	h.generation = generation;
	h.pid = atxf_start_info()->pid;
	memset(&req, 0, sizeof(req));
	req.type = ATXF_DRIVER_HELLO;
	req.len = sizeof(h);
	memcpy(req.data, &h, sizeof(h));
	return atxf_call(ATXF_HANDLE_PARENT, &req, &reply, ATXF_DRIVER_HELLO_TIMEOUT_NS);
}

int main(int argc, char **argv)
{
	unsigned generation = argc > 2 ? (unsigned)atoi(argv[2]) : 0;

	if (generation < 2) {
		atxf_log("dm-flaky: generation %u: crashing\n", generation);
		fflush(stdout);
		crash();
	}
	show_handles();
	atxf_log("dm-flaky: generation %u serving, hello answered %d\n", generation,
		 hello(argc > 1 ? argv[1] : "?", generation));
	fflush(stdout);
	for (;;)
		atxf_sleep_ns(ATXF_TIMEOUT_FOREVER);
}
