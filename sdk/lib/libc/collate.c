/*
 * Collation (C11 7.24.4.3, 7.24.4.5). The only locale is "C" (and its
 * UTF-8 twin, locale.c), where collation is byte order: strcoll is
 * strcmp and strxfrm copies.
 */
#include <string.h>

int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

/* Returns the length of the transformed string; writes it (with its NUL)
 * only when it fits in n bytes, as C11 says, and leaves dst alone otherwise. */
size_t strxfrm(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len = strlen(src);

	if (len < n)
		memcpy(dst, src, len + 1);
	return len;
}
