/*
 * IPC from C: ports, messages, calls and replies, notifications and
 * shared-memory grants. Thin wrappers over SYS_IPC_* and SYS_SHM_*.
 */
#ifndef ATXF_PORT_H
#define ATXF_PORT_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/ipc.h>

atxf_handle_t atxf_port_create(void);
int atxf_port_close(atxf_handle_t port);
/*
 * A send-only copy (WRITE | GRANT) of a port the caller holds: what to hand
 * others (the name service, a driver one subscribes to) so they can write
 * to the port but never receive from it; GRANT lets them pass it on.
 * -ATXF_EBADH if port is not a port.
 */
atxf_handle_t atxf_port_send_right(atxf_handle_t port);
int atxf_send(atxf_handle_t port, const struct atxf_msg *msg, unsigned flags);
int atxf_recv(atxf_handle_t port, struct atxf_msg *msg, uint64_t timeout_ns);
/*
 * Receives from whichever of n ports (1..ATXF_RECV_ANY_MAX) has something
 * first, as atxf_recv does from one: the index of that port in ports[], or
 * -ATXF_E*. Ports with something waiting are taken in turn, so a busy one
 * cannot starve the others. One loop serving several devices uses it.
 */
int atxf_recv_any(const atxf_handle_t *ports, unsigned n, struct atxf_msg *msg,
		  uint64_t timeout_ns);
/* Sends req and waits for the reply; returns the reply's status (type), or
 * -ATXF_EPROTO if the reply's sender is not the process that received req. */
int atxf_call(atxf_handle_t port, const struct atxf_msg *req, struct atxf_msg *reply,
	      uint64_t timeout_ns);
/* Answers req, a call this process received; -ATXF_ENOENT for any other. */
int atxf_reply(const struct atxf_msg *req, const struct atxf_msg *reply);
int atxf_notify(atxf_handle_t port, uint64_t bits);
/*
 * A death notice: once the port behind watched (any right to it) has lost
 * its receiver, because the process serving it ended or closed it, bits are
 * notified on port (a send right of the caller's own), once. At once if it
 * is dead already. At most 64 watches per process; -ATXF_ENOSPC beyond.
 */
int atxf_port_watch(atxf_handle_t watched, atxf_handle_t port, uint64_t bits);
/*
 * A server's notice of callers that give up: once set, whenever the caller
 * of a call this process received and has not answered gives up on it (its
 * timeout passed, or it was killed or ended), bits are notified on port (a
 * port of the caller's own). atxf_call_probe(token) then tells which: 0
 * while the call still waits for this process's answer, -ATXF_ENOENT once
 * it does not (given up, answered, or another process's). Bits 0 clears
 * the watch.
 */
int atxf_call_watch(atxf_handle_t port, uint64_t bits);
int atxf_call_probe(uint64_t token);

/* Shares [addr, addr+len) (page-aligned) with whoever receives on port. */
long atxf_shm_grant(void *addr, size_t len, atxf_handle_t port, uint32_t rights);
void *atxf_shm_map(atxf_handle_t shm, unsigned prot);
int atxf_shm_revoke(long grant);
/*
 * The receiver's side of a revoke (docs/syscalls.md, SYS_SHM_REVOKE): the
 * mapping stays, its pages turned to a private zeroed stand-in, until the
 * receiver lets it go with atxf_shm_unmap(addr), addr being what
 * atxf_shm_map returned (0, or -ATXF_EINVAL: no such mapping; later
 * accesses fault). The probe says what the page at addr is without
 * reading it: 0 (a live grant's, or the caller's own memory),
 * -ATXF_ESTALE (a revoked grant's: it holds none of the granter's data
 * and never will again) or -ATXF_EFAULT (nothing mapped there).
 */
int atxf_shm_unmap(void *addr);
int atxf_shm_probe(const volatile void *addr);

/*
 * Message helpers. init zeroes the message, sets its type and every caps[]
 * slot to ATXF_HANDLE_NONE. put appends len bytes to data[] and put_cap
 * appends a handle: 0, or -ATXF_EMSGSIZE (and the message unchanged) when it
 * does not fit; put_cap refuses a negative handle with -ATXF_EBADH. get
 * copies data[offset..offset+len) of a received message: 0, or -ATXF_EPROTO
 * when that is beyond the len the sender set.
 */
void atxf_msg_init(struct atxf_msg *msg, uint32_t type);
int atxf_msg_put(struct atxf_msg *msg, const void *data, size_t len);
int atxf_msg_put_cap(struct atxf_msg *msg, atxf_handle_t cap);
int atxf_msg_get(const struct atxf_msg *msg, size_t offset, void *out, size_t len);

#endif
