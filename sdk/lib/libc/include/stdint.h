/*
 * <stdint.h> for ATXF programs (C11 7.20), taken entirely from the types and
 * limits the compiler predefines, so gcc and clang agree with themselves.
 */
#ifndef _ATXF_STDINT_H
#define _ATXF_STDINT_H

#include <bits/target.h>

typedef __INT8_TYPE__   int8_t;
typedef __INT16_TYPE__  int16_t;
typedef __INT32_TYPE__  int32_t;
typedef __INT64_TYPE__  int64_t;
typedef __UINT8_TYPE__  uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;

typedef __INT_LEAST8_TYPE__   int_least8_t;
typedef __INT_LEAST16_TYPE__  int_least16_t;
typedef __INT_LEAST32_TYPE__  int_least32_t;
typedef __INT_LEAST64_TYPE__  int_least64_t;
typedef __UINT_LEAST8_TYPE__  uint_least8_t;
typedef __UINT_LEAST16_TYPE__ uint_least16_t;
typedef __UINT_LEAST32_TYPE__ uint_least32_t;
typedef __UINT_LEAST64_TYPE__ uint_least64_t;

/*
 * The fast types are spelled out rather than taken from the compiler, because
 * gcc (long) and clang (short/int) disagree on x86_64 and objects built by
 * either must agree on every struct layout. We follow gcc and the SysV psABI.
 */
typedef signed char   int_fast8_t;
typedef long          int_fast16_t;
typedef long          int_fast32_t;
typedef long          int_fast64_t;
typedef unsigned char uint_fast8_t;
typedef unsigned long uint_fast16_t;
typedef unsigned long uint_fast32_t;
typedef unsigned long uint_fast64_t;

typedef __INTPTR_TYPE__  intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __INTMAX_TYPE__  intmax_t;
typedef __UINTMAX_TYPE__ uintmax_t;

#define INT8_MAX   __INT8_MAX__
#define INT16_MAX  __INT16_MAX__
#define INT32_MAX  __INT32_MAX__
#define INT64_MAX  __INT64_MAX__
#define INT8_MIN   (-INT8_MAX - 1)
#define INT16_MIN  (-INT16_MAX - 1)
#define INT32_MIN  (-INT32_MAX - 1)
#define INT64_MIN  (-INT64_MAX - 1)
#define UINT8_MAX  __UINT8_MAX__
#define UINT16_MAX __UINT16_MAX__
#define UINT32_MAX __UINT32_MAX__
#define UINT64_MAX __UINT64_MAX__

#define INT_LEAST8_MAX   __INT_LEAST8_MAX__
#define INT_LEAST16_MAX  __INT_LEAST16_MAX__
#define INT_LEAST32_MAX  __INT_LEAST32_MAX__
#define INT_LEAST64_MAX  __INT_LEAST64_MAX__
#define INT_LEAST8_MIN   (-INT_LEAST8_MAX - 1)
#define INT_LEAST16_MIN  (-INT_LEAST16_MAX - 1)
#define INT_LEAST32_MIN  (-INT_LEAST32_MAX - 1)
#define INT_LEAST64_MIN  (-INT_LEAST64_MAX - 1)
#define UINT_LEAST8_MAX  __UINT_LEAST8_MAX__
#define UINT_LEAST16_MAX __UINT_LEAST16_MAX__
#define UINT_LEAST32_MAX __UINT_LEAST32_MAX__
#define UINT_LEAST64_MAX __UINT_LEAST64_MAX__

#define INT_FAST8_MAX   __SCHAR_MAX__
#define INT_FAST16_MAX  __LONG_MAX__
#define INT_FAST32_MAX  __LONG_MAX__
#define INT_FAST64_MAX  __LONG_MAX__
#define INT_FAST8_MIN   (-INT_FAST8_MAX - 1)
#define INT_FAST16_MIN  (-INT_FAST16_MAX - 1)
#define INT_FAST32_MIN  (-INT_FAST32_MAX - 1)
#define INT_FAST64_MIN  (-INT_FAST64_MAX - 1)
#define UINT_FAST8_MAX  (__SCHAR_MAX__ * 2 + 1)
#define UINT_FAST16_MAX (__LONG_MAX__ * 2UL + 1UL)
#define UINT_FAST32_MAX (__LONG_MAX__ * 2UL + 1UL)
#define UINT_FAST64_MAX (__LONG_MAX__ * 2UL + 1UL)

#define INTPTR_MAX  __INTPTR_MAX__
#define INTPTR_MIN  (-INTPTR_MAX - 1)
#define UINTPTR_MAX __UINTPTR_MAX__
#define INTMAX_MAX  __INTMAX_MAX__
#define INTMAX_MIN  (-INTMAX_MAX - 1)
#define UINTMAX_MAX __UINTMAX_MAX__

#define PTRDIFF_MAX    __PTRDIFF_MAX__
#define PTRDIFF_MIN    (-PTRDIFF_MAX - 1)
#define SIZE_MAX       __SIZE_MAX__
#define SIG_ATOMIC_MAX __SIG_ATOMIC_MAX__
#define SIG_ATOMIC_MIN __SIG_ATOMIC_MIN__
#define WCHAR_MAX      __WCHAR_MAX__
#define WCHAR_MIN      __WCHAR_MIN__
#define WINT_MAX       __WINT_MAX__
#define WINT_MIN       __WINT_MIN__

/* Spelled out for LP64 x86_64: clang does not predefine __INT8_C and kin. */
#define INT8_C(c)    c
#define INT16_C(c)   c
#define INT32_C(c)   c
#define INT64_C(c)   c ## L
#define UINT8_C(c)   c
#define UINT16_C(c)  c
#define UINT32_C(c)  c ## U
#define UINT64_C(c)  c ## UL
#define INTMAX_C(c)  c ## L
#define UINTMAX_C(c) c ## UL

#endif /* _ATXF_STDINT_H */
