/*
 * A client's shared buffer (docs/protocols.md §1, "Clients and buffers"):
 * memory the client owns and grants to its driver's port, attached with the
 * class's ATTACH_BUFFER. A restart's new generation has a new port, so the
 * buffer is granted again there (the old grant revoked) by the class's
 * replay. Used by the block, net and display clients.
 */
#ifndef ATXF_CLIENT_BUFFER_H
#define ATXF_CLIENT_BUFFER_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/client/conn.h>

struct atxf_client_buffer {
	void *mem;                  /* page-aligned, the client's own */
	size_t size;                /* bytes, whole pages */
	long grant;                 /* the grant to the current port; < 0: none */
};

/* Maps size bytes (rounded up to pages, at most 4 MiB): 0, -ATXF_ERANGE, -ATXF_ENOMEM. */
int atxf_client_buffer_alloc(struct atxf_client_buffer *b, size_t size);

/*
 * Grants the buffer, read-write, to the connection's current port and
 * sends attach_type (the class's ATTACH_BUFFER) with it. 0, or the
 * grant's or the call's error (-ATXF_EPEER: that port died meanwhile).
 */
int atxf_client_buffer_attach(struct atxf_client_buffer *b, struct atxf_conn *c,
			      uint32_t attach_type);

/* Revokes the grant and unmaps the memory. */
void atxf_client_buffer_free(struct atxf_client_buffer *b);

#endif
