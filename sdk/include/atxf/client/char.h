/*
 * The char class client (docs/protocols.md §4 and §11): a serial port's
 * bytes out (WRITE) and in (DATA events on the client's port), across the
 * driver's restarts. The subscription and the baud rate are replayed on
 * each new generation. A restart may lose what the device received while
 * no driver ran (beyond what its FIFO held), and may send again the bytes
 * of the one WRITE that was in flight when the driver died.
 */
#ifndef ATXF_CLIENT_CHAR_H
#define ATXF_CLIENT_CHAR_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/client/conn.h>

struct atxf_char_client {
	struct atxf_conn conn;      /* first: the replay finds the client from it */
	atxf_handle_t data_port;    /* where DATA goes; NONE: not subscribed */
	uint32_t baud;              /* 0: never configured */
};

int atxf_char_client_open(struct atxf_char_client *c, const char *name, uint64_t timeout_ns);

/*
 * DATA events go to port (the caller's receive port), and the driver's
 * death is noticed there as notice_bits: pass each notification's bits to
 * atxf_char_client_noticed. 0 or the first error.
 */
int atxf_char_client_subscribe(struct atxf_char_client *c, atxf_handle_t port,
			       uint64_t notice_bits);
static inline int atxf_char_client_noticed(struct atxf_char_client *c, uint64_t bits)
{
	return atxf_conn_noticed(&c->conn, bits);
}

/*
 * Writes all len bytes, waiting while the device's queue is full, for up
 * to timeout_ns: the bytes written (len, or fewer when the time ran out),
 * or a negative ATXF_E* code when none were.
 */
long atxf_char_client_write(struct atxf_char_client *c, const void *buf, size_t len,
			    uint64_t timeout_ns);

/* CONFIGURE the baud rate; kept and replayed after a restart. */
int atxf_char_client_configure(struct atxf_char_client *c, uint32_t baud);

void atxf_char_client_close(struct atxf_char_client *c);

#endif
