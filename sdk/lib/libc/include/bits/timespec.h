/*
 * struct timespec, for the headers that need it without the rest of
 * <time.h> (<pthread.h>, <threads.h>). Defined once, behind its own guard.
 */
#ifndef _ATXF_BITS_TIMESPEC_H
#define _ATXF_BITS_TIMESPEC_H

#include <bits/target.h>

#ifndef _ATXF_STRUCT_TIMESPEC
#define _ATXF_STRUCT_TIMESPEC
typedef long time_t;
struct timespec {
	time_t tv_sec;
	long tv_nsec;           /* 0 .. 999999999 */
};
#endif

#endif
