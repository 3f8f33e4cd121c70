/*
 * strtod, strtof, strtold and atof (C11 7.22.1.2-3): correctly rounded in
 * every case, hexadecimal, infinity, NaN (with glibc's payloads) and
 * subnormals included; ERANGE on overflow and on a tiny inexact result.
 */
#include <errno.h>
#include <stdlib.h>
#include "strtod_parse.h"

static union atxf_fp_out parse(const char *s, char **end, const struct atxf_fp_format *fmt)
{
	union atxf_fp_out out;
	int err = atxf_strtofp(s, end, fmt, &out);

	if (err)
		errno = err;
	return out;
}

double strtod(const char *restrict s, char **restrict end)
{
	return parse(s, end, &atxf_fp_double).d;
}

float strtof(const char *restrict s, char **restrict end)
{
	return parse(s, end, &atxf_fp_float).f;
}

long double strtold(const char *restrict s, char **restrict end)
{
	return parse(s, end, &atxf_fp_ldouble).ld;
}

double atof(const char *s)
{
	return strtod(s, NULL);
}
