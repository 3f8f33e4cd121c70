/* abort(): say so on the debug console and end the process. */
#include <stdio.h>
#include <stdlib.h>
#include "hooks.h"

/* The shell convention for death by SIGABRT, so a supervisor log reads
 * the same as on a Unix system. */
#define ABORT_STATUS 134

_Noreturn void abort(void)
{
	static const char msg[] = "abort() called: process terminated\n";

	/* Output printed before the failure explains it: get it out first.
	 * The streams are static buffers, so this is safe even if the heap
	 * is what broke. */
	fflush(NULL);
	atxf_debug_write(msg, sizeof(msg) - 1);
	atxf_exit(ABORT_STATUS);
}
