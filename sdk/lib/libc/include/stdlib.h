/*
 * <stdlib.h> for ATXF programs: memory allocation, number conversion,
 * sorting and process termination.
 *
 * malloc and friends return 16-byte aligned memory from a boundary-tag heap
 * that grows on demand; malloc(0) and realloc(p, 0) return a unique minimal
 * block. free() and realloc() of a pointer the heap did not hand out, or
 * of one already freed, print a line on the debug console and abort.
 */
#ifndef _ATXF_STDLIB_H
#define _ATXF_STDLIB_H

#include <bits/target.h>

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
#define MB_CUR_MAX ((size_t)4)  /* UTF-8 (locale.h) */

typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void *aligned_alloc(size_t align, size_t size);
void free(void *p);

_Noreturn void abort(void);
_Noreturn void exit(int status);       /* the runtime's (crt0): atexit, then flushes stdio */
_Noreturn void _Exit(int status);      /* no atexit, no flush */
_Noreturn void quick_exit(int status); /* at_quick_exit functions, then _Exit */
int atexit(void (*fn)(void));          /* up to 32 each; 0, or -1 when full */
int at_quick_exit(void (*fn)(void));

/* The environment the spawner gave (<unistd.h>'s environ). */
char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
/*
 * Runs command, a program in the boot archive and its arguments separated
 * by spaces (no shell), through init, and waits for it: POSIX's wait status
 * (WEXITSTATUS in <sys/wait.h>), or -1 with errno. system(NULL) is 1 when
 * init can be asked (sdk/lib/runtime/system.c).
 */
int system(const char *command);

int rand(void);                        /* 0 .. RAND_MAX */
void srand(unsigned seed);

div_t div(int n, int d);
ldiv_t ldiv(long n, long d);
lldiv_t lldiv(long long n, long long d);

/* Multibyte characters are UTF-8 (utf8.c). */
int mblen(const char *s, size_t n);
int mbtowc(wchar_t *restrict pwc, const char *restrict s, size_t n);
int wctomb(char *s, wchar_t wc);
size_t mbstowcs(wchar_t *restrict dst, const char *restrict src, size_t n);
size_t wcstombs(char *restrict dst, const wchar_t *restrict src, size_t n);

int abs(int j);
long labs(long j);
long long llabs(long long j);

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
long strtol(const char *restrict s, char **restrict endptr, int base);
long long strtoll(const char *restrict s, char **restrict endptr, int base);
unsigned long strtoul(const char *restrict s, char **restrict endptr, int base);
unsigned long long strtoull(const char *restrict s, char **restrict endptr, int base);

/* Correctly rounded (to nearest), hexadecimal, INF and NAN(...) included;
 * errno is ERANGE on overflow and on a tiny inexact result, as in glibc. */
double atof(const char *s);
double strtod(const char *restrict s, char **restrict endptr);
float strtof(const char *restrict s, char **restrict endptr);
long double strtold(const char *restrict s, char **restrict endptr);

void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));

/*
 * ATXF extension: walk the whole heap and check its invariants. Returns 0
 * when it is sound; otherwise prints what is wrong and where on stderr and
 * returns a negative code. Meant for drivers chasing memory corruption.
 */
int atxf_heap_check(void);

#endif /* _ATXF_STDLIB_H */
