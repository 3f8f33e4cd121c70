/*
 * SYS_IPC_CALL and SYS_IPC_REPLY: the record of a call waiting for its
 * answer. It lives on the caller's kernel stack for the length of the
 * call and sits on a global list, where SYS_IPC_REPLY finds it by token
 * and by the pid of the process that replies: only the process that
 * received the request may answer it (docs/syscalls.md). A token never
 * repeats (ipc/token.h), so a used or stale token, or another process's,
 * finds nothing (-ATXF_ENOENT). Guarded by cap_lock.
 */
#ifndef IPC_CALL_H
#define IPC_CALL_H

#include <stdbool.h>
#include <stdint.h>
#include "ipc/port.h"

struct call {
	struct list_node link;  /* on the list of open calls */
	uint64_t token;
	struct thread *caller;
	uint32_t server;        /* pid that received the request; 0: still queued */
	bool done;
	int status;             /* 0: reply holds the answer; else -ATXF_E* */
	struct port *watch;     /* the server's call watch, referenced; or NULL */
	uint64_t watch_bits;
	struct kmsg reply;
};

/* Opens a call for the current thread and gives it a token. */
void call_open_locked(struct call *c);
/* Takes the call off the list (the caller is returning). */
void call_close_locked(struct call *c);
/* The server took the call: its call watch, if any, now covers it. */
void call_received_locked(struct call *c, uint32_t server, struct port *watch, uint64_t bits);
/* The caller gives up before an answer (timeout, killed): the server's
 * call watch hears of it. */
void call_abandon_locked(struct call *c);
/* Whether an open, unanswered call with this token was received by server. */
bool call_open_for_locked(uint64_t token, uint32_t server);
/* The open, unanswered call with this token that server received, or NULL. */
struct call *call_find_locked(uint64_t token, uint32_t server);
/* Ends a call with status (and, for 0, the reply) and wakes its caller. */
void call_finish_locked(struct call *c, int status, const struct kmsg *reply);
/* A process died: the calls it had received and not answered fail with
 * -ATXF_EPEER. */
void call_server_died_locked(uint32_t pid);

#endif
