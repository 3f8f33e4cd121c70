/*
 * Building and reading IPC messages (<atxf/port.h>). Pure: no system
 * call and no libc, so it runs the same in a driver and in a host test.
 * Every length is checked against what the message can hold, because a
 * received message's len is whatever the sender put there.
 */
#include <atxf/errors.h>
#include <atxf/port.h>

void atxf_msg_init(struct atxf_msg *msg, uint32_t type)
{
	uint8_t *p = (uint8_t *)msg;

	/* Byte by byte: no stale bytes from the stack reach another process. */
	for (size_t i = 0; i < sizeof(*msg); i++)
		p[i] = 0;
	msg->type = type;
	for (unsigned i = 0; i < ATXF_MSG_CAPS_MAX; i++)
		msg->caps[i] = ATXF_HANDLE_NONE;
}

int atxf_msg_put(struct atxf_msg *msg, const void *data, size_t len)
{
	const uint8_t *src = data;

	if (msg->len > ATXF_MSG_DATA_MAX || len > ATXF_MSG_DATA_MAX - msg->len)
		return -ATXF_EMSGSIZE;
	for (size_t i = 0; i < len; i++)
		msg->data[msg->len + i] = src[i];
	msg->len += (uint32_t)len;
	return 0;
}

int atxf_msg_put_cap(struct atxf_msg *msg, atxf_handle_t cap)
{
	if (cap < 0)
		return -ATXF_EBADH;
	if (msg->ncaps >= ATXF_MSG_CAPS_MAX)
		return -ATXF_EMSGSIZE;
	msg->caps[msg->ncaps++] = cap;
	return 0;
}

int atxf_msg_get(const struct atxf_msg *msg, size_t offset, void *out, size_t len)
{
	uint8_t *dst = out;

	if (msg->len > ATXF_MSG_DATA_MAX || offset > msg->len || len > msg->len - offset)
		return -ATXF_EPROTO;
	for (size_t i = 0; i < len; i++)
		dst[i] = msg->data[offset + i];
	return 0;
}
