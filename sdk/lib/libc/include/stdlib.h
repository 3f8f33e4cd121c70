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

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void *aligned_alloc(size_t align, size_t size);
void free(void *p);

_Noreturn void abort(void);
_Noreturn void exit(int status);       /* the runtime's (crt0): flushes stdio */

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
