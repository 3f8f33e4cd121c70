/*
 * <stdarg.h> for ATXF programs: the compiler's own va_* builtins, since the
 * register-save layout of a va_list is the compiler's business, not ours.
 */
#ifndef _ATXF_STDARG_H
#define _ATXF_STDARG_H

#include <bits/target.h>

typedef __builtin_va_list va_list;

#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type)   __builtin_va_arg(ap, type)
#define va_copy(dst, src)  __builtin_va_copy(dst, src)
#define va_end(ap)         __builtin_va_end(ap)

#endif /* _ATXF_STDARG_H */
