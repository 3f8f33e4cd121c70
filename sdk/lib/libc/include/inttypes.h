/*
 * <inttypes.h> for ATXF programs (C11 7.8): printf/scanf length letters for
 * the <stdint.h> types. x86_64 is LP64: 64-bit types are long, so "l".
 */
#ifndef _ATXF_INTTYPES_H
#define _ATXF_INTTYPES_H

#include <bits/target.h>

#include <stdint.h>

#if __LONG_MAX__ != 0x7fffffffffffffffL || __INT64_MAX__ != __LONG_MAX__
#error "inttypes.h assumes LP64 with int64_t = long (x86_64)"
#endif

#define __PRI64  "l"
#define __PRIPTR "l"

#define PRId8  "d"
#define PRId16 "d"
#define PRId32 "d"
#define PRId64 __PRI64 "d"
#define PRIi8  "i"
#define PRIi16 "i"
#define PRIi32 "i"
#define PRIi64 __PRI64 "i"
#define PRIu8  "u"
#define PRIu16 "u"
#define PRIu32 "u"
#define PRIu64 __PRI64 "u"
#define PRIo8  "o"
#define PRIo16 "o"
#define PRIo32 "o"
#define PRIo64 __PRI64 "o"
#define PRIx8  "x"
#define PRIx16 "x"
#define PRIx32 "x"
#define PRIx64 __PRI64 "x"
#define PRIX8  "X"
#define PRIX16 "X"
#define PRIX32 "X"
#define PRIX64 __PRI64 "X"

#define PRIdMAX "jd"
#define PRIiMAX "ji"
#define PRIuMAX "ju"
#define PRIoMAX "jo"
#define PRIxMAX "jx"
#define PRIXMAX "jX"
#define PRIdPTR __PRIPTR "d"
#define PRIiPTR __PRIPTR "i"
#define PRIuPTR __PRIPTR "u"
#define PRIoPTR __PRIPTR "o"
#define PRIxPTR __PRIPTR "x"
#define PRIXPTR __PRIPTR "X"

/* The least and fast types: the least ones are the exact ones; fast8 is
 * char-sized, the other fast types are 64-bit (see <stdint.h>). */
#define PRIdLEAST8  PRId8
#define PRIdLEAST16 PRId16
#define PRIdLEAST32 PRId32
#define PRIdLEAST64 PRId64
#define PRIuLEAST8  PRIu8
#define PRIuLEAST16 PRIu16
#define PRIuLEAST32 PRIu32
#define PRIuLEAST64 PRIu64
#define PRIxLEAST8  PRIx8
#define PRIxLEAST16 PRIx16
#define PRIxLEAST32 PRIx32
#define PRIxLEAST64 PRIx64
#define PRIdFAST8   PRId8
#define PRIdFAST16  __PRI64 "d"
#define PRIdFAST32  __PRI64 "d"
#define PRIdFAST64  PRId64
#define PRIuFAST8   PRIu8
#define PRIuFAST16  __PRI64 "u"
#define PRIuFAST32  __PRI64 "u"
#define PRIuFAST64  PRIu64
#define PRIxFAST8   PRIx8
#define PRIxFAST16  __PRI64 "x"
#define PRIxFAST32  __PRI64 "x"
#define PRIxFAST64  PRIx64

typedef struct {
	intmax_t quot, rem;
} imaxdiv_t;

intmax_t imaxabs(intmax_t j);
imaxdiv_t imaxdiv(intmax_t n, intmax_t d);
intmax_t strtoimax(const char *restrict s, char **restrict endptr, int base);
uintmax_t strtoumax(const char *restrict s, char **restrict endptr, int base);

#endif /* _ATXF_INTTYPES_H */
