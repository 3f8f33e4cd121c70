/* Searching in strings and splitting them (C11 7.24.5, POSIX strtok_r). */
#include <stdint.h>
#include <string.h>

/* The terminating NUL counts as part of the string: strchr(s, 0) finds it. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

/*
 * The plain quadratic search: needles in driver code are short, and it
 * reads nothing past the end of either string.
 */
char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack != '\0' || n == 0; haystack++)
		if (strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	return NULL;
}

/* A 256-bit membership table for a set of bytes (the NUL is never in it). */
struct byteset {
	uint64_t bits[4];
};

static void byteset_init(struct byteset *set, const char *chars)
{
	set->bits[0] = set->bits[1] = set->bits[2] = set->bits[3] = 0;
	for (const unsigned char *p = (const unsigned char *)chars; *p != '\0'; p++)
		set->bits[*p / 64] |= (uint64_t)1 << (*p % 64);
}

static int byteset_has(const struct byteset *set, unsigned char c)
{
	return (set->bits[c / 64] >> (c % 64)) & 1;
}

size_t strspn(const char *s, const char *accept)
{
	struct byteset set;
	size_t n = 0;

	byteset_init(&set, accept);
	while (s[n] != '\0' && byteset_has(&set, (unsigned char)s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	struct byteset set;
	size_t n = 0;

	byteset_init(&set, reject);
	while (s[n] != '\0' && !byteset_has(&set, (unsigned char)s[n]))
		n++;
	return n;
}

/*
 * Return the next token of s (or of *saveptr when s is NULL), ending it with
 * a NUL; NULL when only delimiters are left. *saveptr keeps the position,
 * so unlike strtok two tokenizers can run at once.
 */
char *strtok_r(char *restrict s, const char *restrict delim, char **restrict saveptr)
{
	char *tok;

	if (s == NULL)
		s = *saveptr;
	s += strspn(s, delim);
	if (*s == '\0') {
		*saveptr = s;
		return NULL;
	}
	tok = s;
	s += strcspn(s, delim);
	if (*s != '\0')
		*s++ = '\0';
	*saveptr = s;
	return tok;
}
