/*
 * User processes: an address space, one or more threads (proc/uthread.h),
 * a name, a pid, a parent, capabilities and an exit status.
 *
 * Life cycle: process_create() makes an EMBRYO (address space and stack,
 * not yet running) that its creator loads (proc/loader.c), gives a start
 * stack (proc/startinfo.c) and starts with process_start(), or throws away
 * with process_destroy(). An ALIVE process ends by SYS_EXIT, by a fault
 * (fault containment: only that process) or by SYS_PROC_KILL; its memory
 * goes at once and it stays a ZOMBIE until its parent collects the status
 * (process_wait_child() + process_reap()). When a process dies, its living
 * children lose their parent and free themselves when they end; its zombie
 * children are freed on the spot. A process the kernel started (init) has
 * no parent and frees itself too.
 *
 * Locking: proc_lock (process.c) guards the process list, the parent and
 * child links, state, `killed`, `ending`, the thread list and the threads'
 * `waits_child`. The mapping area has its own lock (mm/umap.h), the
 * capabilities theirs (cap_lock), the output the console's; the rest is
 * set before the first thread starts, or only by the last one out.
 */
#ifndef PROC_PROCESS_H
#define PROC_PROCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <atxf/proc.h>
#include "cap/captable.h"
#include "lib/list.h"
#include "mm/umap.h"
#include "proc/output.h"

#define PROC_NAME_MAX     32
/* docs/syscalls.md §2-3: the stack ends below the top user page, which
 * stays unmapped (code there would make sysret return to a non-canonical
 * address, usermode.h); 1 MiB, with an unmapped guard page below. */
#define USER_STACK_TOP    0x00007ffffffff000ul
#define USER_STACK_PAGES  256

enum proc_state {
	PROC_EMBRYO,            /* created, not started */
	PROC_ALIVE,             /* its threads run, sleep or wait */
	PROC_ZOMBIE,            /* ended; its parent has not collected it yet */
};

enum { PROC_FLAG_INIT = 1u << 0 };      /* the first process: logs when it runs */

struct aspace;
struct thread;

struct port;

struct process {
	uint32_t pid;
	char name[PROC_NAME_MAX];
	enum proc_state state;
	unsigned flags;         /* PROC_FLAG_* */
	unsigned priority;      /* of its threads, 0..31 */
	struct aspace *as;      /* NULL once it has ended */
	struct list_node threads;       /* struct thread, by proc_link: the living ones */
	unsigned nthreads;      /* on that list */
	struct process *parent; /* NULL: started by the kernel, or orphaned */
	struct list_node children;
	struct list_node sibling;       /* on the parent's children list */
	struct list_node link;          /* on the list of all processes */
	bool killed;            /* SYS_PROC_KILL or an exit: end at the next return to user */
	bool ending;            /* one thread has begun its exit: exit_status is set */
	int exit_status;        /* from the first exit, fault or kill */
	uint64_t cpu_ns;        /* CPU time used, final once a zombie */
	uint64_t entry;         /* user rip of the first instruction */
	uint64_t user_sp;       /* rsp at entry */
	uint64_t start_info;    /* rdi at entry: its struct atxf_start_info */
	struct cap_table caps;
	struct umap maps;       /* SYS_MEM_MAP and the boot archive */
	uint64_t dma_used;      /* bytes of DMA buffers charged to it (mm/dma.h) */
	struct output out;      /* its stdout and stderr on the console (proc/output.h) */
	struct list_node watches;       /* its struct port_watch records (ipc/watch.h) */
	unsigned nwatches;
	struct port *child_watch;       /* notified when a child ends, or NULL */
	uint64_t child_watch_bits;
	struct port *call_watch;        /* notified when a caller gives up, or NULL */
	uint64_t call_watch_bits;
};

/* A new EMBRYO with an address space and a user stack, child of parent
 * (NULL for a process the kernel starts). NULL when out of memory. */
struct process *process_create(const char *name, struct process *parent);
/* Starts an EMBRYO's first thread at p->entry in ring 3. 0 or -ATXF_ENOMEM. */
int process_start(struct process *p, unsigned priority);
/* Frees an EMBRYO that will never start. */
void process_destroy(struct process *p);

struct process *process_current(void);
/* Ends the calling process with status, unless another of its threads
 * already ended it (logs "exit: NAME pid P status S" once, from the last
 * thread out). */
_Noreturn void process_exit(int status);
/* Ends the calling thread (SYS_THREAD_EXIT); the last one's end ends the
 * process with status 0, unless it was already ending. */
_Noreturn void process_thread_exit(void);
/* Ends the calling process after a fault in ring 3: logs
 * "fault: NAME pid PID rip RIP addr ADDR: REASON" and exits with status. */
_Noreturn void process_kill_fault(const char *reason, uint64_t rip, uint64_t addr, int status);
/* On every way back to ring 3: ends the current process if it was killed. */
void process_check_killed(void);

/* Marks process pid to end with ATXF_EXIT_KILLED. killer (NULL: the
 * kernel) must be its parent unless `any` (the killer holds ROOT).
 * 0, -ATXF_ENOENT (no such living process) or -ATXF_EPERM. */
int process_kill(struct process *killer, uint32_t pid, bool any);

/*
 * Waits until a child of parent (pid, or any child for pid 0) is a zombie,
 * for at most timeout_ns (ATXF_TIMEOUT_*), and returns it without reaping
 * it; the caller reaps it with process_reap() once it has delivered the
 * status. Sets *err and returns NULL on -ATXF_ENOENT (no such child),
 * -ATXF_EAGAIN (timeout 0, none ended), -ATXF_ETIMEDOUT, or -ATXF_EAGAIN
 * when the waiting process was killed meanwhile. The calling thread must be
 * one of parent's.
 */
struct process *process_wait_child(struct process *parent, uint32_t pid, uint64_t timeout_ns,
				   int *err);
/* Frees a zombie whose status has been collected. */
void process_reap(struct process *zombie);

/*
 * For kernel self-tests (test/test_proc.c): the calling kernel thread
 * plays the part of p's thread, so it can spawn children of p, wait for
 * them and kill them; process_abandon() then ends p as an exit would for
 * its family (living children orphaned, zombies freed) and frees it.
 */
void process_adopt_current(struct process *p);
void process_abandon(struct process *p);

/* Sleeps ns nanoseconds, or less if the process is killed meanwhile. */
void process_sleep(uint64_t ns);

/* Fills up to n records about processes, from the index-th on (list
 * order); returns how many it filled. */
uint32_t process_info(uint32_t index, struct atxf_proc_info *out, uint32_t n);
/* The CPU time p has used so far, its current run included. */
uint64_t process_cpu_ns(const struct process *p);

#endif
