/*
 * <stddef.h> for ATXF programs: built from compiler-predefined types only,
 * because the SDK compiles with -nostdinc and must not pick up host headers.
 */
#ifndef _ATXF_STDDEF_H
#define _ATXF_STDDEF_H

#include <bits/target.h>

typedef __SIZE_TYPE__    size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#ifndef __cplusplus
typedef __WCHAR_TYPE__   wchar_t;
#endif

/* The strictest fundamental alignment: what malloc must honour (16 on x86_64). */
typedef struct {
	long long __ll __attribute__((__aligned__(__alignof__(long long))));
	long double __ld __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;

#ifndef NULL
#define NULL ((void *)0)
#endif

#define offsetof(type, member) __builtin_offsetof(type, member)

#endif /* _ATXF_STDDEF_H */
