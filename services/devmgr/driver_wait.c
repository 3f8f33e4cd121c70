/*
 * Waits for a driver by name (DRIVER_WAIT): a client started beside its
 * driver asks once and is answered the moment the driver runs, instead of
 * reading the DRIVER list every few milliseconds. A wait lasts at most
 * DEVMGR_DRIVER_WAIT_MAX_NS, so the place of a client that died while
 * waiting is free again by then; a reply to a caller that gave up goes
 * nowhere.
 */
#include <string.h>
#include <atxf/manifest.h>
#include <atxf/port.h>
#include <atxf/proto/devmgr.h>
#include <atxf/sys.h>
#include "devmgr.h"
#include "driver_wait.h"

struct waiter {
	struct atxf_msg req;        /* the DRIVER_WAIT, with the caller's token */
	char driver[ATXF_MANIFEST_NAME_MAX];
	uint64_t deadline;
	int used;
};

static struct waiter waiters[DEVMGR_DRIVER_WAITERS];

/* The first running instance of driver: answered, 1; none runs, 0. */
static int answer_if_running(struct devmgr *dm, const struct atxf_msg *req, const char *driver)
{
	for (unsigned i = 0; i < DM_INSTANCES_MAX; i++) {
		const struct dm_instance *in = &dm->sup.inst[i];
		struct devmgr_driver out;

		if (!in->drv || in->state != DM_RUNNING ||
		    strcmp(in->drv->manifest.name, driver) != 0)
			continue;
		dm_driver_describe(dm, in, &out);
		dm_answer(req, 0, &out, sizeof(out));
		return 1;
	}
	return 0;
}

/* The request's wait and driver name: 0, or -ATXF_EINVAL. */
static int unpack(const struct atxf_msg *req, uint64_t *wait_ns, char *driver)
{
	uint32_t n = req->len - DEVMGR_DRIVER_WAIT_HEADER;

	if (req->len <= DEVMGR_DRIVER_WAIT_HEADER || req->len > ATXF_MSG_DATA_MAX ||
	    n >= ATXF_MANIFEST_NAME_MAX || memchr(req->data + DEVMGR_DRIVER_WAIT_HEADER, 0, n))
		return -ATXF_EINVAL;
	memcpy(wait_ns, req->data, sizeof(*wait_ns));
	memcpy(driver, req->data + DEVMGR_DRIVER_WAIT_HEADER, n);
	driver[n] = '\0';
	if (*wait_ns > DEVMGR_DRIVER_WAIT_MAX_NS)
		*wait_ns = DEVMGR_DRIVER_WAIT_MAX_NS;
	return 0;
}

void dm_driver_wait(struct devmgr *dm, const struct atxf_msg *req)
{
	char driver[ATXF_MANIFEST_NAME_MAX];
	uint64_t wait_ns;

	if (unpack(req, &wait_ns, driver) < 0) {
		dm_answer(req, -ATXF_EINVAL, NULL, 0);
		return;
	}
	if (answer_if_running(dm, req, driver))
		return;
	if (wait_ns == 0) {
		dm_answer(req, -ATXF_ENOENT, NULL, 0);
		return;
	}
	for (unsigned i = 0; i < DEVMGR_DRIVER_WAITERS; i++) {
		struct waiter *w = &waiters[i];

		if (!w->used) {
			w->req = *req;
			memcpy(w->driver, driver, sizeof(driver));
			w->deadline = atxf_clock_ns() + wait_ns;
			w->used = 1;
			return;
		}
	}
	dm_answer(req, -ATXF_EAGAIN, NULL, 0);
}

void dm_driver_waits_check(struct devmgr *dm)
{
	uint64_t now = atxf_clock_ns();

	for (unsigned i = 0; i < DEVMGR_DRIVER_WAITERS; i++) {
		struct waiter *w = &waiters[i];

		if (!w->used)
			continue;
		if (answer_if_running(dm, &w->req, w->driver))
			w->used = 0;
		else if (now >= w->deadline) {
			dm_answer(&w->req, -ATXF_ENOENT, NULL, 0);
			w->used = 0;
		}
	}
}

uint64_t dm_driver_waits_due(void)
{
	uint64_t now = atxf_clock_ns(), due = ATXF_TIMEOUT_FOREVER;

	for (unsigned i = 0; i < DEVMGR_DRIVER_WAITERS; i++) {
		const struct waiter *w = &waiters[i];

		uint64_t left = w->deadline <= now ? 0 : w->deadline - now;

		if (w->used && left < due)
			due = left;
	}
	return due;
}
