/* <string.h> for ATXF programs: memory and string functions (C11 7.24 + POSIX). */
#ifndef _ATXF_STRING_H
#define _ATXF_STRING_H

#include <bits/target.h>

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *restrict dst, const char *restrict src);
char *stpcpy(char *restrict dst, const char *restrict src);
char *strncpy(char *restrict dst, const char *restrict src, size_t n);
char *strcat(char *restrict dst, const char *restrict src);
char *strncat(char *restrict dst, const char *restrict src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strtok_r(char *restrict s, const char *restrict delim, char **restrict saveptr);
char *strtok(char *restrict s, const char *restrict delim);
char *strpbrk(const char *s, const char *accept);

/* The C locale collates in byte order. */
int strcoll(const char *a, const char *b);
size_t strxfrm(char *restrict dst, const char *restrict src, size_t n);

/* glibc's sentences; "Unknown error N" for a number <errno.h> lacks. */
char *strerror(int err);

/* Allocate with malloc(); NULL and errno = ENOMEM when out of memory. */
char *strdup(const char *s);
char *strndup(const char *s, size_t n);

#endif /* _ATXF_STRING_H */
