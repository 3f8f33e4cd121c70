/*
 * Error codes returned (negated) by system calls, libatxf and the driver
 * framework: the one table. atxf_strerror() in libatxf gives the sentence.
 *
 * X(NAME, positive value, sentence). A call returns -ATXF_ENAME.
 */
#ifndef ATXF_ERRORS_H
#define ATXF_ERRORS_H

#define ATXF_ERROR_TABLE(X)                                                         \
	X(EPERM,      1, "operation not permitted: no capability grants it")          \
	X(ENOENT,     2, "no such name, process or object")                           \
	X(EINVAL,     3, "invalid argument")                                          \
	X(ENOMEM,     4, "out of memory")                                             \
	X(EFAULT,     5, "bad address: a pointer or length leaves the caller's memory") \
	X(EBUSY,      6, "resource busy: already owned or bound")                     \
	X(EAGAIN,     7, "would block: try again")                                    \
	X(ETIMEDOUT,  8, "timed out")                                                 \
	X(ENOSYS,     9, "no such system call or request")                            \
	X(EBADH,     10, "bad handle: not an open capability of the right kind")      \
	X(EPEER,     11, "peer gone: the other end of the port closed or died")       \
	X(ERANGE,    12, "out of range: outside the capability's range or a limit")   \
	X(EIO,       13, "device I/O error")                                          \
	X(ENODEV,    14, "no such device")                                            \
	X(EEXIST,    15, "already exists")                                            \
	X(ENOEXEC,   16, "not a valid ATXF executable")                               \
	X(EMSGSIZE,  17, "message too large")                                         \
	X(ENOSPC,    18, "no space left")                                             \
	X(EPROTO,    19, "malformed request: protocol violation")                     \
	X(ENOTSUP,   20, "not supported by this driver or device")                   \
	X(ESTALE,    21, "stale: what it refers to is gone; look it up again")      \
	X(EROFS,     22, "read-only: the file system or the right is read-only")    \
	X(ENOTDIR,   23, "not a directory")                                           \
	X(EISDIR,    24, "is a directory")                                            \
	X(ENOTEMPTY, 25, "directory not empty")                                       \
	X(ENAMETOOLONG, 26, "name too long")                                          \
	X(EBADF,     27, "bad file handle: not open, or not open for this")           \
	X(EMFILE,    28, "too many open files")                                       \
	X(EXDEV,     29, "cross-device: source and target are on different mounts")  \
	X(EFBIG,     30, "file too large for the file system")                        \
	X(ECORRUPT,  31, "file system structure corrupt: check it on the host (fsck)")

#ifndef __ASSEMBLER__
#define ATXF_ERROR_ENUM_(name, value, text) ATXF_##name = value,
enum atxf_error {
	ATXF_OK = 0,
	ATXF_ERROR_TABLE(ATXF_ERROR_ENUM_)
	ATXF_ERROR_MAX
};
#undef ATXF_ERROR_ENUM_
#endif /* !__ASSEMBLER__ */

#endif
