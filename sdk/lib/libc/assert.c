/* The failure path of assert() (<assert.h>). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn void __atxf_assert_fail(const char *expr, const char *file, int line,
				  const char *func)
{
	fprintf(stderr, "assertion failed: %s (%s:%d, %s)\n", expr, file, line, func);
	abort();
}
