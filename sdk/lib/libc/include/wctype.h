/*
 * <wctype.h> for ATXF programs (C11 7.30) in the C locale: the classes and
 * case mappings of <ctype.h> for code points below 128; every code point
 * above is in no class and maps to itself (docs/libc.md).
 */
#ifndef _ATXF_WCTYPE_H
#define _ATXF_WCTYPE_H

#include <bits/target.h>

#include <wchar.h>

typedef unsigned long wctype_t;         /* 0: no class; else a class index */
typedef unsigned long wctrans_t;

int iswalnum(wint_t wc);
int iswalpha(wint_t wc);
int iswblank(wint_t wc);
int iswcntrl(wint_t wc);
int iswdigit(wint_t wc);
int iswgraph(wint_t wc);
int iswlower(wint_t wc);
int iswprint(wint_t wc);
int iswpunct(wint_t wc);
int iswspace(wint_t wc);
int iswupper(wint_t wc);
int iswxdigit(wint_t wc);
wint_t towlower(wint_t wc);
wint_t towupper(wint_t wc);
wctype_t wctype(const char *name);
int iswctype(wint_t wc, wctype_t desc);
wctrans_t wctrans(const char *name);
wint_t towctrans(wint_t wc, wctrans_t desc);

#endif /* _ATXF_WCTYPE_H */
