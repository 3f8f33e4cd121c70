/*
 * rand and srand (C11 7.22.2). C leaves the sequence to the library; this
 * one is a 64-bit linear congruential generator (Knuth's MMIX constants)
 * whose top 31 bits are the result, so RAND_MAX is 2^31 - 1 as on glibc and
 * the low bits are as random as the high ones. The start state is srand(1).
 */
#include <stdint.h>
#include <stdlib.h>

#define LCG_MUL 6364136223846793005ull
#define LCG_ADD 1442695040888963407ull

static uint64_t state = 1;

void srand(unsigned seed)
{
	state = seed;
}

int rand(void)
{
	state = state * LCG_MUL + LCG_ADD;
	return (int)(state >> 33);
}
