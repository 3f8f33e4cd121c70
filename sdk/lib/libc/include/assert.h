/*
 * <assert.h> for ATXF programs. Deliberately without an include guard: C11
 * 7.2 lets a file re-include it after changing NDEBUG. A failed assertion
 * prints "assertion failed: EXPR (file:line, function)" on the debug console
 * and aborts the process.
 */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) \
	((expr) ? (void)0 : __atxf_assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ATXF_ASSERT_H
#define _ATXF_ASSERT_H

#include <bits/target.h>

#ifndef __cplusplus
#define static_assert _Static_assert
#endif

_Noreturn void __atxf_assert_fail(const char *expr, const char *file, int line,
				  const char *func);

#endif /* _ATXF_ASSERT_H */
