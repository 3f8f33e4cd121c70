/* strcasecmp and strncasecmp: comparison ignoring ASCII case (POSIX). */
#include <ctype.h>
#include <strings.h>

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

	for (; n > 0; n--, x++, y++) {
		int cx = tolower(*x), cy = tolower(*y);

		if (cx != cy || cx == '\0')
			return cx - cy;
	}
	return 0;
}
