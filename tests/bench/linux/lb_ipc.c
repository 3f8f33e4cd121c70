/*
 * The IPC peers of bench.atxf's null-syscall and ipc-rtt, on Linux:
 *   getppid    the cheapest system call that does something (it reads one
 *              field), against our unnumbered call's -ENOSYS
 *   pipe-rtt   lmbench's lat_pipe: a word sent down one pipe to a child,
 *              which sends it back up another; two processes, as ours
 *   futex-rtt  the same turn taken through a futex word in a shared page,
 *              each side waking the other and waiting for its turn
 * One CPU (-smp 1), so every round trip is two process switches, as ours.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lbench.h"

#define WARMUP 100

static uint64_t samples[10000];

void lb_getppid(unsigned runs)
{
	for (unsigned i = 0; i < WARMUP + runs; i++) {
		uint64_t t0 = lb_tsc();

		syscall(SYS_getppid);           /* glibc would not cache it, but be sure */
		if (i >= WARMUP)
			samples[i - WARMUP] = lb_tsc() - t0;
	}
	lb_report("getppid", samples, runs);
}

/* The child's half of lat_pipe: echo every word until the pipe closes. */
static void pipe_echo(int in, int out)
{
	long word;

	while (read(in, &word, sizeof(word)) == sizeof(word))
		if (write(out, &word, sizeof(word)) != sizeof(word))
			break;
	_exit(0);
}

void lb_pipe(unsigned runs)
{
	int down[2], up[2];
	long word = 0;
	pid_t child;

	if (pipe(down) || pipe(up)) {
		lb_na("pipe-rtt", strerror(errno));
		return;
	}
	child = fork();
	if (child == 0) {
		close(down[1]), close(up[0]);
		pipe_echo(down[0], up[1]);
	}
	close(down[0]), close(up[1]);
	for (unsigned i = 0; child > 0 && i < WARMUP + runs; i++) {
		uint64_t t0 = lb_tsc();

		if (write(down[1], &word, sizeof(word)) != sizeof(word) ||
		    read(up[0], &word, sizeof(word)) != sizeof(word)) {
			child = -1;
			break;
		}
		if (i >= WARMUP)
			samples[i - WARMUP] = lb_tsc() - t0;
	}
	close(down[1]), close(up[0]);
	if (child < 0) {
		lb_na("pipe-rtt", "the echo child failed");
		return;
	}
	waitpid(child, NULL, 0);
	lb_report("pipe-rtt", samples, runs);
}

enum { PARENT_TURN, CHILD_TURN, STOP };

static void futex_wait(atomic_int *w, int value)
{
	syscall(SYS_futex, w, FUTEX_WAIT, value, NULL, NULL, 0);
}

static void futex_wake(atomic_int *w)
{
	syscall(SYS_futex, w, FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* Gives the turn to the child and sleeps until it hands it back. */
static void pass_turn(atomic_int *w)
{
	atomic_store(w, CHILD_TURN);
	futex_wake(w);
	while (atomic_load(w) == CHILD_TURN)
		futex_wait(w, CHILD_TURN);
}

static void futex_echo(atomic_int *w)
{
	int now;

	for (;;) {
		while ((now = atomic_load(w)) == PARENT_TURN)
			futex_wait(w, PARENT_TURN);
		if (now == STOP)
			_exit(0);
		atomic_store(w, PARENT_TURN);
		futex_wake(w);
	}
}

void lb_futex(unsigned runs)
{
	atomic_int *w = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			     -1, 0);
	pid_t child;

	if (w == MAP_FAILED) {
		lb_na("futex-rtt", strerror(errno));
		return;
	}
	atomic_store(w, PARENT_TURN);
	child = fork();
	if (child == 0)
		futex_echo(w);
	for (unsigned i = 0; child > 0 && i < WARMUP + runs; i++) {
		uint64_t t0 = lb_tsc();

		pass_turn(w);
		if (i >= WARMUP)
			samples[i - WARMUP] = lb_tsc() - t0;
	}
	if (child < 0) {
		lb_na("futex-rtt", strerror(errno));
		return;
	}
	atomic_store(w, STOP);
	futex_wake(w);
	waitpid(child, NULL, 0);
	lb_report("futex-rtt", samples, runs);
}
