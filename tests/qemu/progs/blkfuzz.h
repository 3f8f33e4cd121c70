/*
 * blkconf's fuzz mode (tests/qemu/progs/blkfuzz.c): n hostile requests from
 * the PRNG seeded with seed on an open block client's port. 0 when every
 * one got its answer and the driver is the same at the end; else < 0
 * (the "blkconf: FAIL fuzz" line says which request).
 */
#ifndef BLKFUZZ_H
#define BLKFUZZ_H

#include <stdint.h>
#include <atxf/client/block.h>

int blkfuzz_run(struct atxf_block_client *disk, uint64_t seed, unsigned n);

#endif
