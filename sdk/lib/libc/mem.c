/*
 * memcpy, memmove, memset, memcmp, memchr. The copies and the fill move
 * 8-byte words once the pointers are aligned, which is where a driver's
 * buffer copies spend their time; the rest is done a byte at a time.
 * (Built with -fno-builtin -fno-tree-loop-distribute-patterns so that the
 * compiler does not turn these loops back into calls to themselves.)
 */
#include <stdint.h>
#include <string.h>

typedef uint64_t __attribute__((__may_alias__)) word_t;
#define WORD sizeof(word_t)

static int co_aligned(const void *a, const void *b)
{
	return ((uintptr_t)a ^ (uintptr_t)b) % WORD == 0;
}

/* Copy from the start; also right for a destination below an overlapping
 * source, so memmove uses it too (no restrict here, unlike memcpy). */
static void copy_forward(unsigned char *d, const unsigned char *s, size_t n)
{
	if (co_aligned(d, s)) {
		for (; n > 0 && (uintptr_t)d % WORD != 0; n--)
			*d++ = *s++;
		for (; n >= WORD; n -= WORD, d += WORD, s += WORD)
			*(word_t *)d = *(const word_t *)s;
	}
	for (; n > 0; n--)
		*d++ = *s++;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	copy_forward(dst, src, n);
	return dst;
}

/* Copy from the end, for a destination that overlaps the source's tail. */
static void copy_backward(unsigned char *d, const unsigned char *s, size_t n)
{
	d += n;
	s += n;
	if (co_aligned(d, s)) {
		for (; n > 0 && (uintptr_t)d % WORD != 0; n--)
			*--d = *--s;
		for (; n >= WORD; n -= WORD) {
			d -= WORD;
			s -= WORD;
			*(word_t *)d = *(const word_t *)s;
		}
	}
	for (; n > 0; n--)
		*--d = *--s;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	/* Copying forward is safe unless the destination starts inside the source. */
	if ((uintptr_t)d - (uintptr_t)s >= n)
		copy_forward(d, s, n);
	else
		copy_backward(d, s, n);
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	word_t fill = (unsigned char)c * (word_t)0x0101010101010101ULL;

	for (; n > 0 && (uintptr_t)d % WORD != 0; n--)
		*d++ = (unsigned char)c;
	for (; n >= WORD; n -= WORD, d += WORD)
		*(word_t *)d = fill;
	for (; n > 0; n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n > 0; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n > 0; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}
