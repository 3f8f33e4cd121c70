/*
 * <unistd.h> for ATXF programs: the POSIX calls that make sense before
 * there are files (docs/libc.md lists each with its status).
 *
 * A process has three descriptors: 0 reads as at end of file (like
 * /dev/null: nothing gives programs input yet), 1 and 2 write to the
 * process's debug console (the serial terminal, so isatty() says yes).
 * Anything else is EBADF; calls that need a file system fail with ENOSYS
 * until there is one.
 */
#ifndef _ATXF_UNISTD_H
#define _ATXF_UNISTD_H

#include <bits/target.h>

#include <stddef.h>
#include <sys/types.h>

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/* sysconf() names; the values are Linux's. */
#define _SC_ARG_MAX     0
#define _SC_CHILD_MAX   1
#define _SC_OPEN_MAX    4
#define _SC_PAGESIZE    30
#define _SC_PAGE_SIZE   _SC_PAGESIZE
#define _SC_LINE_MAX    43

#define _POSIX_VERSION 200809L

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int isatty(int fd);
long sysconf(int name);
pid_t getpid(void);
pid_t getppid(void);
unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);
_Noreturn void _exit(int status);

/* Need a file system: -1 and ENOSYS for now. */
int access(const char *path, int mode);
int unlink(const char *path);
int rmdir(const char *path);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
int dup(int fd);
int dup2(int fd, int fd2);

extern char **environ;

#endif /* _ATXF_UNISTD_H */
