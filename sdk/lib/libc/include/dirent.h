/*
 * <dirent.h> for ATXF programs. opendir() fails with ENOSYS until the VFS
 * exists (docs/libc.md); readdir() and closedir() of anything else are EBADF.
 */
#ifndef _ATXF_DIRENT_H
#define _ATXF_DIRENT_H

#include <bits/target.h>

#include <sys/types.h>

struct dirent {
	ino_t d_ino;
	unsigned char d_type;
	char d_name[256];
};

typedef struct atxf_dir DIR;    /* opaque */

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);

#endif /* _ATXF_DIRENT_H */
