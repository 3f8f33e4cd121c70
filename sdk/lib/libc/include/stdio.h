/*
 * <stdio.h> for ATXF programs: formatted output, and formatted input from
 * strings. stdout and stderr both go to the process's debug console;
 * stdout is line-buffered, stderr is written at the end of every call so
 * each call comes out in one piece.
 * stdin reads descriptor 0. There are no files yet: fopen, tmpfile,
 * remove and rename fail with ENOSYS until the VFS exists, and the three
 * standard streams cannot seek (ESPIPE).
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
typedef long long fpos_t;           /* a position in a stream, for fgetpos */

/* setvbuf's modes. */
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

#define FOPEN_MAX    8
#define FILENAME_MAX 4096
#define L_tmpnam     20
#define TMP_MAX      238328
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

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
int feof(FILE *f);

/* Input (C11 7.21.7, 7.21.8): on stdin, or any stream with input. On an
 * output stream they fail with EBADF. ungetc gives back one byte. */
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
char *fgets(char *restrict s, int n, FILE *restrict f);
size_t fread(void *restrict buf, size_t size, size_t n, FILE *restrict f);
int ungetc(int c, FILE *f);

/* Opening and positioning (C11 7.21.5, 7.21.9, 7.21.4). Until the VFS
 * exists, fopen, freopen of a name, tmpfile, remove and rename fail with
 * ENOSYS (a bad mode with EINVAL); the standard streams cannot seek
 * (ESPIPE). freopen(NULL, mode, f) keeps f. fclose of a standard stream
 * flushes it. setvbuf takes the three modes; full buffering is line
 * buffering, which C allows (the buffer is the stream's own). */
FILE *fopen(const char *restrict path, const char *restrict mode);
FILE *freopen(const char *restrict path, const char *restrict mode, FILE *restrict f);
int fclose(FILE *f);
int fseek(FILE *f, long offset, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int fgetpos(FILE *restrict f, fpos_t *restrict pos);
int fsetpos(FILE *f, const fpos_t *pos);
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
void setbuf(FILE *restrict f, char *restrict buf);
FILE *tmpfile(void);
char *tmpnam(char *s);
int remove(const char *path);
int rename(const char *from, const char *to);

#endif /* _ATXF_STDIO_H */
