/*
 * abort(): run the program's SIGABRT handler if it installed one (C11
 * 7.22.4.1; a handler that longjmps out escapes), then say so on the debug
 * console and end the process. SIG_IGN does not stop abort, as in POSIX.
 */
#include <stdio.h>
#include <stdlib.h>
#include "hooks.h"

/* The shell convention for death by SIGABRT, so a supervisor log reads
 * the same as on a Unix system. */
#define ABORT_STATUS 134

/* signal.c's, when the program uses signal(): weak, so abort() alone does
 * not link the signal table in. */
void __atxf_catch_abort(void);
#pragma weak __atxf_catch_abort

_Noreturn void abort(void)
{
	static const char msg[] = "abort() called: process terminated\n";

	if (__atxf_catch_abort != NULL)
		__atxf_catch_abort();
	/* Output printed before the failure explains it: get it out first.
	 * The streams are static buffers, so this is safe even if the heap
	 * is what broke. */
	fflush(NULL);
	atxf_debug_write(msg, sizeof(msg) - 1);
	atxf_exit(ABORT_STATUS);
}
