/* sysconf (POSIX): the limits this libc and kernel really have. */
#include <errno.h>
#include <unistd.h>
#include <atxf/atxf.h>
#include <atxf/proc.h>

#define OPEN_FDS    3           /* fd.c */
#define LINE_BYTES  2048        /* POSIX's minimum for LINE_MAX */

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE: return ATXF_PAGE_SIZE;
	case _SC_ARG_MAX: return ATXF_SPAWN_STRINGS_MAX;
	case _SC_OPEN_MAX: return OPEN_FDS;
	case _SC_LINE_MAX: return LINE_BYTES;
	case _SC_CHILD_MAX: return -1;          /* no limit of its own */
	default:
		errno = EINVAL;
		return -1;
	}
}
