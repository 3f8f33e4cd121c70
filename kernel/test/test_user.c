/*
 * Ring-3 self-tests with the tiny programs of test/user_progs.S: system
 * calls and their argument checks, preemption between user processes, and
 * fault containment (each forbidden act ends only its own process).
 */
#include <atxf/atxf.h>
#include "lib/log.h"
#include "proc/process.h"
#include "sched/sched.h"
#include "test/ktest.h"
#include "time/clock.h"

#define DECLARE_PROGRAM(name) extern const char user_##name[], user_##name##_end[]
DECLARE_PROGRAM(hello);
DECLARE_PROGRAM(spin);
DECLARE_PROGRAM(fault_ud);
DECLARE_PROGRAM(fault_de);
DECLARE_PROGRAM(fault_null);
DECLARE_PROGRAM(fault_kernel_read);
DECLARE_PROGRAM(fault_code_write);
DECLARE_PROGRAM(fault_stack_exec);
DECLARE_PROGRAM(fault_privileged);
DECLARE_PROGRAM(fault_io_port);

struct program {
	const char *name;
	const char *start, *end;
	int vector;             /* the exception it must die of, -1 for none */
};

#define PROGRAM(n, v) { #n, user_##n, user_##n##_end, v }

static struct process *spawn(const struct program *prog, uint64_t arg)
{
	struct process *p = process_create(prog->name);

	if (!p)
		return NULL;
	if (process_load_code(p, ATXF_LOAD_BASE, prog->start, prog->end - prog->start) ||
	    process_start(p, ATXF_LOAD_BASE, arg, PRIO_DEFAULT)) {
		process_destroy(p);
		return NULL;
	}
	return p;
}

int ktest_user(void)
{
	static const struct program hello = PROGRAM(hello, -1);
	struct process *p = spawn(&hello, 0);

	KTEST_CHECK(p, "cannot start hello");
	int status = process_wait(p, NULL);
	KTEST_CHECK(status == 42, "hello exited with %d, want 42 (1: a syscall check failed)",
		    status);
	return 0;
}

int ktest_user_spin(void)
{
	static const struct program spin = PROGRAM(spin, -1);
	uint64_t deadline = clock_ns() + 100 * NS_PER_MS, ms_a, ms_b;
	struct process *a = spawn(&spin, deadline), *b = spawn(&spin, deadline);

	KTEST_CHECK(a && b, "cannot start the spinners");
	int sa = process_wait(a, &ms_a), sb = process_wait(b, &ms_b);
	ms_a /= NS_PER_MS;
	ms_b /= NS_PER_MS;
	klog("ktest user-spin: two user spinners ran %lu ms and %lu ms of one 100 ms window",
	     ms_a, ms_b);
	KTEST_CHECK(sa == 0 && sb == 0, "exit statuses %d and %d", sa, sb);
	KTEST_CHECK(ms_a >= 20 && ms_b >= 20, "one spinner was starved");
	return 0;
}

static const struct program faults[] = {
	PROGRAM(fault_ud, 6),           PROGRAM(fault_de, 0),
	PROGRAM(fault_null, 14),        PROGRAM(fault_kernel_read, 14),
	PROGRAM(fault_code_write, 14),  PROGRAM(fault_stack_exec, 14),
	PROGRAM(fault_privileged, 13),  PROGRAM(fault_io_port, 13),
};

int ktest_user_faults(void)
{
	static const struct program hello = PROGRAM(hello, -1);
	int n = sizeof(faults) / sizeof(faults[0]);
	struct process *p[sizeof(faults) / sizeof(faults[0])];

	for (int i = 0; i < n; i++)             /* all at once, next to each other */
		KTEST_CHECK(p[i] = spawn(&faults[i], 0), "cannot start %s", faults[i].name);
	struct process *survivor = spawn(&hello, 0);
	KTEST_CHECK(survivor, "cannot start hello");
	for (int i = 0; i < n; i++) {
		int status = process_wait(p[i], NULL);
		KTEST_CHECK(status == PROC_EXIT_FAULT_BASE + faults[i].vector,
			    "%s ended with status %d, want %d", faults[i].name, status,
			    PROC_EXIT_FAULT_BASE + faults[i].vector);
	}
	KTEST_CHECK(process_wait(survivor, NULL) == 42, "hello did not finish normally");
	klog("ktest user-faults: %d faulting programs contained, hello finished", n);
	return 0;
}
