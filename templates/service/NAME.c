/*
 * @NAME@: an ATXF service. It has no device: it registers the name
 * "@NAME@" with the name service and answers the requests of its protocol
 * (@NAME@_proto.h) one at a time. Clients find it with
 * atxf_name_lookup("@NAME@", ...) and talk to it with atxf_call().
 *
 * This file is the loop; the logic is in @NAME@_dev.c, which the host test
 * calls directly. The manifest names the program (atxfdump shows it) and
 * says it drives no device.
 */
#include <atxf/log.h>
#include <atxf/manifest.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/syscalls.h>
#include "@NAME@_dev.h"

ATXF_DRIVER_MANIFEST(
	.name = "@NAME@",
	.device_class = ATXF_CLASS_NONE);

static struct @IDENT@_state state;

static void serve(atxf_handle_t port)
{
	struct atxf_msg req, reply;
	int err;

	for (;;) {
		err = atxf_recv(port, &req, ATXF_TIMEOUT_FOREVER);
		if (err < 0) {
			atxf_log("@NAME@: receive failed (%d); exiting\n", err);
			return;
		}
		if (req.type == ATXF_MSG_NOTIFY)
			continue;       /* nothing of ours is notified */
		atxf_msg_init(&reply, 0);
		reply.type = (uint32_t)@IDENT@_handle(&state, &req, &reply);
		atxf_reply(&req, &reply);
	}
}

int main(void)
{
	atxf_handle_t port = atxf_port_create();
	int err;

	if (port < 0) {
		atxf_log("@NAME@: cannot create a port (%d)\n", port);
		return 1;
	}
	err = atxf_name_register("@NAME@", port);
	if (err) {
		atxf_log("@NAME@: cannot register the name \"@NAME@\" (%d)\n", err);
		return 1;
	}
	@IDENT@_init(&state);
	serve(port);
	return 1;
}
