/*
 * The name service protocol (ATXF_PROTO_NAME), and the name table a server
 * keeps. Clients use <atxf/name.h>; they reach the service through handle
 * ATXF_HANDLE_NAMESERVICE (<atxf/proc.h>). init hosts the server.
 *
 * Every request carries the name in data[0..len), without a NUL, but
 * REGISTER_FOR, which carries a u32 pid first and the name after it:
 *
 *   REGISTER    caps[0] = a send right (WRITE|GRANT) to the port to publish.
 *               The registering process becomes the name's owner. Not for
 *               an instance name: -ATXF_EPERM, whoever asks.
 *   LOOKUP      reply: status 0, caps[0] = a new send handle to the port;
 *               -ATXF_ENOENT while nobody has registered the name, and
 *               for a name whose port is dead (its receiver ended): never
 *               a dead port. The dead entry is removed.
 *   UNREGISTER  the owner may, and the process that registered the name
 *               for it (REGISTER_FOR); anyone else gets -ATXF_EPERM.
 *   REGISTER_FOR  data = u32 owner pid, then the name; caps[0] as REGISTER.
 *               Only from a naming authority (-ATXF_EPERM otherwise), and
 *               only for an instance name (-ATXF_EINVAL otherwise): the
 *               name is published for the owner, who may drop it.
 *   LOOKUP_WAIT data = u64 nanoseconds to wait, then the name: LOOKUP, but
 *               while the name is missing the service holds the request
 *               and answers once the name is registered, or -ATXF_ENOENT
 *               when the wait (at most ATXF_NAME_WAIT_MAX_NS) is over;
 *               -ATXF_EAGAIN when it holds too many already.
 *
 * Instance names are those with a '.' ("uart16550.com1": DRIVER.DEVICE,
 * <atxf/proto/devmgr.h>). Their authority is devmgr: it registers each for
 * the driver process it started on that device, once the driver said HELLO
 * (<atxf/proto/driver.h>). The server knows its authorities by pid
 * (atxf_name_table_trust); init trusts the programs it starts with the
 * root capability.
 *
 * A valid name has 1 .. ATXF_NAME_MAX-1 bytes, each a printable ASCII
 * character other than space (0x21..0x7e): it shows in logs as it is.
 * Anything else is refused with -ATXF_EINVAL, by the client before sending
 * and again by the server.
 *
 * A registration of a name that is already registered fails with
 * -ATXF_EEXIST while its owner's port is alive. If the port is dead (its
 * receiver exited or crashed), the new registration replaces it. For an
 * instance name only an authority can be the new registrar, so nobody but
 * devmgr can take over a restarting driver's name (<atxf/proto/driver.h>).
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
#define ATXF_NAME_FOR_HEADER 4                  /* REGISTER_FOR: the u32 pid before the name */
#define ATXF_NAME_WAIT_HEADER 8                 /* LOOKUP_WAIT: the u64 wait (ns) before the name */
#define ATXF_NAME_INSTANCE_SEP '.'              /* in DRIVER.DEVICE, and in no other name */

/*
 * X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h.
 * dir ATXF_TO_DRIVER here means "to the server": the name service answers
 * these as a driver answers its requests.
 */
#define ATXF_NAME_PROTOCOL(X)                                                  \
	X(NAME, REGISTER, 1, ATXF_TO_DRIVER, 1, ATXF_NAME_LEN_MAX, 1, 0)        \
	X(NAME, LOOKUP, 2, ATXF_TO_DRIVER, 1, ATXF_NAME_LEN_MAX, 0, 0)          \
	X(NAME, UNREGISTER, 3, ATXF_TO_DRIVER, 1, ATXF_NAME_LEN_MAX, 0, 0)      \
	X(NAME, REGISTER_FOR, 4, ATXF_TO_DRIVER, ATXF_NAME_FOR_HEADER + 1,      \
	  ATXF_NAME_FOR_HEADER + ATXF_NAME_LEN_MAX, 1, 0)                        \
	X(NAME, LOOKUP_WAIT, 5, ATXF_TO_DRIVER, ATXF_NAME_WAIT_HEADER + 1,      \
	  ATXF_NAME_WAIT_HEADER + ATXF_NAME_LEN_MAX, 0, 0)

enum { ATXF_NAME_PROTOCOL(ATXF_PROTO_CODE_) };

/* How long REGISTER and UNREGISTER wait for the service to answer. */
#define ATXF_NAME_CALL_TIMEOUT_NS  2000000000ull
/* The longest LOOKUP_WAIT the service holds; atxf_name_lookup() asks
 * again for longer waits, so a waiter that died frees its place by then. */
#define ATXF_NAME_WAIT_MAX_NS      10000000000ull
/* A service whose parked lookups are all taken answers -ATXF_EAGAIN; the
 * client tries again this much later. */
#define ATXF_NAME_BUSY_NS          10000000ull

/* 0 if name[0..len) is a valid name, else -ATXF_EINVAL. */
int atxf_name_check(const char *name, size_t len);
/* 1 if name[0..len) is an instance name (it has ATXF_NAME_INSTANCE_SEP). */
int atxf_name_is_instance(const char *name, size_t len);

/*
 * The server's table (libatxf, sdk/lib/runtime/name_table.c). Pure: it
 * makes no system call, so a server can be tested on the host; the server
 * drops the handles the table tells it to.
 */
#define ATXF_NAME_TABLE_SIZE  64
#define ATXF_NAME_AUTHORITIES 4

struct atxf_name_entry {
	char name[ATXF_NAME_MAX];   /* NUL-terminated; "" marks a free slot */
	atxf_handle_t port;         /* the server's send handle to the owner's port */
	uint32_t owner;             /* pid whose port it is */
	uint32_t registrar;         /* pid that registered it: the owner, or an authority */
};

struct atxf_name_table {
	struct atxf_name_entry entry[ATXF_NAME_TABLE_SIZE];
	uint32_t authority[ATXF_NAME_AUTHORITIES];  /* pids that register instance names; 0: free */
};

void atxf_name_table_init(struct atxf_name_table *t);

/* Makes pid a naming authority: 0, -ATXF_EINVAL (pid 0), -ATXF_ENOSPC. */
int atxf_name_table_trust(struct atxf_name_table *t, uint32_t pid);
/* pid is no authority any more (it ended). */
void atxf_name_table_distrust(struct atxf_name_table *t, uint32_t pid);
int atxf_name_table_is_authority(const struct atxf_name_table *t, uint32_t pid);

/* Adds a name, owner its registrar too: 0, -ATXF_EINVAL (bad name),
 * -ATXF_EBADH (port < 0), -ATXF_EEXIST, -ATXF_ENOSPC. */
int atxf_name_table_add(struct atxf_name_table *t, const char *name, size_t len,
			atxf_handle_t port, uint32_t owner);

/* The entry for a name, or NULL. */
struct atxf_name_entry *atxf_name_table_find(struct atxf_name_table *t,
					     const char *name, size_t len);

/* Removes a name if who is its owner or its registrar: its port (>= 0) for
 * the server to drop, or -ATXF_EINVAL, -ATXF_ENOENT, -ATXF_EPERM. */
atxf_handle_t atxf_name_table_remove(struct atxf_name_table *t, const char *name,
				     size_t len, uint32_t who);

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
