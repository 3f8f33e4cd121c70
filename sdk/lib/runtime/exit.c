/*
 * exit() (<stdlib.h>): run the atexit functions, flush stdio, then end the
 * process with atxf_exit().
 *
 * fflush and __atxf_run_atexit are weak references: a program that never
 * printed has no stdio linked in and nothing to flush, and one that never
 * called atexit has no list to run; the runtime must not drag either in.
 * Any program that printed has stdout, which lives in the same object as
 * fflush (sdk/lib/libc/stdio.c), and atexit() lives with the list
 * (sdk/lib/libc/atexit.c), so each reference resolves when it matters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <atxf/sys.h>

void __atxf_run_atexit(void);

#pragma weak fflush
#pragma weak __atxf_run_atexit

_Noreturn void exit(int status)
{
	if (__atxf_run_atexit != NULL)
		__atxf_run_atexit();
	if (fflush != NULL)
		fflush(NULL);
	atxf_exit(status);
}
