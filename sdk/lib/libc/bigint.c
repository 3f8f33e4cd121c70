/* Big unsigned integers in base 2^32 (bigint.h). */
#include "bigint.h"

static void trim(struct atxf_big *a)
{
	while (a->n > 0 && a->w[a->n - 1] == 0)
		a->n--;
}

void atxf_big_set(struct atxf_big *a, uint64_t v)
{
	a->w[0] = (uint32_t)v;
	a->w[1] = (uint32_t)(v >> 32);
	a->n = 2;
	trim(a);
}

void atxf_big_copy(struct atxf_big *dst, const struct atxf_big *src)
{
	for (int i = 0; i < src->n; i++)
		dst->w[i] = src->w[i];
	dst->n = src->n;
}

void atxf_big_mul_small(struct atxf_big *a, uint32_t k)
{
	uint64_t carry = 0;

	for (int i = 0; i < a->n; i++) {
		uint64_t v = (uint64_t)a->w[i] * k + carry;

		a->w[i] = (uint32_t)v;
		carry = v >> 32;
	}
	if (carry)
		a->w[a->n++] = (uint32_t)carry;
}

void atxf_big_add_small(struct atxf_big *a, uint32_t k)
{
	uint64_t carry = k;

	for (int i = 0; carry != 0 && i < a->n; i++) {
		uint64_t v = (uint64_t)a->w[i] + carry;

		a->w[i] = (uint32_t)v;
		carry = v >> 32;
	}
	if (carry)
		a->w[a->n++] = (uint32_t)carry;
}

void atxf_big_mul_pow5(struct atxf_big *a, int k)
{
	for (; k >= 13; k -= 13)
		atxf_big_mul_small(a, 1220703125u);     /* 5^13 */
	static const uint32_t small[13] = {
		1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125,
		9765625, 48828125, 244140625,
	};
	if (k > 0)
		atxf_big_mul_small(a, small[k]);
}

void atxf_big_shl(struct atxf_big *a, int bits)
{
	int words = bits / 32, s = bits % 32;

	if (a->n == 0)
		return;
	a->w[a->n + words] = 0;
	for (int i = a->n - 1; i >= 0; i--) {
		uint64_t v = (uint64_t)a->w[i] << s;

		a->w[i + words + 1] |= (uint32_t)(v >> 32);
		a->w[i + words] = (uint32_t)v;
	}
	for (int i = 0; i < words; i++)
		a->w[i] = 0;
	a->n += words + 1;
	trim(a);
}

void atxf_big_mul_u64(struct atxf_big *dst, const struct atxf_big *a, uint64_t k)
{
	unsigned __int128 carry = 0;

	for (int i = 0; i < a->n; i++) {
		unsigned __int128 v = (unsigned __int128)a->w[i] * k + carry;

		dst->w[i] = (uint32_t)v;
		carry = v >> 32;
	}
	dst->n = a->n;
	while (carry != 0) {
		dst->w[dst->n++] = (uint32_t)carry;
		carry >>= 32;
	}
	trim(dst);
}

void atxf_big_sub(struct atxf_big *a, const struct atxf_big *b)
{
	int64_t borrow = 0;

	for (int i = 0; i < a->n; i++) {
		int64_t v = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;

		borrow = v < 0;
		a->w[i] = (uint32_t)v;
	}
	trim(a);
}

int atxf_big_cmp(const struct atxf_big *a, const struct atxf_big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

int atxf_big_bits(const struct atxf_big *a)
{
	int bits;
	uint32_t top;

	if (a->n == 0)
		return 0;
	top = a->w[a->n - 1];
	for (bits = 0; top != 0; top >>= 1)
		bits++;
	return 32 * (a->n - 1) + bits;
}

uint64_t atxf_big_bits_at(const struct atxf_big *a, int from)
{
	int word = from / 32;
	unsigned __int128 v = 0;

	/* Three words hold 64 bits at any offset within the first. */
	for (int i = 2; i >= 0; i--)
		v = v << 32 | (word + i < a->n ? a->w[word + i] : 0);
	return (uint64_t)(v >> (from % 32));
}
