/*
 * sin, cos, tan (C11 7.12.4.5-7). The argument is reduced to
 * r in [-pi/4, pi/4] and a quadrant n (trig_reduce.c); the Taylor series
 * of sin and cos at |r| <= pi/4 reach 2^-66 by the r^27 and r^28 terms.
 */
#include "libm.h"

long double atxf_sin_kernel(long double r)
{
	long double r2 = r * r, s = 1;

	/* r (1 - r^2/(2*3) (1 - r^2/(4*5) (1 - ...))) */
	for (int n = 26; n >= 2; n -= 2)
		s = 1 - s * r2 / ((long double)n * (n + 1));
	return r * s;
}

long double atxf_cos_kernel(long double r)
{
	long double r2 = r * r, s = 1;

	for (int n = 27; n >= 1; n -= 2)
		s = 1 - s * r2 / ((long double)n * (n + 1));
	return s;
}

long double sinl(long double x)
{
	long double r;

	if (!isfinite(x))
		return x - x;                   /* NaN; invalid for inf */
	switch (atxf_rem_pio2(x, &r)) {
	case 0:  return atxf_sin_kernel(r);
	case 1:  return atxf_cos_kernel(r);
	case 2:  return -atxf_sin_kernel(r);
	default: return -atxf_cos_kernel(r);
	}
}

long double cosl(long double x)
{
	long double r;

	if (!isfinite(x))
		return x - x;
	switch (atxf_rem_pio2(x, &r)) {
	case 0:  return atxf_cos_kernel(r);
	case 1:  return -atxf_sin_kernel(r);
	case 2:  return -atxf_cos_kernel(r);
	default: return atxf_sin_kernel(r);
	}
}

long double tanl(long double x)
{
	long double r;
	int n;

	if (!isfinite(x))
		return x - x;
	n = atxf_rem_pio2(x, &r);
	if (n & 1)
		return -atxf_cos_kernel(r) / atxf_sin_kernel(r);
	return atxf_sin_kernel(r) / atxf_cos_kernel(r);
}

LIBM_FORMS1(sin)
LIBM_FORMS1(cos)
LIBM_FORMS1(tan)

/*
 * sincos (a GNU extension, not C): GCC turns sin(x) and cos(x) of the same
 * x into one call of it when it takes the target for glibc, as the host
 * compiler behind x86_64-atxf-gcc does.
 */
void sincosl(long double x, long double *s, long double *c)
{
	*s = sinl(x);
	*c = cosl(x);
}

void sincos(double x, double *s, double *c)
{
	*s = (double)sinl(x);
	*c = (double)cosl(x);
}

void sincosf(float x, float *s, float *c)
{
	*s = (float)sinl(x);
	*c = (float)cosl(x);
}
