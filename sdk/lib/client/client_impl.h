/*
 * What the class client files share inside sdk/lib/client; not ABI.
 */
#ifndef ATXF_CLIENT_IMPL_H
#define ATXF_CLIENT_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/client/buffer.h>
#include <atxf/client/conn.h>

#define CLIENT_CALL_NS 5000000000ull    /* one request, on a loaded TCG machine */

/*
 * One SUBSCRIBE (type) on the connection's current port, with data and a
 * send-only right to port; no retry (a replay runs inside a reconnect).
 */
int client_subscribe_once(struct atxf_conn *c, uint32_t type, atxf_handle_t port,
			  const void *data, size_t len);

/*
 * A subscription that survives restarts: arms the death notices
 * (notice_bits on port), records port in *recorded for the class's replay,
 * then subscribes; if the driver died meanwhile, the reconnect's replay
 * does it on the next generation.
 */
int client_watch_subscribe(struct atxf_conn *c, atxf_handle_t *recorded, uint32_t type,
			   atxf_handle_t port, uint64_t notice_bits, const void *data, size_t len);

/*
 * The replay of an event class (char, input): its one setting, when set
 * (set_len > 0), then its subscription, when there is one (port >= 0).
 */
int client_replay_events(struct atxf_conn *c, uint32_t set_type, const void *set,
			 size_t set_len, uint32_t sub_type, atxf_handle_t port);

/* Opens the connection of an event class: no subscription yet, replay set. */
int client_open_replayed(struct atxf_conn *c, atxf_handle_t *port, const char *name,
			 uint64_t timeout_ns, atxf_conn_replay_fn replay);

/* Opens the connection and asks INFO (info_type) into info. */
int client_open_info(struct atxf_conn *c, const char *name, uint64_t timeout_ns,
		     uint32_t info_type, void *info, size_t len);

/* Maps size bytes into b and attaches them (attach_type) on the current port. */
int client_buffer_setup(struct atxf_client_buffer *b, struct atxf_conn *c, size_t size,
			uint32_t attach_type);

/* A request of one small struct, or none (len 0), answered by reply_len bytes
 * into out; through the surviving call unless once is set. */
int client_request(struct atxf_conn *c, int once, uint32_t type, const void *data, size_t len,
		   void *out, size_t out_len);

/*
 * One step of a stream (a WRITE of up to max bytes of buf, a READ into
 * it): the bytes it moved (0: the device is not ready, try again), or an
 * error. client_repeat runs steps until len bytes moved, waiting 1 ms
 * after a step that moved none, for up to timeout_ns: the bytes moved, or
 * the error (-ATXF_ETIMEDOUT) when none were.
 */
typedef int (*client_step_fn)(struct atxf_conn *c, void *buf, size_t len);
long client_repeat(struct atxf_conn *c, client_step_fn step, void *buf, size_t len, size_t max,
		   uint64_t timeout_ns);

/* The ring's part of the block client's replay: takes what the old
 * generation completed, attaches a fresh ring, submits the rest again. */
struct atxf_block_queue;
int client_block_queue_replay(struct atxf_block_queue *q);

#endif
