/*
 * The random-number class client (docs/protocols.md §8 and §11). READ has
 * no state to replay and a restart loses nothing: bytes the old generation
 * produced but did not send are simply not counted, and the request goes
 * to the new one.
 */
#ifndef ATXF_CLIENT_RNG_H
#define ATXF_CLIENT_RNG_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/client/conn.h>

struct atxf_rng_client {
	struct atxf_conn conn;
};

int atxf_rng_client_open(struct atxf_rng_client *c, const char *name, uint64_t timeout_ns);

/*
 * Fills buf with len random bytes, waiting while the device has none
 * ready, for up to timeout_ns: the bytes filled (len, or fewer when the
 * time ran out), or a negative ATXF_E* code when none were.
 */
long atxf_rng_client_read(struct atxf_rng_client *c, void *buf, size_t len, uint64_t timeout_ns);

void atxf_rng_client_close(struct atxf_rng_client *c);

#endif
