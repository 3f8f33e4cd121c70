/* <strings.h> for ATXF programs: ASCII case-insensitive comparison (POSIX). */
#ifndef _ATXF_STRINGS_H
#define _ATXF_STRINGS_H

#include <bits/target.h>

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);

#endif /* _ATXF_STRINGS_H */
