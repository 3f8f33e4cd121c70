/*
 * Lookups that wait (<atxf/proto/name.h>, LOOKUP_WAIT). A lookup of a
 * missing name is parked here, with its reply token, and answered when a
 * registration publishes the name, or with -ATXF_ENOENT when its wait is
 * over. A wait lasts at most ATXF_NAME_WAIT_MAX_NS (the client asks again
 * for a longer one), so the place of a client that died while waiting is
 * free again by then. Nobody polls: a driver that restarts is found the
 * moment devmgr registers its new generation.
 */
#include <string.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/proto/name.h>
#include <atxf/sys.h>
#include "names.h"

#define WAITERS 32

struct waiter {
	struct atxf_msg lookup;     /* a LOOKUP of the name, with the caller's token */
	uint64_t deadline;
	int used;
};

static struct waiter waiters[WAITERS];

/* The LOOKUP inside a LOOKUP_WAIT, and how long it may wait: 0, -EINVAL. */
int name_wait_unwrap(const struct atxf_msg *req, struct atxf_msg *lookup, uint64_t *wait_ns)
{
	if (req->len <= ATXF_NAME_WAIT_HEADER || req->len > ATXF_MSG_DATA_MAX || req->ncaps)
		return -ATXF_EINVAL;
	*lookup = *req;
	lookup->type = ATXF_NAME_LOOKUP;
	lookup->len = req->len - ATXF_NAME_WAIT_HEADER;
	memcpy(wait_ns, req->data, sizeof(*wait_ns));
	memmove(lookup->data, req->data + ATXF_NAME_WAIT_HEADER, lookup->len);
	if (*wait_ns > ATXF_NAME_WAIT_MAX_NS)
		*wait_ns = ATXF_NAME_WAIT_MAX_NS;
	return 0;
}

int name_wait_park(const struct atxf_msg *lookup, uint64_t wait_ns)
{
	for (unsigned i = 0; i < WAITERS; i++) {
		struct waiter *w = &waiters[i];

		if (!w->used) {
			w->lookup = *lookup;
			w->deadline = atxf_clock_ns() + wait_ns;
			w->used = 1;
			atxf_log("names: %.*s: pid %u waits for it (up to %llu ms)\n",
				 (int)lookup->len, (const char *)lookup->data,
				 (unsigned)lookup->sender, (unsigned long long)(wait_ns / 1000000));
			return 0;
		}
	}
	return -ATXF_EAGAIN;
}

void name_wait_registered(const char *name, size_t len)
{
	for (unsigned i = 0; i < WAITERS; i++) {
		struct waiter *w = &waiters[i];

		if (w->used && w->lookup.len == len && !memcmp(w->lookup.data, name, len) &&
		    names_answer_lookup(&w->lookup) != -ATXF_ENOENT) {
			w->used = 0;
			atxf_log("names: %.*s: pid %u's wait answered\n", (int)len, name,
				 (unsigned)w->lookup.sender);
		}
	}
}

uint64_t name_wait_expire(void)
{
	uint64_t now = atxf_clock_ns(), next = ATXF_TIMEOUT_FOREVER;

	for (unsigned i = 0; i < WAITERS; i++) {
		struct waiter *w = &waiters[i];
		struct atxf_msg reply;

		if (!w->used)
			continue;
		if (w->deadline <= now) {
			atxf_msg_init(&reply, (uint32_t)-ATXF_ENOENT);
			atxf_reply(&w->lookup, &reply);     /* fails if the caller gave up */
			w->used = 0;
			atxf_log("names: %.*s: pid %u's wait is over, still missing\n",
				 (int)w->lookup.len, (const char *)w->lookup.data,
				 (unsigned)w->lookup.sender);
		} else if (w->deadline - now < next) {
			next = w->deadline - now;
		}
	}
	return next;
}
