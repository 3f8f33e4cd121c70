/*
 * init's name service (<atxf/proto/name.h>): one port, served by init
 * between reaping its children. The table and the request logic are
 * libatxf's pure name_table.c and name_serve.c; this part only receives,
 * replies, drops the handles the table lets go, and logs.
 */
#ifndef INIT_NAMES_H
#define INIT_NAMES_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/ipc.h>

/* Creates the port and the send right children get: 0, or the error of
 * the call that failed (then every other call here does nothing). */
int names_start(void);
/* The send right to hand every child as ATXF_HANDLE_NAMESERVICE, or
 * ATXF_HANDLE_NONE when the service did not start. */
atxf_handle_t names_client_handle(void);
/*
 * Waits up to timeout_ns for one request and answers it: 1 if one was
 * served, 0 if none came, or a negative ATXF_E* code when receiving
 * itself failed (the service is then stopped).
 */
int names_serve_one(uint64_t timeout_ns);
/* Makes pid (started as prog) a naming authority: it may register
 * instance names for others (<atxf/proto/name.h>, REGISTER_FOR). */
void names_trust(uint32_t pid, const char *prog);
/* Removes every name pid owns (it ended), drops their ports, and ends its
 * authority. */
void names_forget(uint32_t pid);
/* Serves a parked LOOKUP again: answered unless the name is still missing
 * (-ATXF_ENOENT, left parked). */
int names_answer_lookup(struct atxf_msg *lookup);

/* name_wait.c: lookups that wait for their name (LOOKUP_WAIT). */
int name_wait_unwrap(const struct atxf_msg *req, struct atxf_msg *lookup, uint64_t *wait_ns);
/* Parks a LOOKUP for wait_ns: 0, or -ATXF_EAGAIN when every place is taken. */
int name_wait_park(const struct atxf_msg *lookup, uint64_t wait_ns);
/* A registration published name: answers the lookups parked on it. */
void name_wait_registered(const char *name, size_t len);
/* Answers the lookups whose wait is over; ns until the next one is due. */
uint64_t name_wait_expire(void);

#endif
