/*
 * Serving one request end to end: dispatch it, send the reply if the
 * sender waits for one (an atxf_call), release the capabilities it carried
 * that dispatch did not keep, ack interrupts the callback waited for, send
 * the input events it reported.
 */
#include <atxf/port.h>
#include <atxf/sys.h>
#include "core.h"

/*
 * The kernel installed the request's capabilities in our table on receipt;
 * those nobody keeps must go, or a client could fill the table.
 */
void atxf__drop_caps(const struct atxf_msg *req, uint32_t keep)
{
	unsigned n = req->ncaps < ATXF_MSG_CAPS_MAX ? req->ncaps : ATXF_MSG_CAPS_MAX;

	for (unsigned i = 0; i < n; i++)
		if (!(keep & (1u << i)) && req->caps[i] >= 0)
			atxf_cap_drop(req->caps[i]);
}

static void answer(const struct atxf_msg *req, const struct atxf_msg *reply)
{
	/* A token of 0: sent, not called; nobody waits for an answer. */
	if (req->reply)
		atxf_reply(req, reply);
}

void atxf__serve(struct atxf_device *dev, const struct atxf_msg *req)
{
	struct atxf_serving outer = dev->core->serving;
	struct atxf_msg reply;
	int status;

	atxf__serving_call(dev, req);
	status = atxf_driver_dispatch(dev, req, &reply);
	status = atxf__serving_close(dev, status);
	/* A PING answered inside atxf_device_wait_irq: the waiting callback's
	 * request is still the one being served. */
	dev->core->serving = outer;
	if (status != ATXF_PENDING) {
		/* A PENDING the framework could not keep became an error. */
		if (status != (int)reply.type) {
			memset(&reply, 0, sizeof(reply));
			reply.type = (uint32_t)status;
		}
		answer(req, &reply);
	}
	atxf__drop_caps(req, dev->core->caps_kept);
	atxf__ack_owed(dev);
	atxf__input_flush(dev);
}

/* Answers a request without serving it (the wait queue is full). */
void atxf__refuse(struct atxf_device *dev, const struct atxf_msg *req, int err)
{
	struct atxf_msg reply;

	memset(&reply, 0, sizeof(reply));
	reply.type = (uint32_t)err;
	answer(req, &reply);
	atxf__drop_caps(req, 0);
	dev->core->count.requests++;
	dev->core->count.errors++;
}
