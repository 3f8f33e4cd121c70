/*
 * <sys/wait.h> for ATXF programs: the macros that read system()'s result,
 * a POSIX wait status. A program always ends by exiting (a fault is exit
 * status 128 + vector, docs/libc.md), so WIFEXITED is true of every status
 * system() returns and WIFSIGNALED of none. There is no wait() or fork().
 */
#ifndef _ATXF_SYS_WAIT_H
#define _ATXF_SYS_WAIT_H

#include <bits/target.h>

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WIFEXITED(s)   (((s) & 0x7f) == 0)
#define WIFSIGNALED(s) (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)    ((s) & 0x7f)
#define WIFSTOPPED(s)  (((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)    WEXITSTATUS(s)

#endif /* _ATXF_SYS_WAIT_H */
