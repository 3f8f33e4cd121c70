/*
 * Finding a driver by its manifest name (<atxf/client.h>): devmgr holds a
 * DRIVER_WAIT until an instance of the driver runs and answers with its
 * record; the name service then gives its port. A client started beside
 * its driver waits here, without polling, until devmgr has started it.
 */
#include <stdint.h>
#include <string.h>
#include <atxf/client.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include <atxf/proto/devmgr.h>

#define CALL_SLACK_NS 1000000000ull  /* beyond the wait: devmgr's own answer time */

/* One DRIVER_WAIT of up to wait_ns: 0 with the instance name, or -ATXF_E*. */
static int wait_once(atxf_handle_t devmgr, const char *driver, uint64_t wait_ns,
		     char *instance, size_t size)
{
	struct atxf_msg req, reply;
	struct devmgr_driver d;
	int err;

	atxf_msg_init(&req, DEVMGR_DRIVER_WAIT);
	atxf_msg_put(&req, &wait_ns, sizeof(wait_ns));
	if (atxf_msg_put(&req, driver, strlen(driver)) < 0)
		return -ATXF_EINVAL;
	err = atxf_call(devmgr, &req, &reply, wait_ns + CALL_SLACK_NS);
	if (err < 0)
		return err;
	if ((int32_t)reply.type < 0)
		return (int32_t)reply.type;
	if (atxf_msg_get(&reply, 0, &d, sizeof(d)) != 0)
		return -ATXF_EPROTO;
	d.instance[sizeof(d.instance) - 1] = '\0';
	if (strlen(d.instance) >= size)
		return -ATXF_ERANGE;
	strcpy(instance, d.instance);
	return 0;
}

int atxf_driver_find(const char *driver, char *instance, size_t size, uint64_t timeout_ns)
{
	uint64_t now = atxf_clock_ns();
	uint64_t deadline = timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;
	atxf_handle_t devmgr = atxf_name_lookup("devmgr", timeout_ns);
	int err;

	if (devmgr < 0)
		return devmgr;
	if (!driver[0] || strlen(driver) >= ATXF_MANIFEST_NAME_MAX) {
		atxf_cap_drop(devmgr);
		return -ATXF_EINVAL;
	}
	for (;;) {
		uint64_t at = atxf_clock_ns(), left = at < deadline ? deadline - at : 0;
		/* devmgr holds one request DEVMGR_DRIVER_WAIT_MAX_NS at most: a
		 * longer wait asks again when that one ends, and only then. */
		int capped = left > DEVMGR_DRIVER_WAIT_MAX_NS;

		err = wait_once(devmgr, driver, capped ? DEVMGR_DRIVER_WAIT_MAX_NS : left,
				instance, size);
		if (err != -ATXF_ENOENT || !capped)
			break;
	}
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
