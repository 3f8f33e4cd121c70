/*
 * Running GCC and elf2atxf. Arguments go to execv as an array, never
 * through a shell, so spaces and quotes in file names arrive intact. Exit
 * statuses are passed through unchanged so that make and scripts see what
 * the tool said; a signal becomes 128 + its number, as in the shell.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "wrapper.h"

/* Replaces this process; returns only to report failure, with 127 like a shell. */
void exec_or_die(const char *prog, char *const argv[])
{
	execvp(prog, argv);
	fprintf(stderr, WRAPPER_NAME ": cannot run '%s': %s%s\n", prog, strerror(errno),
		errno == ENOENT ? " (set ATXF_CC or CROSS_COMPILE to choose the compiler)" : "");
	_exit(127);
}

static int exit_status(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 1;
}

int run_wait(const char *prog, char *const argv[], int search_path)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die("cannot start '%s': %s", prog, strerror(errno));
	if (pid == 0) {
		if (search_path)
			exec_or_die(prog, argv);
		execv(prog, argv);
		fprintf(stderr, WRAPPER_NAME ": cannot run '%s': %s\n", prog, strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			die("lost track of '%s': %s", prog, strerror(errno));
	}
	return exit_status(status);
}
