/*
 * Client calls on a driver's port (<atxf/client.h>).
 */
#include <atxf/client.h>
#include <atxf/port.h>
#include <atxf/proto/char.h>
#include <atxf/proto/rng.h>
#include <atxf/sys.h>

int atxf_subscribe(atxf_handle_t dev, uint32_t subscribe_type, atxf_handle_t port,
		   uint64_t timeout_ns)
{
	return atxf_subscribe_data(dev, subscribe_type, port, NULL, 0, timeout_ns);
}

int atxf_subscribe_data(atxf_handle_t dev, uint32_t subscribe_type, atxf_handle_t port,
			const void *data, size_t len, uint64_t timeout_ns)
{
	struct atxf_msg req, reply;
	atxf_handle_t right = atxf_port_send_right(port);
	int err;

	if (right < 0)
		return right;
	atxf_msg_init(&req, subscribe_type);
	if (len && atxf_msg_put(&req, data, len) < 0) {
		atxf_cap_drop(right);
		return -ATXF_EMSGSIZE;
	}
	atxf_msg_put_cap(&req, right);
	err = atxf_call(dev, &req, &reply, timeout_ns);
	/* The call carried a copy: the driver holds its own now. */
	atxf_cap_drop(right);
	return err;
}

int atxf_char_write(atxf_handle_t dev, const void *buf, size_t len, uint64_t timeout_ns)
{
	struct atxf_msg req, reply;

	if (len > ATXF_CHAR_WRITE_MAX)
		len = ATXF_CHAR_WRITE_MAX;
	atxf_msg_init(&req, ATXF_CHAR_WRITE);
	atxf_msg_put(&req, buf, len);
	return atxf_call(dev, &req, &reply, timeout_ns);
}

int atxf_rng_read(atxf_handle_t dev, void *buf, size_t len, uint64_t timeout_ns)
{
	struct atxf_msg req, reply;
	struct atxf_rng_read r;
	int err;

	if (len > ATXF_RNG_READ_MAX)
		len = ATXF_RNG_READ_MAX;
	r.len = (uint32_t)len;
	atxf_msg_init(&req, ATXF_RNG_READ);
	atxf_msg_put(&req, &r, sizeof(r));
	err = atxf_call(dev, &req, &reply, timeout_ns);
	if (err < 0)
		return err;
	if (reply.len > len)
		return -ATXF_EPROTO;
	atxf_msg_get(&reply, 0, buf, reply.len);
	return (int)reply.len;
}
