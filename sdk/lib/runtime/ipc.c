/*
 * IPC calls of <atxf/port.h>: ports, send and receive, call and reply,
 * notifications and shared-memory grants. Thin wrappers over SYS_IPC_* and
 * SYS_SHM_*; docs/syscalls.md says what each needs and returns.
 */
#include <atxf/errors.h>
#include <atxf/port.h>
#include "trap.h"

atxf_handle_t atxf_port_create(void)
{
	return (atxf_handle_t)sys_IPC_CREATE_PORT();
}

int atxf_port_close(atxf_handle_t port)
{
	return (int)sys_IPC_CLOSE(port);
}

int atxf_send(atxf_handle_t port, const struct atxf_msg *msg, unsigned flags)
{
	return (int)sys_IPC_SEND(port, ATXF_PTR(msg), flags);
}

int atxf_recv(atxf_handle_t port, struct atxf_msg *msg, uint64_t timeout_ns)
{
	return (int)sys_IPC_RECV(port, ATXF_PTR(msg), (long)timeout_ns);
}

int atxf_recv_any(const atxf_handle_t *ports, unsigned n, struct atxf_msg *msg,
		  uint64_t timeout_ns)
{
	return (int)sys_IPC_RECV_ANY(ATXF_PTR(ports), (long)n, ATXF_PTR(msg), (long)timeout_ns);
}

int atxf_call_watch(atxf_handle_t port, uint64_t bits)
{
	return (int)sys_CALL_WATCH(port, (long)bits);
}

int atxf_call_probe(uint64_t token)
{
	return (int)sys_CALL_PROBE((long)token);
}

int atxf_call(atxf_handle_t port, const struct atxf_msg *req, struct atxf_msg *reply,
	      uint64_t timeout_ns)
{
	long ret = sys_IPC_CALL(port, ATXF_PTR(req), ATXF_PTR(reply), (long)timeout_ns);

	/* The call itself failed (bad handle, timeout, peer gone): say so. */
	if (ret < 0)
		return (int)ret;
	/* The kernel names the process that received the request; a reply
	 * from anyone else is not the answer (docs/syscalls.md, SYS_IPC_CALL). */
	if (ret == 0 || reply->sender != (uint32_t)ret)
		return -ATXF_EPROTO;
	return (int)reply->type;
}

int atxf_reply(const struct atxf_msg *req, const struct atxf_msg *reply)
{
	return (int)sys_IPC_REPLY((long)req->reply, ATXF_PTR(reply));
}

int atxf_notify(atxf_handle_t port, uint64_t bits)
{
	return (int)sys_IPC_NOTIFY(port, (long)bits);
}

int atxf_port_watch(atxf_handle_t watched, atxf_handle_t port, uint64_t bits)
{
	return (int)sys_PORT_WATCH(watched, port, (long)bits);
}

long atxf_shm_grant(void *addr, size_t len, atxf_handle_t port, uint32_t rights)
{
	return sys_SHM_GRANT(ATXF_PTR(addr), (long)len, port, rights);
}

void *atxf_shm_map(atxf_handle_t shm, unsigned prot)
{
	long addr = sys_SHM_MAP(shm, prot);

	return addr < 0 ? NULL : (void *)(uintptr_t)addr;
}

int atxf_shm_revoke(long grant)
{
	return (int)sys_SHM_REVOKE(grant);
}

int atxf_shm_unmap(void *addr)
{
	return (int)sys_SHM_UNMAP(ATXF_PTR(addr));
}
