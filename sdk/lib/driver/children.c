/*
 * Child devices (<atxf/driver/children.h>): ADD_CHILD and REMOVE_CHILD
 * calls to devmgr (<atxf/proto/devmgr.h>). The properties are packed as
 * "k=v\0k=v\0" after the parent's id; a list that does not fit one message
 * is refused here, before anything is sent.
 */
#include <string.h>
#include <atxf/driver/children.h>
#include <atxf/port.h>
#include <atxf/proc.h>
#include <atxf/sys.h>

/* Packs parent and props into msg; -ATXF_EINVAL if they do not fit. */
static int pack(struct atxf_msg *msg, uint32_t parent, const char *const *props)
{
	atxf_msg_init(msg, DEVMGR_ADD_CHILD);
	if (atxf_msg_put(msg, &parent, sizeof(parent)) < 0 || !props)
		return -ATXF_EINVAL;
	for (; *props; props++)
		if (atxf_msg_put(msg, *props, strlen(*props) + 1) < 0)
			return -ATXF_EINVAL;
	return 0;
}

long atxf_child_add_under(uint32_t parent, const char *const *props, atxf_handle_t port)
{
	struct atxf_msg req, reply;
	atxf_handle_t right = ATXF_HANDLE_NONE;
	uint32_t id;
	int err = pack(&req, parent, props);

	if (err == 0 && port != ATXF_HANDLE_NONE) {
		right = atxf_port_send_right(port);     /* devmgr keeps it for the child */
		err = right < 0 ? right : atxf_msg_put_cap(&req, right);
	}
	if (err == 0)
		err = atxf_call(ATXF_HANDLE_PARENT, &req, &reply, ATXF_CHILD_CALL_NS);
	if (err == 0)
		err = (int)reply.type;
	if (right >= 0)
		atxf_cap_drop(right);   /* the message carried a copy */
	if (err < 0)
		return err;
	if (atxf_msg_get(&reply, 0, &id, sizeof(id)) < 0)
		return -ATXF_EPROTO;
	return id;
}

long atxf_child_add(const char *const *props, atxf_handle_t port)
{
	return atxf_child_add_under(DEVMGR_NODE_SELF, props, port);
}

int atxf_child_remove(uint32_t node)
{
	struct atxf_msg req, reply;
	int err;

	atxf_msg_init(&req, DEVMGR_REMOVE_CHILD);
	atxf_msg_put(&req, &node, sizeof(node));
	err = atxf_call(ATXF_HANDLE_PARENT, &req, &reply, ATXF_CHILD_CALL_NS);
	return err < 0 ? err : (int)reply.type;
}
