/*
 * The floating-point half of the printf engine: format_fp.c fetches the
 * argument and lays out the field, format_dec.c (%e %f %g) and
 * format_hex.c (%a) produce the digits. Internal.
 */
#ifndef ATXF_LIBC_FORMAT_FP_H
#define ATXF_LIBC_FORMAT_FP_H

#include "format_spec.h"
#include "fp_bits.h"

/* Writes a field's body (everything after the sign and prefix). */
typedef void atxf_body_fn(struct out *o, const void *ctx);

/*
 * Lay out sign (lead), zero padding if '0' applies (zero_ok), the body of
 * body_len characters and space padding in a field of sp->width.
 */
void atxf_fmt_field(struct out *o, const struct spec *sp, const char *lead,
		    int zero_ok, int body_len, atxf_body_fn *body, const void *ctx);

/* Write letter, the sign of x and at least min_digits decimal digits of
 * |x| ("e+05", "p-3") into s; returns the length. */
int atxf_fmt_exponent(char *s, char letter, int x, int min_digits);

/* "-", "+", " " or "" for a value of sign neg under sp's flags. */
const char *atxf_fmt_sign(const struct spec *sp, int neg);

/* %e %f %g (and capitals) of a finite value. */
void atxf_fmt_decimal(struct out *o, const struct spec *sp, const struct atxf_fp *f);

/* %a %A of a finite value; ldouble picks the x87 layout (0x8p-3 for 1). */
void atxf_fmt_hex(struct out *o, const struct spec *sp, const struct atxf_fp *f, int ldouble);

#endif /* ATXF_LIBC_FORMAT_FP_H */
