/*
 * The three descriptors a process has (<unistd.h>): 0 reads the input its
 * starter gave (<atxf/stdin.h>; without one it is at its end at once),
 * 1 and 2 write to the debug console. close() really closes them;
 * every call on a closed or unknown descriptor is EBADF.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#include "hooks.h"

#define NFDS 3
/* A character device's mode, as a terminal's on Linux (crw--w----). */
#define TTY_MODE (S_IFCHR | 0620)

static unsigned char closed[NFDS];

static int is_open(int fd)
{
	return fd >= 0 && fd < NFDS && !closed[fd];
}

static int bad_fd(void)
{
	errno = EBADF;
	return -1;
}

ssize_t read(int fd, void *buf, size_t n)
{
	long got;

	if (!is_open(fd) || fd != STDIN_FILENO)
		return bad_fd();
	got = atxf_stdin_read(buf, n);
	if (got < 0) {
		errno = EIO;
		return -1;
	}
	return (ssize_t)got;
}

/* All of buf, in as many console writes as it takes: POSIX lets a write
 * be short, but a program seldom loops, and the console always drains. */
ssize_t write(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	size_t done = 0;

	if (!is_open(fd) || fd == STDIN_FILENO)
		return bad_fd();
	while (done < n) {
		long k = atxf_debug_write(p + done, n - done);

		if (k <= 0) {
			if (done)
				return (ssize_t)done;
			errno = EIO;
			return -1;
		}
		done += (size_t)k;
	}
	return (ssize_t)done;
}

int close(int fd)
{
	if (!is_open(fd))
		return bad_fd();
	closed[fd] = 1;
	return 0;
}

/* A terminal and an empty stream cannot seek. */
off_t lseek(int fd, off_t offset, int whence)
{
	(void)offset;
	(void)whence;
	if (!is_open(fd))
		return bad_fd();
	errno = ESPIPE;
	return -1;
}

int isatty(int fd)
{
	if (!is_open(fd)) {
		bad_fd();
		return 0;
	}
	if (fd == STDIN_FILENO) {
		errno = ENOTTY;
		return 0;
	}
	return 1;
}

int fstat(int fd, struct stat *st)
{
	if (!is_open(fd))
		return bad_fd();
	*st = (struct stat){ .st_mode = TTY_MODE, .st_nlink = 1, .st_blksize = 1024 };
	return 0;
}

/* F_GETFD and F_GETFL answer; nothing can be changed yet. */
int fcntl(int fd, int cmd, ...)
{
	if (!is_open(fd))
		return bad_fd();
	if (cmd == F_GETFD)
		return 0;
	if (cmd == F_GETFL)
		return fd == STDIN_FILENO ? O_RDONLY : O_WRONLY;
	errno = EINVAL;
	return -1;
}
