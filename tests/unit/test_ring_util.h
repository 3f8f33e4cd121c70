/*
 * What the ring tests share: a real page-aligned region (mmap, so a test
 * can revoke it the way the kernel does, atxf_fake_shm_revoke), a client and a
 * driver attached to it, and a record of the signals they send
 * (atxf_notify is the test's: libatxf-fake has no ports).
 */
#ifndef TEST_RING_UTIL_H
#define TEST_RING_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/ring.h>

#define DOORBELL_PORT   7       /* the driver's port: the client rings it */
#define COMPLETION_PORT 9       /* the client's port */
#define DOORBELL_BIT    (1ull << 3)
#define COMPLETION_BIT  (1ull << 5)

struct pair {
	void *mem;
	size_t size;
	int revoked;
	struct atxf_ring client;
	struct atxf_ring driver;
};

/* A formatted region of entries per ring and data_size bytes of data,
 * its indices set to start (all four), both sides attached. */
struct pair *pair_new(uint32_t entries, uint32_t data_size, uint32_t start);
void pair_free(struct pair *p);
/* The test's revoke, as SYS_SHM_REVOKE does it: the pages read zeros, the
 * probe says ESTALE; pair_free then lets the mapping go (atxf_shm_unmap). */
void pair_revoke(struct pair *p);

/* Signals sent to port since the last reset. */
unsigned signals_to(int port);
void signals_reset(void);

/* A request of len bytes at off, with id. */
struct atxf_ring_desc req(uint32_t id, uint32_t off, uint32_t len);

/* Submits n requests with ids first.. of 16 bytes each, at offsets 16 * i. */
void submit_many(struct pair *p, uint32_t first, uint32_t n);
/* The driver takes every waiting request and completes each with status
 * = its id, in reverse order when reverse; returns how many. */
unsigned serve_all(struct pair *p, int reverse);

#endif
