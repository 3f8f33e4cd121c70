/*
 * The net class client (<atxf/client/net.h>): one shared buffer holds the
 * frame being sent and the receive ring (docs/protocols.md §6).
 */
#include <string.h>
#include <atxf/client/net.h>
#include <atxf/port.h>
#include "client_impl.h"

static uint32_t frame_max(const struct atxf_net_info *info)
{
	return (info->mtu ? info->mtu : ATXF_NET_MTU_DEFAULT) + ATXF_NET_HEADER_MAX;
}

static int net_replay(struct atxf_conn *conn)
{
	struct atxf_net_client *n = (struct atxf_net_client *)conn;
	struct atxf_net_info now;
	struct atxf_net_promisc p = { .on = (uint32_t)n->promisc };
	int err = client_request(conn, 1, ATXF_NET_INFO, NULL, 0, &now, sizeof(now));

	if (err < 0)
		return err;
	if (memcmp(now.mac, n->info.mac, sizeof(now.mac)) || now.mtu != n->info.mtu)
		return -ATXF_ESTALE;    /* another interface behind the name */
	err = atxf_client_buffer_attach(&n->buf, conn, ATXF_NET_ATTACH_BUFFER);
	if (!err && n->promisc >= 0)
		err = client_request(conn, 1, ATXF_NET_SET_PROMISC, &p, sizeof(p), NULL, 0);
	if (!err && n->frame_port >= 0)
		err = client_subscribe_once(conn, ATXF_NET_SUBSCRIBE, n->frame_port, &n->sub,
					    sizeof(n->sub));
	return err;
}

/* The send area, then slots of one whole frame each (multiples of 8). */
static void lay_out(struct atxf_net_client *n, uint32_t slots)
{
	uint32_t frame = (frame_max(&n->info) + 7u) & ~7u;

	n->sub.ring_offset = frame;
	n->sub.slot_size = slots ? frame + (uint32_t)sizeof(struct atxf_net_slot) : 0;
	n->sub.slots = slots;
	if (!slots)
		n->sub.ring_offset = 0;
}

int atxf_net_client_open(struct atxf_net_client *n, const char *name, uint32_t slots,
			 uint64_t timeout_ns)
{
	int err;

	memset(n, 0, sizeof(*n));
	n->buf.grant = -1;
	n->frame_port = ATXF_HANDLE_NONE;
	n->promisc = -1;
	err = client_open_info(&n->conn, name, timeout_ns, ATXF_NET_INFO, &n->info,
			       sizeof(n->info));
	if (!err) {
		lay_out(n, slots);
		err = client_buffer_setup(&n->buf, &n->conn, frame_max(&n->info) + 8 +
					  (size_t)n->sub.slot_size * slots, ATXF_NET_ATTACH_BUFFER);
	}
	if (err < 0) {
		atxf_net_client_close(n);
		return err;
	}
	n->conn.replay = net_replay;
	return 0;
}

int atxf_net_client_send(struct atxf_net_client *n, const void *frame, size_t len)
{
	struct atxf_net_send s = { .offset = 0, .len = (uint32_t)len };

	if (len > frame_max(&n->info))
		return -ATXF_EMSGSIZE;
	memcpy(n->buf.mem, frame, len);
	return client_request(&n->conn, 0, ATXF_NET_SEND, &s, sizeof(s), NULL, 0);
}

int atxf_net_client_subscribe(struct atxf_net_client *n, atxf_handle_t port,
			      uint64_t notice_bits)
{
	return client_watch_subscribe(&n->conn, &n->frame_port, ATXF_NET_SUBSCRIBE, port,
				      notice_bits, &n->sub, sizeof(n->sub));
}

long atxf_net_client_frame(struct atxf_net_client *n, const struct atxf_msg *event, void *out,
			   size_t size)
{
	struct atxf_net_received r;
	struct atxf_net_slot *slot;
	uint32_t len;

	memset(&r, 0, sizeof(r));
	if (event->len < 16 || atxf_msg_get(event, 0, &r, event->len) != 0)
		return -ATXF_EPROTO;
	if (r.slot == ATXF_NET_SLOT_INLINE) {
		len = r.len < event->len - 16 ? r.len : event->len - 16;
		memcpy(out, r.data, len < size ? len : size);
		return len;
	}
	if (r.slot >= n->sub.slots)
		return -ATXF_EPROTO;
	slot = (struct atxf_net_slot *)((char *)n->buf.mem + n->sub.ring_offset +
					(size_t)r.slot * n->sub.slot_size);
	if (__atomic_load_n(&slot->state, __ATOMIC_ACQUIRE) != ATXF_NET_SLOT_FULL)
		return -ATXF_EPROTO;
	len = slot->len < n->sub.slot_size - sizeof(*slot) ? slot->len
							  : n->sub.slot_size - sizeof(*slot);
	memcpy(out, slot + 1, len < size ? len : size);
	__atomic_store_n(&slot->state, ATXF_NET_SLOT_FREE, __ATOMIC_RELEASE);
	return len;
}

int atxf_net_client_link(const struct atxf_msg *event)
{
	struct atxf_net_link l;

	if (event->type != ATXF_NET_LINK || event->len != sizeof(l) ||
	    atxf_msg_get(event, 0, &l, sizeof(l)) != 0 || l.link_up > 1)
		return -ATXF_EPROTO;
	return (int)l.link_up;
}

int atxf_net_client_set_promisc(struct atxf_net_client *n, int on)
{
	struct atxf_net_promisc p = { .on = on ? 1u : 0u };
	int err = client_request(&n->conn, 0, ATXF_NET_SET_PROMISC, &p, sizeof(p), NULL, 0);

	if (err == 0)
		n->promisc = on ? 1 : 0;
	return err;
}

void atxf_net_client_close(struct atxf_net_client *n)
{
	atxf_client_buffer_free(&n->buf);
	atxf_conn_close(&n->conn);
}
