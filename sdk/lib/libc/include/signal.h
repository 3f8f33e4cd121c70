/*
 * <signal.h> for ATXF programs (C11 7.14): signal() and raise() within one
 * process. The numbers are Linux's.
 *
 * What reaches a handler: only raise() (and abort(), which raises SIGABRT
 * first). Nothing is sent from outside a process, and a CPU fault never
 * becomes a signal: the kernel ends a process that faults at once, with
 * exit status 128 + the exception vector (<atxf/proc.h>): a page fault 142,
 * #GP 141, a divide error 128, #UD 134. So a SIGSEGV, SIGFPE, SIGILL or
 * SIGBUS handler is accepted, runs when the program raises that signal, and
 * never runs for a real fault. docs/libc.md has the table.
 *
 * A handler stays installed after it runs (BSD and glibc semantics). The
 * default action of a signal whose POSIX default is to ignore it (SIGCHLD,
 * SIGURG, SIGWINCH, SIGCONT) does nothing; every other default ends the
 * process at once, without flushing stdio, with status 128 + the signal
 * number, the shell's convention. SIGKILL and SIGSTOP cannot be caught.
 */
#ifndef _ATXF_SIGNAL_H
#define _ATXF_SIGNAL_H

#include <bits/target.h>

typedef volatile int sig_atomic_t;
typedef void (*sighandler_t)(int);

#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGSYS    31
#define NSIG      32        /* signal numbers are 1 .. NSIG-1 */

/* The previous handler, or SIG_ERR with errno EINVAL for a number outside
 * 1..NSIG-1, SIGKILL or SIGSTOP. */
sighandler_t signal(int sig, sighandler_t handler);
/* 0 after the handler (or the ignoring) is done; -1 and EINVAL for a bad number. */
int raise(int sig);

#endif /* _ATXF_SIGNAL_H */
