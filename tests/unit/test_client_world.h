/*
 * The system the class client libraries see, played on the host for
 * tests/unit/test_client_*.c: one driver instance, "drv.dev", whose
 * generations die and come back as a test scripts them, a name service
 * that waits (LOOKUP_WAIT) on a fake clock, death notices, and a block
 * device behind each generation. The library's own files (sdk/lib/client)
 * run unchanged on top of it.
 */
#ifndef TEST_CLIENT_WORLD_H
#define TEST_CLIENT_WORLD_H

#include <stdint.h>
#include <atxf/ipc.h>
#include <atxf/ring.h>

#define WORLD_GENS      8
#define WORLD_LOG       64
#define WORLD_SECTOR    512u
#define WORLD_SECTORS   64u

struct world_gen {
	int started;                /* the name leads to it (once born) */
	int dead;
	uint64_t born_ns;           /* when devmgr brings it up (its name appears) */
	int die_at_call;            /* dies on receiving its n-th call (1..); 0: never */
	int reads_answer_epeer;     /* 1: alive, but answers READ with -ATXF_EPEER */
	uint32_t calls;
	uint64_t sectors;           /* what its INFO says */
	uint64_t watch_bits;        /* a death notice armed on its port */
};

struct world_call {
	int gen;                    /* who received it; -1: sent to a dead port */
	uint32_t type;
};

struct world {
	uint64_t now;               /* the fake clock, ns */
	int cur;                    /* the newest generation the name service knows */
	int ngens;                  /* generations scripted */
	struct world_gen gen[WORLD_GENS];
	struct world_call log[WORLD_LOG];
	unsigned nlog;
	uint64_t notified;          /* bits ORed into the client's port */
	int handles;                /* port handles held by the client */
	void *attached;             /* the buffer the current generation has */
	unsigned lookups;
	void *buffer;               /* the attached buffer (READ fills it), and its size */
	size_t buffer_size;
	void *granted;              /* the last region granted, and its size */
	size_t granted_size;
	struct atxf_ring ring;      /* the current generation's side of the client's ring */
	int ring_gen;               /* whose ring it is; -1: none */
	unsigned ring_served[WORLD_GENS];
};

extern struct world W;

/* A fresh world: generation 0 runs; gens more follow, each delay_ns after
 * the one before it dies; none beyond them. */
void world_reset(int gens, uint64_t delay_ns);

/* Kills the current generation now (as devmgr's KILL). */
void world_kill(void);

/* How many calls of type a generation received. */
unsigned world_count(int gen, uint32_t type);

/*
 * The current generation takes up to n requests from its ring, fills each
 * read's bytes with its sector number's low byte, completes and publishes
 * them: how many it served.
 */
unsigned world_serve_ring(unsigned n);

#endif
