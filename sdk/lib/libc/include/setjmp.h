/*
 * <setjmp.h> for ATXF programs (C11 7.13, POSIX sigsetjmp). A jmp_buf holds
 * rbx, rbp, r12-r15, rsp and the return address (sdk/lib/libc/setjmp.c).
 * There is no signal mask, so sigsetjmp ignores its second argument.
 */
#ifndef _ATXF_SETJMP_H
#define _ATXF_SETJMP_H

#include <bits/target.h>

typedef long jmp_buf[8];
typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf env) __attribute__((__returns_twice__));
_Noreturn void longjmp(jmp_buf env, int val);
int _setjmp(jmp_buf env) __attribute__((__returns_twice__));
_Noreturn void _longjmp(jmp_buf env, int val);
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#define setjmp(env) setjmp(env)
#define sigsetjmp(env, savemask) setjmp(env)

#endif /* _ATXF_SETJMP_H */
