/*
 * <stdio.h> for ATXF programs: formatted output, and formatted input from
 * strings. stdout and stderr both go to the process's debug console;
 * stdout is line-buffered, stderr is written at the end of every call so
 * each call comes out in one piece.
 * stdin exists for the scanf family but has no input yet (end of file);
 * there are no files.
 *
 * Conversions: %d %i %u %o %x %X %c %s %p %% and the floating-point
 * %f %F %e %E %g %G %a %A with the flags - + space 0 #, width and precision
 * (also as *), and the lengths hh h l ll j z t, L for long double.
 * %n is refused (its argument is skipped, nothing is stored or printed).
 * There are no wide characters: %lc and %ls are taken as %c and %s.
 * An unknown conversion is printed as it was written.
 * Floating point is exact and correctly rounded (to nearest, ties to even),
 * byte for byte what glibc prints on x86_64 (docs/libc.md).
 */
#ifndef _ATXF_STDIO_H
#define _ATXF_STDIO_H

#include <bits/target.h>

#include <stddef.h>

#define EOF    (-1)
#define BUFSIZ 256

typedef struct atxf_stream FILE;    /* opaque */

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

#define __atxf_printf(fmt, args) __attribute__((__format__(__printf__, fmt, args)))

int printf(const char *restrict fmt, ...) __atxf_printf(1, 2);
int fprintf(FILE *restrict f, const char *restrict fmt, ...) __atxf_printf(2, 3);
int sprintf(char *restrict buf, const char *restrict fmt, ...) __atxf_printf(2, 3);
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__atxf_printf(3, 4);

int vprintf(const char *restrict fmt, __builtin_va_list ap) __atxf_printf(1, 0);
int vfprintf(FILE *restrict f, const char *restrict fmt, __builtin_va_list ap)
	__atxf_printf(2, 0);
int vsprintf(char *restrict buf, const char *restrict fmt, __builtin_va_list ap)
	__atxf_printf(2, 0);
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      __builtin_va_list ap) __atxf_printf(3, 0);

#define __atxf_scanf(fmt, args) __attribute__((__format__(__scanf__, fmt, args)))

/* The scanf family (C11 7.21.6.2), every conversion; numbers convert as
 * strtol and strtod do. stdin has no input yet: it is at end of file. */
int scanf(const char *restrict fmt, ...) __atxf_scanf(1, 2);
int fscanf(FILE *restrict f, const char *restrict fmt, ...) __atxf_scanf(2, 3);
int sscanf(const char *restrict s, const char *restrict fmt, ...) __atxf_scanf(2, 3);
int vscanf(const char *restrict fmt, __builtin_va_list ap) __atxf_scanf(1, 0);
int vfscanf(FILE *restrict f, const char *restrict fmt, __builtin_va_list ap)
	__atxf_scanf(2, 0);
int vsscanf(const char *restrict s, const char *restrict fmt, __builtin_va_list ap)
	__atxf_scanf(2, 0);

int putchar(int c);
int puts(const char *s);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int fputs(const char *restrict s, FILE *restrict f);
size_t fwrite(const void *restrict buf, size_t size, size_t n, FILE *restrict f);

/* Send what is buffered; fflush(NULL) flushes stdout and stderr. */
int fflush(FILE *f);
int ferror(FILE *f);
/* "s: strerror(errno)" on stderr (just the sentence when s is NULL or ""). */
void perror(const char *s);
void clearerr(FILE *f);

#endif /* _ATXF_STDIO_H */
