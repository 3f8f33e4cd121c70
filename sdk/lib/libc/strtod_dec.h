/* Decimal to binary for strtod (strtod_dec.c). Internal. */
#ifndef ATXF_LIBC_STRTOD_DEC_H
#define ATXF_LIBC_STRTOD_DEC_H

#include "bigint.h"
#include "fp_pack.h"

/*
 * Round (-1)^neg * num * 10^e10 (num > 0) into fmt's slot of out. den and
 * tmp are scratch with num's capacity; num is consumed. Returns
 * atxf_fp_pack()'s ERANGE or 0.
 */
int atxf_dec_to_bin(const struct atxf_fp_format *fmt, int neg, struct atxf_big *num,
		    int e10, struct atxf_big *den, struct atxf_big *tmp, union atxf_fp_out *out);

#endif /* ATXF_LIBC_STRTOD_DEC_H */
