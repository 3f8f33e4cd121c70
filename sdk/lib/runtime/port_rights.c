/*
 * atxf_port_send_right() (<atxf/port.h>): the send-only copy of a port that
 * is handed to others, by the name service client and by subscribers.
 */
#include <atxf/port.h>
#include <atxf/sys.h>

atxf_handle_t atxf_port_send_right(atxf_handle_t port)
{
	struct atxf_cap_info info;
	int err = atxf_cap_query(port, &info);

	if (err < 0)
		return err;
	if (info.kind != ATXF_CAP_PORT)
		return -ATXF_EBADH;
	return atxf_cap_derive(port, info.base, info.size,
			       ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT);
}
