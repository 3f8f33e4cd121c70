/*
 * <fenv.h> (C11 7.6): the floating-point environment is two units on
 * x86_64, the x87 (long double) and SSE (float and double); every call
 * acts on both, so a mode or flag means the same for all three types.
 * fenv_t is the x87 environment (fnstenv) plus MXCSR.
 */
#include <fenv.h>

#define X87_ROUND_MASK 0x0c00       /* control word bits 10-11 */
#define SSE_ROUND_SHIFT 3           /* MXCSR bits 13-14 = x87's 10-11 + 3 */

static unsigned short get_cw(void) { unsigned short cw; __asm__ volatile("fnstcw %0" : "=m"(cw)); return cw; }
static void set_cw(unsigned short cw) { __asm__ volatile("fldcw %0" : : "m"(cw)); }
static unsigned get_mxcsr(void) { unsigned m; __asm__ volatile("stmxcsr %0" : "=m"(m)); return m; }
static void set_mxcsr(unsigned m) { __asm__ volatile("ldmxcsr %0" : : "m"(m)); }
static unsigned short get_sw(void) { unsigned short sw; __asm__ volatile("fnstsw %0" : "=m"(sw)); return sw; }

int fegetround(void)
{
	return get_cw() & X87_ROUND_MASK;
}

int fesetround(int mode)
{
	if (mode & ~X87_ROUND_MASK)
		return -1;
	set_cw((unsigned short)((get_cw() & ~X87_ROUND_MASK) | mode));
	set_mxcsr((get_mxcsr() & ~(X87_ROUND_MASK << SSE_ROUND_SHIFT)) |
		  ((unsigned)mode << SSE_ROUND_SHIFT));
	return 0;
}

int fetestexcept(int excepts)
{
	return (get_sw() | get_mxcsr()) & excepts & FE_ALL_EXCEPT;
}

int feclearexcept(int excepts)
{
	fenv_t env;

	excepts &= FE_ALL_EXCEPT;
	__asm__ volatile("fnstenv %0" : "=m"(env.x87));
	env.x87[2] &= (unsigned short)~excepts;         /* the status word */
	__asm__ volatile("fldenv %0" : : "m"(env.x87));
	set_mxcsr(get_mxcsr() & ~(unsigned)excepts);
	return 0;
}

/* Raise by setting the SSE flags: C asks for the flags, not the traps,
 * and every exception is masked. */
int feraiseexcept(int excepts)
{
	set_mxcsr(get_mxcsr() | (excepts & FE_ALL_EXCEPT));
	return 0;
}

int fegetexceptflag(fexcept_t *flags, int excepts)
{
	*flags = (fexcept_t)fetestexcept(excepts);
	return 0;
}

int fesetexceptflag(const fexcept_t *flags, int excepts)
{
	feclearexcept(excepts);
	return feraiseexcept(*flags & excepts);
}

int fegetenv(fenv_t *env)
{
	__asm__ volatile("fnstenv %0" : "=m"(env->x87));
	/* fnstenv masks every x87 exception: put the control word back. */
	__asm__ volatile("fldcw %0" : : "m"(env->x87[0]));
	env->mxcsr = get_mxcsr();
	return 0;
}

int fesetenv(const fenv_t *env)
{
	if (env == FE_DFL_ENV) {
		__asm__ volatile("fninit");
		set_mxcsr(0x1f80);
		return 0;
	}
	__asm__ volatile("fldenv %0" : : "m"(env->x87));
	set_mxcsr(env->mxcsr);
	return 0;
}

int feholdexcept(fenv_t *env)
{
	fegetenv(env);
	feclearexcept(FE_ALL_EXCEPT);
	return 0;
}

int feupdateenv(const fenv_t *env)
{
	int raised = fetestexcept(FE_ALL_EXCEPT);

	fesetenv(env);
	return feraiseexcept(raised);
}
