/*
 * atexit, at_quick_exit, quick_exit and _Exit (C11 7.22.4). exit() lives in
 * the runtime (sdk/lib/runtime/exit.c); it calls __atxf_run_atexit() first,
 * then flushes stdio. Each list holds ATEXIT_MAX functions (C11 asks for 32);
 * they run in the reverse order of registration, each once.
 */
#include <stdlib.h>
#include "hooks.h"

#define ATEXIT_MAX 32

struct exit_list {
	void (*fn[ATEXIT_MAX])(void);
	unsigned n;
};

static struct exit_list at_exit, at_quick;

static int add(struct exit_list *l, void (*fn)(void))
{
	if (l->n == ATEXIT_MAX)
		return -1;
	l->fn[l->n++] = fn;
	return 0;
}

/* Popping before the call keeps a handler that registers or exits from
 * running anything twice. */
static void run(struct exit_list *l)
{
	while (l->n > 0)
		l->fn[--l->n]();
}

int atexit(void (*fn)(void))
{
	return add(&at_exit, fn);
}

int at_quick_exit(void (*fn)(void))
{
	return add(&at_quick, fn);
}

void __atxf_run_atexit(void)
{
	run(&at_exit);
}

/* No flush: C11 leaves unflushed streams to _Exit, and quick_exit exists
 * for leaving without the cleanup exit() does. */
_Noreturn void _Exit(int status)
{
	atxf_exit(status);
}

_Noreturn void quick_exit(int status)
{
	run(&at_quick);
	_Exit(status);
}

/* POSIX's name for the same thing. */
_Noreturn void _exit(int status)
{
	atxf_exit(status);
}
