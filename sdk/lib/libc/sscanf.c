/*
 * sscanf and vsscanf: the scanf engine (scan.c) reading a string. The end
 * of the string is the end of the input.
 */
#include <stdarg.h>
#include <stdio.h>
#include "scan.h"

struct str_in {
	struct atxf_scan_in in;         /* first, so an in pointer is a str_in */
	const unsigned char *p;
};

static int str_get(struct atxf_scan_in *in)
{
	struct str_in *s = (struct str_in *)in;

	return *s->p ? *s->p++ : -1;
}

static void str_unget(struct atxf_scan_in *in, int c)
{
	(void)c;
	((struct str_in *)in)->p--;
}

int vsscanf(const char *restrict str, const char *restrict fmt, va_list ap)
{
	struct str_in s = {
		.in = { .get = str_get, .unget = str_unget },
		.p = (const unsigned char *)str,
	};

	return atxf_vscan(&s.in, fmt, ap);
}

int sscanf(const char *restrict str, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(str, fmt, ap);
	va_end(ap);
	return n;
}
