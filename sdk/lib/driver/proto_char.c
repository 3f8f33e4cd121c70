/*
 * The character protocol's requests (<atxf/proto/char.h>): WRITE with the
 * bytes inline, SUBSCRIBE for received bytes, CONFIGURE the line, STATS. Exercised
 * in QEMU by the 16550 UART driver on COM1.
 */
#include <atxf/driver/char.h>
#include "core.h"

static const struct atxf_char_ops none;    /* a driver without ops */

static int write_bytes(struct atxf_device *dev, const struct atxf_msg *req)
{
	const struct atxf_char_ops *ops = atxf__ops(dev, &none);
	int n;

	if (!ops->write)
		return -ATXF_ENOTSUP;
	n = ops->write(dev, req->data, req->len);
	/* A driver claiming more than it was given is broken, not generous. */
	if (n > (int)req->len)
		return -ATXF_EIO;
	return n;
}

static int configure(struct atxf_device *dev, const struct atxf_msg *req)
{
	const struct atxf_char_ops *ops = atxf__ops(dev, &none);
	struct atxf_char_config cfg;
	int err;

	ATXF_REQ(req, cfg);
	if (cfg.reserved)
		return -ATXF_EPROTO;
	if (!ops->configure)
		return -ATXF_ENOTSUP;
	if (cfg.baud == 0)
		return -ATXF_ERANGE;
	err = ops->configure(dev, cfg.baud);
	return err < 0 ? err : 0;
}

static int stats(struct atxf_device *dev, struct atxf_msg *reply)
{
	const struct atxf_char_ops *ops = atxf__ops(dev, &none);
	struct atxf_char_stats st;

	memset(&st, 0, sizeof(st));
	if (ops->stats)
		ops->stats(dev, &st);
	st.rx_bytes = dev->core->count.rx_bytes;
	st.rx_held = dev->core->count.rx_held;
	atxf__reply_put(reply, &st, sizeof(st));
	return 0;
}

/* Room in the backlog again after atxf_char_received() took fewer bytes. */
static void resume(struct atxf_device *dev)
{
	const struct atxf_char_ops *ops = atxf__ops(dev, &none);

	if (ops->resume)
		ops->resume(dev);
}

static int serve(struct atxf_device *dev, const struct atxf_msg *req,
		     struct atxf_msg *reply)
{
	static const struct atxf_subscriber plain = { .port = ATXF_HANDLE_NONE };

	switch (req->type) {
	case ATXF_CHAR_WRITE:
		return write_bytes(dev, req);
	case ATXF_CHAR_SUBSCRIBE:
		return atxf__subscribe(dev, req, &plain);
	case ATXF_CHAR_CONFIGURE:
		return configure(dev, req);
	case ATXF_CHAR_STATS:
		return stats(dev, reply);
	}
	return -ATXF_ENOSYS;
}

static const struct atxf_msg_shape shapes[] = { ATXF_CHAR_PROTOCOL(ATXF_PROTO_SHAPE_) };

const struct atxf_driver_class atxf_char_class = {
	.proto = ATXF_PROTO_CHAR,
	.device_class = ATXF_CLASS_CHAR,
	.shape = shapes,
	.nshapes = sizeof(shapes) / sizeof(shapes[0]),
	.serve = serve,
	.resume = resume,
};
