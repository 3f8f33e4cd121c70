/*
 * Finding a driver by its manifest name (<atxf/client.h>): devmgr's DRIVER
 * records list every instance it supervises; the first running one of the
 * driver names the instance, and the name service gives its port. A client
 * started beside its driver waits here until devmgr has started it.
 */
#include <stdint.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include <atxf/proto/devmgr.h>

#define POLL_NS      10000000ull      /* 10 ms between two looks at devmgr's list */
#define CALL_NS      1000000000ull
#define STATE_RUNNING 2

/* Looks once: 0 with the instance name, -ATXF_ENOENT if none runs yet. */
static int find_once(atxf_handle_t devmgr, const char *driver, char *instance, size_t size)
{
	struct atxf_msg req, reply;
	struct devmgr_driver d;

	for (uint32_t i = 0;; i++) {
		atxf_msg_init(&req, DEVMGR_DRIVER);
		atxf_msg_put(&req, &i, sizeof(i));
		if (atxf_call(devmgr, &req, &reply, CALL_NS) != 0 ||
		    atxf_msg_get(&reply, 0, &d, sizeof(d)) != 0)
			return -ATXF_ENOENT;    /* past the last record */
		char name[ATXF_MANIFEST_NAME_MAX];

		devmgr_driver_name(&d, name, sizeof(name));
		d.instance[sizeof(d.instance) - 1] = '\0';
		if (!strcmp(name, driver) && d.state == STATE_RUNNING) {
			if (strlen(d.instance) >= size)
				return -ATXF_ERANGE;
			strcpy(instance, d.instance);
			return 0;
		}
	}
}

int atxf_driver_find(const char *driver, char *instance, size_t size, uint64_t timeout_ns)
{
	uint64_t now = atxf_clock_ns();
	uint64_t deadline = timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;
	atxf_handle_t devmgr = atxf_name_lookup("devmgr", timeout_ns);
	int err;

	if (devmgr < 0)
		return devmgr;
	while ((err = find_once(devmgr, driver, instance, size)) == -ATXF_ENOENT &&
	       atxf_clock_ns() < deadline)
		atxf_sleep_ns(POLL_NS);
	atxf_cap_drop(devmgr);
	return err;
}

atxf_handle_t atxf_driver_open(const char *driver, uint64_t timeout_ns)
{
	char instance[DEVMGR_NAME_MAX];
	uint64_t start = atxf_clock_ns();
	int err = atxf_driver_find(driver, instance, sizeof(instance), timeout_ns);
	uint64_t spent = atxf_clock_ns() - start;

	if (err < 0)
		return err;
	return atxf_name_lookup(instance, spent < timeout_ns ? timeout_ns - spent : 0);
}
