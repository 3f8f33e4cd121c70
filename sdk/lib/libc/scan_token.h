/*
 * The scanf engine's inside (scan.c, scan_number.c): reading with a width
 * limit and a count, and the numeric conversions' tokens. Internal.
 */
#ifndef ATXF_LIBC_SCAN_TOKEN_H
#define ATXF_LIBC_SCAN_TOKEN_H

#include <stddef.h>
#include "scan.h"

/* One conversion's view of the input: at most `left` more characters. */
struct scan_cursor {
	struct atxf_scan_in *in;
	size_t *count;          /* characters consumed in the whole call (%n) */
	long left;              /* the field width still allowed */
};

/* Next character within the width, or EOF; scan_back undoes one. */
int atxf_scan_next(struct scan_cursor *c);
void atxf_scan_back(struct scan_cursor *c, int ch);

/* A number's text, gathered from the input for strtod or strtoull. */
#define SCAN_TOKEN_MAX 11800   /* long double needs 11516 digits to round right */
struct scan_token {
	char text[SCAN_TOKEN_MAX + 24]; /* room for a sticky digit and an exponent */
	int len;
};

/*
 * Gather an integer of base (0 for C's prefixes) into t. Returns 1 if it
 * holds a number ("0x" alone counts as 0, as in glibc), 0 if not.
 */
int atxf_scan_integer(struct scan_cursor *c, int base, struct scan_token *t);

/*
 * Gather a floating-point number (decimal, hex, inf, infinity, nan) into
 * t. Returns 1 if it has a significand digit or names inf/nan, 0 if not.
 */
int atxf_scan_float(struct scan_cursor *c, struct scan_token *t);

#endif /* ATXF_LIBC_SCAN_TOKEN_H */
