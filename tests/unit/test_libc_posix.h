/*
 * The C11/POSIX part of the shipped libc under its test names (tlibc_*,
 * see test_libc.h). struct tm and wchar_t have glibc's layout, so the tests
 * pass the host's types; mbstate_t is the libc's own, so they pass a zeroed
 * TLIBC_MBSTATE instead.
 */
#ifndef TEST_LIBC_POSIX_H
#define TEST_LIBC_POSIX_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <wchar.h>

typedef struct { unsigned char bytes[16]; } TLIBC_MBSTATE;

/* time */
struct tm *tlibc_gmtime_r(const time_t *t, struct tm *tm);
struct tm *tlibc_localtime_r(const time_t *t, struct tm *tm);
time_t tlibc_timegm(struct tm *tm);
time_t tlibc_mktime(struct tm *tm);
double tlibc_difftime(time_t a, time_t b);
size_t tlibc_strftime(char *s, size_t max, const char *fmt, const struct tm *tm);
char *tlibc_asctime_r(const struct tm *tm, char *buf);

/* wide and multibyte characters */
size_t tlibc_mbrtowc(wchar_t *pwc, const char *s, size_t n, TLIBC_MBSTATE *ps);
size_t tlibc_wcrtomb(char *s, wchar_t wc, TLIBC_MBSTATE *ps);
size_t tlibc_mbstowcs(wchar_t *dst, const char *src, size_t n);
size_t tlibc_wcstombs(char *dst, const wchar_t *src, size_t n);
int tlibc_mbtowc(wchar_t *pwc, const char *s, size_t n);
int tlibc_wctomb(char *s, wchar_t wc);
int tlibc_mbsinit(const TLIBC_MBSTATE *ps);
size_t tlibc_wcslen(const wchar_t *s);
int tlibc_wcscmp(const wchar_t *a, const wchar_t *b);
wchar_t *tlibc_wcschr(const wchar_t *s, wchar_t c);
wchar_t *tlibc_wcsstr(const wchar_t *h, const wchar_t *n);
wchar_t *tlibc_wcsncpy(wchar_t *d, const wchar_t *s, size_t n);
wchar_t *tlibc_wcscat(wchar_t *d, const wchar_t *s);
wchar_t *tlibc_wcsncat(wchar_t *d, const wchar_t *s, size_t n);
size_t tlibc_wcsnlen(const wchar_t *s, size_t max);
wchar_t *tlibc_wmemmove(wchar_t *d, const wchar_t *s, size_t n);
int tlibc_iswalpha(wint_t c);
int tlibc_iswspace(wint_t c);
int tlibc_iswpunct(wint_t c);
int tlibc_iswxdigit(wint_t c);
wint_t tlibc_towupper(wint_t c);
unsigned long tlibc_wctype(const char *name);
int tlibc_iswctype(wint_t c, unsigned long desc);

/* locale */
char *tlibc_setlocale(int category, const char *locale);
struct lconv *tlibc_localeconv(void);

/* stdlib, string */
char *tlibc_strtok(char *s, const char *delim);
char *tlibc_strpbrk(const char *s, const char *accept);
int tlibc_strcoll(const char *a, const char *b);
size_t tlibc_strxfrm(char *d, const char *s, size_t n);
char *tlibc_strerror(int err);
void tlibc_perror(const char *s);
int tlibc_rand(void);
void tlibc_srand(unsigned seed);
int tlibc_atexit(void (*fn)(void));
int tlibc_at_quick_exit(void (*fn)(void));
_Noreturn void tlibc_quick_exit(int status);
_Noreturn void tlibc__Exit(int status);
void tlibc___atxf_run_atexit(void);
char *tlibc_getenv(const char *name);
int tlibc_setenv(const char *name, const char *value, int overwrite);
int tlibc_unsetenv(const char *name);
extern char **tlibc_environ;

/* setjmp, signals */
typedef long tlibc_jmp_buf[8];
int tlibc_setjmp(tlibc_jmp_buf env) __attribute__((returns_twice));
_Noreturn void tlibc_longjmp(tlibc_jmp_buf env, int val);
typedef void (*tlibc_handler)(int);
tlibc_handler tlibc_signal(int sig, tlibc_handler h);
int tlibc_raise(int sig);
_Noreturn void tlibc_abort(void);

/* descriptors */
long tlibc_read(int fd, void *buf, size_t n);
long tlibc_write(int fd, const void *buf, size_t n);
int tlibc_close(int fd);
long tlibc_lseek(int fd, long off, int whence);
int tlibc_isatty(int fd);
int tlibc_open(const char *path, int flags, ...);
long tlibc_sysconf(int name);

#endif /* TEST_LIBC_POSIX_H */
