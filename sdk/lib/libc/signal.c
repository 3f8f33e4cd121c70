/*
 * signal() and raise() (C11 7.14) within one process; <signal.h> says what
 * can and cannot reach a handler on ATXF (no CPU fault ever does).
 */
#include <errno.h>
#include <signal.h>
#include "hooks.h"

/* The shell's convention: a process ended by signal n exits with 128 + n. */
#define SIGNAL_STATUS_BASE 128

static sighandler_t handlers[NSIG];

static int valid(int sig)
{
	return sig > 0 && sig < NSIG;
}

static int ignored_by_default(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

sighandler_t signal(int sig, sighandler_t handler)
{
	sighandler_t old;

	if (!valid(sig) || sig == SIGKILL || sig == SIGSTOP) {
		errno = EINVAL;
		return SIG_ERR;
	}
	old = handlers[sig];
	handlers[sig] = handler;
	return old;
}

int raise(int sig)
{
	sighandler_t h;

	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	h = handlers[sig];
	if (h == SIG_IGN || (h == SIG_DFL && ignored_by_default(sig)))
		return 0;
	if (h == SIG_DFL)
		atxf_exit(SIGNAL_STATUS_BASE + sig);
	h(sig);
	return 0;
}

/* For abort(): run a SIGABRT handler the program installed, if any. */
void __atxf_catch_abort(void)
{
	sighandler_t h = handlers[SIGABRT];

	if (h != SIG_DFL && h != SIG_IGN)
		h(SIGABRT);
}
