/*
 * <ctype.h> for ATXF programs. There are no locales: every function answers
 * for the "C" locale (ASCII), and bytes 128..255 belong to no class.
 * Arguments must be EOF or representable as unsigned char (C11 7.4p1).
 */
#ifndef _ATXF_CTYPE_H
#define _ATXF_CTYPE_H

#include <bits/target.h>

int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int tolower(int c);
int toupper(int c);

#endif /* _ATXF_CTYPE_H */
