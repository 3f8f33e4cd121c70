/*
 * <fcntl.h> for ATXF programs. The flags are Linux's. open() and creat()
 * fail with ENOSYS until the VFS exists (docs/libc.md).
 */
#ifndef _ATXF_FCNTL_H
#define _ATXF_FCNTL_H

#include <bits/target.h>

#include <sys/types.h>

#define O_RDONLY    00
#define O_WRONLY    01
#define O_RDWR      02
#define O_ACCMODE   03
#define O_CREAT     0100
#define O_EXCL      0200
#define O_NOCTTY    0400
#define O_TRUNC     01000
#define O_APPEND    02000
#define O_NONBLOCK  04000
#define O_DIRECTORY 0200000
#define O_CLOEXEC   02000000

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define FD_CLOEXEC 1

int open(const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif /* _ATXF_FCNTL_H */
