/* strtok and strpbrk (C11 7.24.5.3, 7.24.5.8): strtok is strtok_r with
 * one hidden position, so a program has one tokenizer at a time. */
#include <string.h>

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *next;

	return strtok_r(s, delim, &next);
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}
