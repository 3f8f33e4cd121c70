/*
 * The printf engine's inside, shared by its parts: format.c (parsing,
 * integers and text) and format_fp.c, format_dec.c, format_hex.c (floating
 * point).
 * Internal to the libc.
 */
#ifndef ATXF_LIBC_FORMAT_SPEC_H
#define ATXF_LIBC_FORMAT_SPEC_H

#include <stdarg.h>
#include <stddef.h>
#include "format.h"

enum {
	F_LEFT  = 1 << 0,   /* '-': pad on the right */
	F_PLUS  = 1 << 1,   /* '+': always print a sign (d, i, floating point) */
	F_SPACE = 1 << 2,   /* ' ': a space where that '+' would go */
	F_ZERO  = 1 << 3,   /* '0': pad with zeros between prefix and digits */
	F_ALT   = 1 << 4,   /* '#': "0x" for x, a leading 0 for o, always a point */
};

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIG_L };

/* One parsed conversion specification: %[flags][width][.prec][length]conv */
struct spec {
	unsigned flags;         /* F_* */
	int width;              /* minimum field width, 0 for none */
	int prec;               /* precision, -1 for none */
	enum length len;
	char conv;              /* the conversion letter, '\0' if the format ended */
};

/* The state of one atxf_vformat() call. */
struct out {
	struct atxf_sink *sink;
	size_t count;           /* characters produced so far */
	va_list ap;
};

/* A length modifier (hh h l ll j z t L) at *pp, stepped over; scanf's
 * engine reads them too. */
enum length atxf_fmt_length(const char **pp);

/* Hand n characters to the sink and count them. */
void atxf_fmt_emit(struct out *o, const char *s, size_t n);

/* Emit n copies of c (' ' or '0'). */
void atxf_fmt_pad(struct out *o, char c, size_t n);

/* %f %F %e %E %g %G %a %A: take a double (long double with L) and print it. */
void atxf_fmt_float(struct out *o, const struct spec *sp);

#endif /* ATXF_LIBC_FORMAT_SPEC_H */
