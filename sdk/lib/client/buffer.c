/*
 * Shared buffers of the class clients (<atxf/client/buffer.h>).
 */
#include <atxf/client/buffer.h>
#include <atxf/port.h>
#include <atxf/proto/common.h>
#include <atxf/sys.h>
#include "client_impl.h"

#define PAGE        4096u
#define GRANT_MAX   (4u << 20)      /* SYS_SHM_GRANT's limit */
#define ATTACH_NS   2000000000ull

int atxf_client_buffer_alloc(struct atxf_client_buffer *b, size_t size)
{
	b->grant = -1;
	b->mem = NULL;
	if (size == 0 || size > GRANT_MAX)
		return -ATXF_ERANGE;
	b->size = (size + PAGE - 1) & ~(size_t)(PAGE - 1);
	b->mem = atxf_mem_map(NULL, b->size, ATXF_PROT_READ | ATXF_PROT_WRITE);
	return b->mem ? 0 : -ATXF_ENOMEM;
}

/* The grant to a dead port is useless; one to a live port would outlive us. */
static void revoke(struct atxf_client_buffer *b)
{
	if (b->grant >= 0)
		atxf_shm_revoke(b->grant);
	b->grant = -1;
}

int atxf_client_buffer_attach(struct atxf_client_buffer *b, struct atxf_conn *c,
			      uint32_t attach_type)
{
	struct atxf_msg req, reply;
	struct atxf_attach_reply got;
	int err;

	revoke(b);
	b->grant = atxf_shm_grant(b->mem, b->size, c->port, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE);
	if (b->grant < 0)
		return (int)b->grant;
	atxf_msg_init(&req, attach_type);
	atxf_msg_put_cap(&req, (atxf_handle_t)b->grant);
	err = atxf_call(c->port, &req, &reply, ATTACH_NS);
	if (err < 0)
		return err;
	/* The driver maps the grant whole; less means it is not the buffer we sent. */
	if (atxf_msg_get(&reply, 0, &got, sizeof(got)) != 0 || got.size != b->size)
		return -ATXF_EPROTO;
	return 0;
}

int client_buffer_setup(struct atxf_client_buffer *b, struct atxf_conn *c, size_t size,
			uint32_t attach_type)
{
	int err = atxf_client_buffer_alloc(b, size);

	return err ? err : atxf_client_buffer_attach(b, c, attach_type);
}

void atxf_client_buffer_free(struct atxf_client_buffer *b)
{
	revoke(b);
	if (b->mem)
		atxf_mem_unmap(b->mem, b->size);
	b->mem = NULL;
}
