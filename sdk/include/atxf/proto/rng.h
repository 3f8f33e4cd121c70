/*
 * The random number protocol (ATXF_PROTO_RNG): hardware entropy sources.
 * Exercised in QEMU by the virtio-rng driver (-device virtio-rng-pci);
 * docs/protocols.md §8.
 *
 * READ {len} asks for up to len bytes (1 .. ATXF_RNG_READ_MAX). The reply's
 * status is how many bytes came (maybe fewer; 0 when the device has none
 * ready yet) and its data[] holds them; the reply's len says the same.
 */
#ifndef ATXF_PROTO_RNG_H
#define ATXF_PROTO_RNG_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/proto/common.h>

#define ATXF_RNG_READ_MAX ATXF_MSG_DATA_MAX

/* READ. */
struct atxf_rng_read {
	uint32_t len;               /* bytes wanted, 1 .. ATXF_RNG_READ_MAX */
};

/* X(PROTO, NAME, n, dir, req_min, req_max, caps, reply): see proto/common.h. */
#define ATXF_RNG_PROTOCOL(X)                                                   \
	X(RNG, READ, 1, ATXF_TO_DRIVER, sizeof(struct atxf_rng_read),           \
	  sizeof(struct atxf_rng_read), 0, ATXF_RNG_READ_MAX)

enum { ATXF_RNG_PROTOCOL(ATXF_PROTO_CODE_) };

_Static_assert(sizeof(struct atxf_rng_read) == 4, "rng READ layout");

#endif
