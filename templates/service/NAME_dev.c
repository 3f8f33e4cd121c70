/*
 * @NAME@_dev.c: the @NAME@ service's request handling (protocol:
 * @NAME@_proto.h). Every request is checked against its layout before it
 * is used; a malformed one is refused with -ATXF_EPROTO and changes nothing.
 */
#include <atxf/errors.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "@NAME@_dev.h"
#include "@NAME@_proto.h"

void @IDENT@_init(struct @IDENT@_state *s)
{
	s->total = 0;
	s->requests = 0;
	s->started_ns = atxf_clock_ns();
}

static int echo(const struct atxf_msg *req, struct atxf_msg *reply)
{
	if (req->len > ATXF_MSG_DATA_MAX)
		return -ATXF_EPROTO;
	return atxf_msg_put(reply, req->data, req->len);
}

static int add(struct @IDENT@_state *s, const struct atxf_msg *req, struct atxf_msg *reply)
{
	int64_t delta, sum;

	if (req->len != sizeof(delta) || atxf_msg_get(req, 0, &delta, sizeof(delta)) != 0)
		return -ATXF_EPROTO;
	if (__builtin_add_overflow(s->total, delta, &sum))
		return -ATXF_ERANGE;    /* the total is left as it was */
	s->total = sum;
	return atxf_msg_put(reply, &s->total, sizeof(s->total));
}

static int uptime(const struct @IDENT@_state *s, const struct atxf_msg *req,
		  struct atxf_msg *reply)
{
	uint64_t ns = atxf_clock_ns() - s->started_ns;

	if (req->len != 0)
		return -ATXF_EPROTO;
	return atxf_msg_put(reply, &ns, sizeof(ns));
}

int @IDENT@_handle(struct @IDENT@_state *s, const struct atxf_msg *req, struct atxf_msg *reply)
{
	s->requests++;
	if (req->ncaps != 0)
		return -ATXF_EPROTO;    /* no request of this protocol carries capabilities */
	switch (req->type) {
	case @UPPER@_ECHO: return echo(req, reply);
	case @UPPER@_ADD: return add(s, req, reply);
	case @UPPER@_UPTIME: return uptime(s, req, reply);
	default: return -ATXF_ENOSYS;
	}
}
