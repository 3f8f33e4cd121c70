/* The shared parser of strtod, strtof and strtold. Internal. */
#ifndef ATXF_LIBC_STRTOD_PARSE_H
#define ATXF_LIBC_STRTOD_PARSE_H

#include "fp_pack.h"

/*
 * Convert the number at the start of s into fmt's slot of out; *end (if
 * end is not NULL) is set past it, or to s if there is none (out is then
 * +0). Returns ERANGE or 0; errno is the caller's to set.
 */
int atxf_strtofp(const char *s, char **end, const struct atxf_fp_format *fmt,
		 union atxf_fp_out *out);

#endif /* ATXF_LIBC_STRTOD_PARSE_H */
