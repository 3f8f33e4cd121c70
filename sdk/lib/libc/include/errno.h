/*
 * <errno.h> for ATXF programs. errno is thread-local: each thread of a
 * process (<pthread.h>) has its own, in its TLS block. The numbers follow Linux so that ported code and people
 * reading logs see familiar values; the kernel ABI reports its own ATXF_E*
 * codes, which libatxf translates where a libc interface needs errno.
 */
#ifndef _ATXF_ERRNO_H
#define _ATXF_ERRNO_H

/* local-exec: ATXF programs are static, so the TLS block is the program's
 * own and errno is a fixed offset from %fs, with no GOT entry. */
extern __thread int errno __attribute__((__tls_model__("local-exec")));
#define errno errno

#define EPERM      1
#define ENOENT     2
#define EINTR      4
#define EIO        5
#define ENXIO      6
#define E2BIG      7
#define EBADF      9
#define EAGAIN    11
#define ENOMEM    12
#define EACCES    13
#define EFAULT    14
#define EBUSY     16
#define EEXIST    17
#define ENODEV    19
#define ENOTDIR   20
#define EISDIR    21
#define EINVAL    22
#define ENFILE    23
#define EMFILE    24
#define EFBIG     27
#define ENOSPC    28
#define ESPIPE    29
#define EROFS     30
#define EPIPE     32
#define EDOM      33
#define ERANGE    34
#define EDEADLK   35
#define ENAMETOOLONG 36
#define ENOSYS    38
#define ENOTEMPTY 39
#define EOVERFLOW 75
#define EILSEQ    84
#define ENOTSUP   95
#define ETIMEDOUT 110

#endif /* _ATXF_ERRNO_H */
