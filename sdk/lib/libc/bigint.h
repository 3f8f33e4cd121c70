/*
 * Unsigned big integers in base 2^32, just what strtod needs to compare a
 * decimal number with a binary one exactly. The caller gives the storage,
 * so float and double conversions stay small on the stack while long
 * double gets room for its 11,000-digit halfway cases. Internal.
 */
#ifndef ATXF_LIBC_BIGINT_H
#define ATXF_LIBC_BIGINT_H

#include <stdint.h>

struct atxf_big {
	uint32_t *w;            /* words, least significant first */
	int n;                  /* words in use (no leading zero words) */
	int cap;                /* words of storage; overflowing it is a bug */
};

void atxf_big_set(struct atxf_big *a, uint64_t v);
void atxf_big_copy(struct atxf_big *dst, const struct atxf_big *src);
void atxf_big_mul_small(struct atxf_big *a, uint32_t k);
void atxf_big_add_small(struct atxf_big *a, uint32_t k);
void atxf_big_mul_pow5(struct atxf_big *a, int k);
void atxf_big_shl(struct atxf_big *a, int bits);
/* dst = a * k */
void atxf_big_mul_u64(struct atxf_big *dst, const struct atxf_big *a, uint64_t k);
/* a -= b, for a >= b */
void atxf_big_sub(struct atxf_big *a, const struct atxf_big *b);
int atxf_big_cmp(const struct atxf_big *a, const struct atxf_big *b);
int atxf_big_bits(const struct atxf_big *a);
/* The 64 bits of a from bit `from` up (from >= 0). */
uint64_t atxf_big_bits_at(const struct atxf_big *a, int from);

#endif /* ATXF_LIBC_BIGINT_H */
