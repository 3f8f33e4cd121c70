/*
 * The calls that need a file system, until the VFS exists: each fails with
 * ENOSYS (docs/libc.md lists them), so a program can say so plainly
 * ("open: Function not implemented") instead of failing to link.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int no_fs(void)
{
	errno = ENOSYS;
	return -1;
}

int open(const char *path, int flags, ...)
{
	(void)path;
	(void)flags;
	return no_fs();
}

int creat(const char *path, mode_t mode)
{
	(void)path;
	(void)mode;
	return no_fs();
}

int stat(const char *restrict path, struct stat *restrict st)
{
	(void)path;
	(void)st;
	return no_fs();
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return stat(path, st);
}

int mkdir(const char *path, mode_t mode)
{
	(void)path;
	(void)mode;
	return no_fs();
}

int access(const char *path, int mode)
{
	(void)path;
	(void)mode;
	return no_fs();
}

int unlink(const char *path)
{
	(void)path;
	return no_fs();
}

int rmdir(const char *path)
{
	(void)path;
	return no_fs();
}

int chdir(const char *path)
{
	(void)path;
	return no_fs();
}

char *getcwd(char *buf, size_t size)
{
	(void)buf;
	(void)size;
	no_fs();
	return NULL;
}

int dup(int fd)
{
	(void)fd;
	return no_fs();
}

int dup2(int fd, int fd2)
{
	(void)fd;
	(void)fd2;
	return no_fs();
}

DIR *opendir(const char *path)
{
	(void)path;
	no_fs();
	return NULL;
}

/* No DIR can exist, so whatever this is, it is not one. */
struct dirent *readdir(DIR *dir)
{
	(void)dir;
	errno = EBADF;
	return NULL;
}

int closedir(DIR *dir)
{
	(void)dir;
	errno = EBADF;
	return -1;
}

static mode_t mask = 022;

mode_t umask(mode_t new_mask)
{
	mode_t old = mask;

	mask = new_mask & 0777;
	return old;
}
