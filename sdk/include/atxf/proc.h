/*
 * Processes: what a new process finds at start, and how one is spawned.
 */
#ifndef ATXF_PROC_H
#define ATXF_PROC_H

#include <stdint.h>
#include <atxf/cap.h>

/*
 * The kernel passes a pointer to this in rdi to _start. It and the strings
 * it points to live at the top of the initial stack.
 */
struct atxf_start_info {
	uint32_t magic;             /* ATXF_START_MAGIC */
	uint32_t argc;
	uint64_t argv;              /* char *argv[argc + 1] in the process's memory */
	uint32_t pid;
	uint32_t ncaps;             /* handles 0 .. ncaps-1 were given at spawn */
	uint64_t bootfs;            /* init only: the boot archive (ustar), mapped read-only */
	uint64_t bootfs_size;       /* its size in bytes; 0 for every other process */
	uint64_t envp;              /* char *envp[envc + 1]: "NAME=VALUE" strings */
	uint32_t envc;
	uint32_t reserved;
};
#define ATXF_START_MAGIC 0x54525453u   /* "STRT" */

/*
 * Handles every spawned process receives first, in this order, when the
 * spawner has them (ATXF_HANDLE_NONE otherwise); the spawner's extra
 * capabilities follow from ATXF_HANDLE_FIRST_EXTRA.
 */
#define ATXF_HANDLE_PARENT       0  /* send right to the parent's (or devmgr's) port */
#define ATXF_HANDLE_NAMESERVICE  1  /* send right to the name service */
#define ATXF_HANDLE_FIRST_EXTRA  2
/* Init, started by the kernel, has neither a parent nor a name service
 * (handles 0 and 1 are empty) and finds ATXF_CAP_ROOT as its first extra. */
#define ATXF_HANDLE_INIT_ROOT    ATXF_HANDLE_FIRST_EXTRA

#define ATXF_SPAWN_MAX_CAPS  32
#define ATXF_SPAWN_MAX_ARGS  16
#define ATXF_SPAWN_MAX_ENV   32
/* Bytes of argument and environment strings together, NULs included. */
#define ATXF_SPAWN_STRINGS_MAX 4096

/* SYS_PROC_SPAWN's argument. */
struct atxf_spawn {
	uint64_t image;             /* an ATXF file in the caller's memory */
	uint64_t image_size;
	uint64_t name;              /* NUL-terminated, for logs and ps */
	uint32_t argc;
	uint32_t ncaps;
	uint64_t argv;              /* const char *argv[argc] */
	atxf_handle_t caps[ATXF_SPAWN_MAX_CAPS];  /* copied to the child as 0..ncaps-1 */
	uint32_t priority;          /* 0 (idle) .. 31; 0 means the default, 16 */
	uint32_t envc;              /* <= ATXF_SPAWN_MAX_ENV */
	uint64_t envp;              /* const char *envp[envc]: "NAME=VALUE" each */
	uint32_t mem_limit_mib;     /* SYS_MEM_MAP limit in MiB; 0: the spawner's own.
				     * Never more than the spawner's (docs/syscalls.md §3) */
	uint32_t reserved;          /* 0 */
};

/*
 * A process the kernel ended for a fault (page fault, #GP, #UD, divide
 * error...) exits with ATXF_EXIT_FAULT_BASE + the CPU's exception vector.
 */
#define ATXF_EXIT_FAULT_BASE 128
/* The status of a process ended by SYS_PROC_KILL: as if it had faulted
 * with vector 9 (the number of SIGKILL, for a reader used to 128 + n). */
#define ATXF_EXIT_KILLED (ATXF_EXIT_FAULT_BASE + 9)

/* SYS_PROC_INFO's record, for ps. */
struct atxf_proc_info {
	uint32_t pid;
	uint32_t parent;
	uint32_t state;             /* ATXF_PROC_* */
	uint32_t priority;
	uint64_t cpu_ns;
	char name[32];
};
enum { ATXF_PROC_RUNNING = 1, ATXF_PROC_READY, ATXF_PROC_BLOCKED, ATXF_PROC_ZOMBIE };

/* SYS_MEM_INFO's record: the caller's mapping limit and the machine's RAM. */
struct atxf_mem_info {
	uint64_t limit;             /* bytes the caller may have mapped with SYS_MEM_MAP */
	uint64_t used;              /* bytes it has mapped now */
	uint64_t ram_free;          /* free physical memory, bytes */
	uint64_t ram_total;         /* usable physical memory, bytes */
};
/* SYS_KERNEL_COUNTS' record: kernel objects alive now, machine-wide, so a
 * test can tell that a workload that ended left nothing behind. */
struct atxf_kernel_counts {
	uint64_t frames_free;       /* free physical frames (4 KiB) */
	uint32_t ports;             /* IPC ports not yet freed (held, queued or waited on) */
	uint32_t heap_blocks;       /* kernel heap blocks in use */
	uint32_t heap_pages;        /* kernel heap pages of large blocks in use */
	uint32_t kernel_tables;     /* page-table frames of the kernel half, kept for
				     * good: kernel stacks and large blocks take fresh
				     * addresses, and each new 2 MiB of them a table */
};

/* The limit of a process bounded only by the machine's RAM (init, and
 * every process spawned without a limit of its own below it). */
#define ATXF_MEM_UNLIMITED 0xffffffffffffffffull

/* Threads of one process, counting the first (SYS_THREAD_CREATE). */
#define ATXF_THREADS_MAX 64

#endif
