/*
 * Where the SDK is, and which GCC to drive.
 *
 * The wrapper lives in PREFIX/bin, so PREFIX is the directory above its own
 * executable. Asking the kernel (/proc/self/exe) rather than trusting argv[0]
 * gives the real file behind any symlink, which is what makes an installed
 * SDK relocatable: nothing records where it was installed.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wrapper.h"

/* readlink() into a buffer that grows until the whole target fits. */
static char *read_link(const char *path)
{
	size_t size = 256;

	for (;;) {
		char *buf = xmalloc(size);
		ssize_t n = readlink(path, buf, size);

		if (n < 0) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < size) {
			buf[n] = '\0';
			return buf;
		}
		free(buf);
		size *= 2;
	}
}

/* argv[0] without /proc: a path as given, or the first match on PATH. */
static char *search_argv0(const char *argv0)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL, *found = NULL;

	if (strchr(argv0, '/'))
		return realpath(argv0, NULL);
	if (!path)
		return NULL;
	copy = concat(path, "");
	for (dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		char *with_slash = concat(*dir ? dir : ".", "/");
		char *candidate = concat(with_slash, argv0);

		if (access(candidate, X_OK) == 0)
			found = realpath(candidate, NULL);
		free(candidate);
		free(with_slash);
	}
	free(copy);
	return found;
}

/* Cuts the last path component: "/a/b/c" -> "/a/b", "/c" -> "". */
static void strip_component(char *path)
{
	char *slash = strrchr(path, '/');

	if (slash)
		*slash = '\0';
}

char *find_prefix(const char *argv0)
{
	char *exe = read_link("/proc/self/exe");

	if (!exe)
		exe = search_argv0(argv0);
	if (!exe)
		die("cannot find my own executable (no /proc/self/exe, and '%s' is not on PATH): %s",
		    argv0, strerror(errno));
	strip_component(exe);   /* PREFIX/bin/x86_64-atxf-gcc -> PREFIX/bin */
	strip_component(exe);   /* -> PREFIX */
	return exe;
}

/*
 * ATXF_CC names the compiler outright; CROSS_COMPILE is the usual prefix of
 * a cross toolchain. Without either, the host's own gcc is the x86-64
 * compiler on an x86-64 machine; elsewhere Debian's cross gcc is the guess.
 */
const char *choose_compiler(void)
{
	const char *cc = getenv("ATXF_CC");
	const char *cross = getenv("CROSS_COMPILE");

	if (cc && *cc)
		return cc;
	if (cross && *cross)
		return concat(cross, "gcc");
#if defined(__x86_64__)
	return "gcc";
#else
	return "x86_64-linux-gnu-gcc";
#endif
}
