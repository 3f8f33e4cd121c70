/*
 * <fenv.h> for ATXF programs (C11 7.6): rounding modes and exception flags
 * of both x86_64 floating-point units at once (sdk/lib/libm/fenv.c). Link
 * with -lm. The values are the hardware's, as in glibc.
 */
#ifndef _ATXF_FENV_H
#define _ATXF_FENV_H

#include <bits/target.h>

typedef struct {
	unsigned short x87[14];     /* fnstenv's 28 bytes: control word, 0, status word, ... */
	unsigned mxcsr;
} fenv_t;
typedef unsigned short fexcept_t;

#define FE_INVALID    0x01
#define FE_DIVBYZERO  0x04
#define FE_OVERFLOW   0x08
#define FE_UNDERFLOW  0x10
#define FE_INEXACT    0x20
#define FE_ALL_EXCEPT 0x3d

#define FE_TONEAREST  0x000
#define FE_DOWNWARD   0x400
#define FE_UPWARD     0x800
#define FE_TOWARDZERO 0xc00

#define FE_DFL_ENV ((const fenv_t *)-1)

int feclearexcept(int excepts);
int fegetexceptflag(fexcept_t *flags, int excepts);
int feraiseexcept(int excepts);
int fesetexceptflag(const fexcept_t *flags, int excepts);
int fetestexcept(int excepts);
int fegetround(void);
int fesetround(int mode);
int fegetenv(fenv_t *env);
int feholdexcept(fenv_t *env);
int fesetenv(const fenv_t *env);
int feupdateenv(const fenv_t *env);

#endif /* _ATXF_FENV_H */
