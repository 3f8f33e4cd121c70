/*
 * The fixture of the framework's ring tests (test_driver_rings.c,
 * test_driver_rings_hostile.c): a block device served by sdk/lib/driver
 * whose sectors hold a pattern of their numbers and whose reads may be
 * deferred, and clients using the real ring library on real regions.
 */
#ifndef TEST_DRIVER_RINGFIX_H
#define TEST_DRIVER_RINGFIX_H

#include <stdint.h>
#include <atxf/driver.h>
#include <atxf/ring.h>
#include "test_driver_util.h"

#define SECTOR   512u
#define SECTORS  4096u
#define SIGNAL   (1ull << 9)     /* the client's completion bit */

/* What the test driver did (reset by setup_device). */
struct ringfix_driver {
	int defer;                          /* 1: every read waits for the "IRQ" */
	struct atxf_request *held[ATXF_DRIVER_MAX_REQUESTS];
	unsigned nheld;
	unsigned cancels;
	int last_why;
	unsigned reads;
};
extern struct ringfix_driver drv;
extern struct tdev t;

/* A client: its region, its port, its side of the ring. */
struct client {
	uint32_t pid;
	void *mem;
	size_t size;
	atxf_handle_t port;
	struct atxf_ring ring;
	uint64_t doorbell;
};

/* Sector s's bytes; count sectors of them into buf. */
uint8_t pattern(uint64_t sector, uint32_t i);
void fill(uint64_t sector, uint32_t count, uint8_t *buf);
/* "The interrupt": completes held request i, its data first. */
int finish_held(unsigned i);

/* A fresh block device served by the test driver. */
void setup_device(void);
/* ATTACH_RING through the serve path: the reply's status; c set up on 0. */
int attach(struct client *c, uint32_t pid, uint32_t entries, uint32_t data);
/* The loop's turn for a notification; c's doorbell. */
void loop_turn(uint64_t bits);
void ring_doorbell(struct client *c);
struct atxf_ring_desc rd(uint32_t id, uint16_t op, uint64_t sector, uint32_t off, uint32_t len);
void submit_read(struct client *c, uint32_t id, uint64_t sector, uint32_t slot);
void read_now(struct client *c, uint32_t id, uint64_t sector, uint32_t slot);
void one_client(struct client *c, uint32_t entries, int defer);
void two_clients(struct client *a, struct client *b, uint32_t entries, int defer);
/* Completion signals sent to c's port so far. */
unsigned signals(const struct client *c);
/* Reaps every completion, checking each read's data: how many. */
unsigned reap_check(struct client *c, uint64_t sector_of_id_base, uint32_t entries);

#endif
