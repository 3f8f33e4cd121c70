/*
 * qsort as a heapsort: O(n log n) in the worst case, no recursion (driver
 * stacks are small) and no allocation. It is not stable; C does not ask it
 * to be.
 */
#include <stdlib.h>

typedef int (*compare_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
	for (; size > 0; size--, a++, b++) {
		char t = *a;

		*a = *b;
		*b = t;
	}
}

/* Move element root down until neither child of it is bigger. */
static void sift_down(char *base, size_t root, size_t n, size_t size, compare_fn cmp)
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
		root = child;
	}
}

void qsort(void *base, size_t n, size_t size, compare_fn cmp)
{
	char *b = base;

	if (n < 2 || size == 0)
		return;
	for (size_t i = n / 2; i-- > 0;)
		sift_down(b, i, n, size, cmp);
	for (size_t end = n - 1; end > 0; end--) {
		swap(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp);
	}
}
