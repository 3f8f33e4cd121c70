/*
 * <sys/types.h> for ATXF programs: the POSIX system data types, with the
 * widths Linux x86-64 gives them (so ported code and its format strings
 * keep working).
 */
#ifndef _ATXF_SYS_TYPES_H
#define _ATXF_SYS_TYPES_H

#include <bits/target.h>

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned uid_t;
typedef unsigned gid_t;
typedef unsigned mode_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef long time_t;
typedef long clock_t;
typedef int clockid_t;
typedef long suseconds_t;
typedef unsigned useconds_t;
typedef unsigned id_t;

#endif /* _ATXF_SYS_TYPES_H */
