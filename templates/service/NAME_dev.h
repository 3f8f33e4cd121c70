/*
 * @NAME@_dev.h: the service's logic: one request in, one reply out. It does
 * no IPC itself, so the host test calls it with messages it builds.
 */
#ifndef @UPPER@_DEV_H
#define @UPPER@_DEV_H

#include <stdint.h>
#include <atxf/ipc.h>

struct @IDENT@_state {
	int64_t total;              /* what ADD has summed */
	uint64_t started_ns;        /* the clock when the service started */
	uint64_t requests;          /* answered, errors included */
};

void @IDENT@_init(struct @IDENT@_state *s);
/* Fills reply's data and returns its status: 0 or a negative ATXF_E* code. */
int @IDENT@_handle(struct @IDENT@_state *s, const struct atxf_msg *req, struct atxf_msg *reply);

#endif
