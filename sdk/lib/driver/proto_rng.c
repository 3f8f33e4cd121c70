/*
 * The random number protocol's request (<atxf/proto/rng.h>): READ, the
 * bytes coming back inline in the reply. Exercised in QEMU by virtio-rng.
 */
#include "core.h"

static int read_bytes(struct atxf_device *dev, const struct atxf_msg *req,
		      struct atxf_msg *reply)
{
	struct atxf_rng_read rd;
	int n;

	ATXF_REQ(req, rd);
	if (!dev->driver->rng.read)
		return -ATXF_ENOTSUP;
	if (rd.len == 0 || rd.len > ATXF_RNG_READ_MAX)
		return -ATXF_ERANGE;
	n = dev->driver->rng.read(dev, reply->data, rd.len);
	if (n < 0)
		return n;
	if (n > (int)rd.len)
		return -ATXF_EIO;   /* the driver overran the reply: a bug */
	reply->len = (uint32_t)n;
	return n;
}

int atxf__rng_proto(struct atxf_device *dev, const struct atxf_msg *req,
		    struct atxf_msg *reply)
{
	if (req->type == ATXF_RNG_READ)
		return read_bytes(dev, req, reply);
	return -ATXF_ENOSYS;
}
