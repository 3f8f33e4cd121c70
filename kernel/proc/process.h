/*
 * User processes: an address space, one thread (for now), a name, a pid and
 * an exit status. A process ends by SYS_EXIT or by a fault, which ends only
 * that process (fault containment); whoever created it collects the status
 * with process_wait().
 */
#ifndef PROC_PROCESS_H
#define PROC_PROCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/list.h"

#define PROC_NAME_MAX     32
#define USER_STACK_PAGES  16                    /* 64 KiB */
/* The top user page stays unmapped: code there would make syscall return
 * to a non-canonical address (usermode.h). The stack ends one guard page
 * lower still. */
#define USER_STACK_TOP    0x00007fffffffe000ul
/* Exit status of a process killed by a CPU exception: base + vector. */
#define PROC_EXIT_FAULT_BASE 128

struct aspace;
struct thread;

struct process {
	uint32_t pid;
	char name[PROC_NAME_MAX];
	struct aspace *as;
	struct thread *thread;  /* its only thread */
	uint64_t entry;         /* user rip of the first instruction */
	uint64_t arg;           /* rdi at entry */
	int exit_status;
	bool exited;
	uint64_t cpu_ns;        /* CPU time used, final once exited */
	struct list_node link;  /* on the process list */
};

/* A new process with an empty address space plus a user stack; not running. */
struct process *process_create(const char *name);
/* Copies code into new pages at va, mapped read+execute. 0 or -ATXF_E*. */
int process_load_code(struct process *p, uint64_t va, const void *code, size_t len);
/* Starts its thread at entry(arg) in ring 3. 0 or -ATXF_ENOMEM. */
int process_start(struct process *p, uint64_t entry, uint64_t arg, unsigned priority);
/* Waits for it to end, frees it, returns its exit status (and, if cpu_ns
 * is not NULL, the CPU time it used). */
int process_wait(struct process *p, uint64_t *cpu_ns);
/* Frees a process that was never started. */
void process_destroy(struct process *p);

struct process *process_current(void);
/* Ends the calling process with status. */
_Noreturn void process_exit(int status);
/* Ends the calling process after a fault in ring 3: logs
 * "fault: NAME pid PID rip RIP addr ADDR: REASON" and exits with status. */
_Noreturn void process_kill_fault(const char *reason, uint64_t rip, uint64_t addr, int status);

#endif
