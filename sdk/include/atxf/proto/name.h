/*
 * The name service protocol (ATXF_PROTO_NAME), and the name table a server
 * keeps. Clients use <atxf/name.h>; they reach the service through handle
 * ATXF_HANDLE_NAMESERVICE (<atxf/proc.h>). init hosts the server.
 *
 * Every request carries the name in data[0..len), without a NUL:
 *
 *   REGISTER    caps[0] = a send right (WRITE|GRANT) to the port to publish.
 *               The registering process becomes the name's owner.
 *   LOOKUP      reply: status 0, caps[0] = a new send handle to the port;
 *               -ATXF_ENOENT while nobody has registered the name, and
 *               for a name whose port is dead (its receiver ended): never
 *               a dead port. The dead entry is removed.
 *   UNREGISTER  only the owner may (-ATXF_EPERM otherwise).
 *
 * A valid name has 1 .. ATXF_NAME_MAX-1 bytes, each a printable ASCII
 * character other than space (0x21..0x7e): it shows in logs as it is.
 * Anything else is refused with -ATXF_EINVAL, by the client before sending
 * and again by the server.
 *
 * REGISTER of a name that is already registered fails with -ATXF_EEXIST
 * while its owner's port is alive. If the port is dead (its receiver exited
 * or crashed), the new registration replaces it: that is how a driver that
 * devmgr restarted takes its instance name back (<atxf/proto/driver.h>).
 */
#ifndef ATXF_PROTO_NAME_H
#define ATXF_PROTO_NAME_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/ipc.h>
#include <atxf/name.h>
#include <atxf/proto/common.h>

#define ATXF_NAME_LEN_MAX (ATXF_NAME_MAX - 1)   /* bytes of a name, without NUL */

/*
 * X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h.
 * dir ATXF_TO_DRIVER here means "to the server": the name service answers
 * these as a driver answers its requests.
 */
#define ATXF_NAME_PROTOCOL(X)                                                  \
	X(NAME, REGISTER, 1, ATXF_TO_DRIVER, 1, ATXF_NAME_LEN_MAX, 1, 0)        \
	X(NAME, LOOKUP, 2, ATXF_TO_DRIVER, 1, ATXF_NAME_LEN_MAX, 0, 0)          \
	X(NAME, UNREGISTER, 3, ATXF_TO_DRIVER, 1, ATXF_NAME_LEN_MAX, 0, 0)

enum { ATXF_NAME_PROTOCOL(ATXF_PROTO_CODE_) };

/* How long REGISTER and UNREGISTER wait for the service to answer. */
#define ATXF_NAME_CALL_TIMEOUT_NS  2000000000ull
/* How often atxf_name_lookup() asks again while a name is missing. */
#define ATXF_NAME_POLL_NS          10000000ull

/* 0 if name[0..len) is a valid name, else -ATXF_EINVAL. */
int atxf_name_check(const char *name, size_t len);

/*
 * The server's table (libatxf, sdk/lib/runtime/name_table.c). Pure: it
 * makes no system call, so a server can be tested on the host; the server
 * drops the handles the table tells it to.
 */
#define ATXF_NAME_TABLE_SIZE 64

struct atxf_name_entry {
	char name[ATXF_NAME_MAX];   /* NUL-terminated; "" marks a free slot */
	atxf_handle_t port;         /* the server's send handle to the owner's port */
	uint32_t owner;             /* pid that registered it */
};

struct atxf_name_table {
	struct atxf_name_entry entry[ATXF_NAME_TABLE_SIZE];
};

void atxf_name_table_init(struct atxf_name_table *t);

/* Adds a name: 0, -ATXF_EINVAL (bad name), -ATXF_EBADH (port < 0),
 * -ATXF_EEXIST, -ATXF_ENOSPC. */
int atxf_name_table_add(struct atxf_name_table *t, const char *name, size_t len,
			atxf_handle_t port, uint32_t owner);

/* The entry for a name, or NULL. */
struct atxf_name_entry *atxf_name_table_find(struct atxf_name_table *t,
					     const char *name, size_t len);

/* Removes a name if owner owns it: its port (>= 0) for the server to drop,
 * or -ATXF_EINVAL, -ATXF_ENOENT, -ATXF_EPERM. */
atxf_handle_t atxf_name_table_remove(struct atxf_name_table *t, const char *name,
				     size_t len, uint32_t owner);

/* Removes one name owned by owner (a process that died): its port, for the
 * server to drop, or ATXF_HANDLE_NONE when owner has none left. */
atxf_handle_t atxf_name_table_evict(struct atxf_name_table *t, uint32_t owner);

/*
 * Answers one request: the whole server but for the receive, the reply and
 * dropping handles. Fills reply (status in type, also returned; on LOOKUP
 * caps[0] is the table's handle, which the server sends as a copy and
 * keeps). Fills drop[] with the handles the server must drop afterwards,
 * the rest ATXF_HANDLE_NONE: every received cap the table did not keep and
 * any port a REGISTER replaced, UNREGISTER removed or LOOKUP found dead
 * (and removed). port_alive tells a
 * live owner's port from a dead one (e.g. atxf_notify(port, 0) !=
 * -ATXF_EPEER); NULL treats every port as alive. Unknown requests get
 * -ATXF_ENOSYS, a wrong number of caps -ATXF_EPROTO.
 */
#define ATXF_NAME_DROPS (ATXF_MSG_CAPS_MAX + 1)

int atxf_name_serve(struct atxf_name_table *t, const struct atxf_msg *req,
		    struct atxf_msg *reply, atxf_handle_t drop[ATXF_NAME_DROPS],
		    int (*port_alive)(atxf_handle_t port));

#endif
