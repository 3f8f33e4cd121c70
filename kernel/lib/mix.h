/*
 * mix64: the finaliser of splitmix64 (Steele, Lea, Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014). A bijection of 64-bit
 * values in which every input bit changes about half the output bits: for
 * folding samples into a seed and for the rounds of a keyed permutation.
 * Not a cryptographic hash.
 */
#ifndef LIB_MIX_H
#define LIB_MIX_H

#include <stdint.h>

static inline uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}

#endif
