/*
 * getenv (C11 7.22.4.6), setenv and unsetenv (POSIX) on environ
 * (environ.c). setenv copies into the heap, so the start strings are never
 * written to.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **owned;            /* environ, once setenv/unsetenv made a heap copy */

/* The entry for name (of len bytes), or NULL. */
static char **find(const char *name, size_t len)
{
	for (char **e = environ; *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return e;
	return NULL;
}

char *getenv(const char *name)
{
	char **e = find(name, strlen(name));

	return e ? *e + strlen(name) + 1 : NULL;
}

static size_t count(void)
{
	size_t n = 0;

	while (environ[n])
		n++;
	return n;
}

/* Makes environ a heap array with room for one more entry. */
static int grow(void)
{
	size_t n = count();
	char **copy = malloc((n + 2) * sizeof(*copy));

	if (!copy)
		return -1;
	memcpy(copy, environ, (n + 1) * sizeof(*copy));
	free(owned);
	environ = owned = copy;
	return 0;
}

static int valid_name(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len, vlen;
	char **e, *entry;

	if (!valid_name(name))
		return -1;
	len = strlen(name);
	e = find(name, len);
	if (e && !overwrite)
		return 0;
	vlen = strlen(value);
	entry = malloc(len + vlen + 2);
	if (!entry)
		return -1;
	memcpy(entry, name, len);
	entry[len] = '=';
	memcpy(entry + len + 1, value, vlen + 1);
	if (!e) {
		if (grow() < 0) {
			free(entry);
			return -1;
		}
		e = environ + count();
		e[1] = NULL;
	}
	*e = entry;     /* a replaced entry may be the start stack's: not freed */
	return 0;
}

int unsetenv(const char *name)
{
	char **e;

	if (!valid_name(name))
		return -1;
	while ((e = find(name, strlen(name))) != NULL)
		memmove(e, e + 1, (count() - (size_t)(e - environ)) * sizeof(*e));
	return 0;
}
