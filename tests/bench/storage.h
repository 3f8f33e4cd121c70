/*
 * The storage workloads of `make bench`, one definition for both sides:
 * bench-storage.atxf (ours, on the block client library) and lbench
 * (Linux, tests/bench/linux, O_DIRECT on the raw device). Run in this
 * order on a fresh raw image (cache=unsafe), each STORAGE_REPEAT times in a
 * row and timed whole, one line per run; the table takes each workload's
 * fastest run (a loaded host slows runs down, it never speeds one up):
 *   seq-write       STORAGE_SEQ_BYTES from sector 0 in 1 MiB requests, one
 *                   at a time, then a flush
 *   seq-read        the same range read back the same way
 *   rand-read-qd1   STORAGE_RAND_OPS 4 KiB reads at random 4 KiB-aligned
 *                   offsets in that range, one at a time
 *   rand-read-qd32  as many again, STORAGE_DEEP_QD kept in flight
 * Both sides draw the offsets from the same generator and seed, so they
 * read the same blocks in the same order.
 */
#ifndef BENCH_STORAGE_H
#define BENCH_STORAGE_H

#include <stdint.h>

#define STORAGE_REPEAT     3
#define STORAGE_SEQ_BYTES  (64ull << 20)
#define STORAGE_SEQ_CHUNK  (1u << 20)
#define STORAGE_RAND_BLOCK 4096u
#define STORAGE_RAND_OPS   4096u
#define STORAGE_DEEP_QD    32u
#define STORAGE_SEED       0x9e3779b97f4a7c15ull

/* xorshift64: the next random block's byte offset in the sequential range. */
static inline uint64_t storage_next_offset(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return (x % (STORAGE_SEQ_BYTES / STORAGE_RAND_BLOCK)) * STORAGE_RAND_BLOCK;
}

#endif
