/*
 * exit() (<stdlib.h>): flush stdio, then end the process with atxf_exit().
 *
 * fflush is a weak reference: a program that never printed has no stdio
 * linked in and nothing to flush, and the runtime must not drag stdio in
 * for it. Any program that printed has stdout, which lives in the same
 * object as fflush (sdk/lib/libc/stdio.c), so the reference resolves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <atxf/sys.h>

#pragma weak fflush

_Noreturn void exit(int status)
{
	if (fflush != NULL)
		fflush(NULL);
	atxf_exit(status);
}
