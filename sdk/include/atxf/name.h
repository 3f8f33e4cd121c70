/*
 * The name service: processes register a port under a name ("kbd0",
 * "devmgr", "console") and others look it up. The protocol is in
 * <atxf/proto/name.h>; these are its client calls.
 */
#ifndef ATXF_NAME_H
#define ATXF_NAME_H

#include <atxf/cap.h>

#define ATXF_NAME_MAX 32   /* including the NUL */

int atxf_name_register(const char *name, atxf_handle_t port);
/* Returns a send handle for the name's port, or a negative ATXF_E* code. */
atxf_handle_t atxf_name_lookup(const char *name, uint64_t timeout_ns);
int atxf_name_unregister(const char *name);

#endif
