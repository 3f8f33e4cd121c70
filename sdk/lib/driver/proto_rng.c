/*
 * The random number protocol's request (<atxf/proto/rng.h>): READ, the
 * bytes coming back inline in the reply. Exercised in QEMU by virtio-rng.
 */
#include <atxf/driver/rng.h>
#include "core.h"

static const struct atxf_rng_ops none;    /* a driver without ops */

static int read_bytes(struct atxf_device *dev, const struct atxf_msg *req,
		      struct atxf_msg *reply)
{
	const struct atxf_rng_ops *ops = atxf__ops(dev, &none);
	struct atxf_rng_read rd;
	int n;

	ATXF_REQ(req, rd);
	if (!ops->read)
		return -ATXF_ENOTSUP;
	if (rd.len == 0 || rd.len > ATXF_RNG_READ_MAX)
		return -ATXF_ERANGE;
	n = ops->read(dev, reply->data, rd.len);
	if (n < 0)
		return n;
	if (n > (int)rd.len)
		return -ATXF_EIO;   /* the driver overran the reply: a bug */
	reply->len = (uint32_t)n;
	return n;
}

static int serve(struct atxf_device *dev, const struct atxf_msg *req,
		    struct atxf_msg *reply)
{
	if (req->type == ATXF_RNG_READ)
		return read_bytes(dev, req, reply);
	return -ATXF_ENOSYS;
}

static const struct atxf_msg_shape shapes[] = { ATXF_RNG_PROTOCOL(ATXF_PROTO_SHAPE_) };

const struct atxf_driver_class atxf_rng_class = {
	.proto = ATXF_PROTO_RNG,
	.device_class = ATXF_CLASS_RNG,
	.shape = shapes,
	.nshapes = sizeof(shapes) / sizeof(shapes[0]),
	.serve = serve,
};
