/* strdup and strndup: copies of strings in memory from malloc. */
#include <stdlib.h>
#include <string.h>

char *strdup(const char *s)
{
	return strndup(s, (size_t)-1);
}

/* Copies at most n bytes of s and always adds a NUL. */
char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = malloc(len + 1);

	if (copy == NULL)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}
