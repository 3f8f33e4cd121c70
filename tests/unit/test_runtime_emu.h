/*
 * A scripted ATXF kernel for host tests: runs a real ATXF program (its
 * ELF, which Linux can also execute: static, no-pie, at 0x400000) as a
 * traced Linux process and answers its system calls. ptrace stops the
 * program at every `syscall`; the harness turns SYS_EXIT and SYS_MEM_MAP
 * into the Linux calls that do the same and answers every other call
 * itself, as the kernel of docs/syscalls.md would. A direct `in`/`out`
 * faults on Linux (no I/O permission); the harness decodes the instruction
 * and plays the port, but only if the ATXF kernel would have opened it.
 */
#ifndef TEST_RUNTIME_EMU_H
#define TEST_RUNTIME_EMU_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/ipc.h>

#define EMU_HANDLES 8
#define EMU_CALLS   1024

struct emu_call {
	long nr;
	long a[6];
};

struct emu;

/* The pid the scripted kernel says received every request. */
#define EMU_SERVER_PID 1

/* Plays the server behind any port: fills reply, returns the call's result
 * (0 when the server answered, its status in reply->type). The kernel then
 * makes SYS_IPC_CALL return EMU_SERVER_PID and, unless the script set
 * reply->sender (a reply from someone else), sends the reply from it. */
typedef long (*emu_ipc_fn)(struct emu *e, long port, const struct atxf_msg *req,
			   struct atxf_msg *reply);

struct emu {
	/* Set by the test. */
	const char *const *argv;    /* NULL: rdi = 0 at entry (no start info) */
	int bad_magic;              /* a start info whose magic is wrong */
	int misalign;               /* enter with rsp = 8 mod 16 */
	struct atxf_cap_info caps[EMU_HANDLES];    /* handle i; kind 0: none */
	emu_ipc_fn ipc;
	void *ctx;

	/* What happened. */
	int ran;                    /* 0: ptrace is not available here */
	int status;                 /* exit status, or 128 + signal */
	char out[16384];            /* the debug console */
	size_t out_len;
	char io[4096];              /* one line per port access, see emu.c */
	size_t io_len;
	struct emu_call calls[EMU_CALLS];  /* every ATXF call, in order */
	unsigned ncalls;
	uint64_t clock_ns;          /* moved by SYS_SLEEP only */
	long next_handle;           /* handed out by CAP_DERIVE, from 20 */
};

/* Runs path under the scripted kernel. Returns 0, or -1 if it could not
 * be traced at all (e->ran is 0: the test should skip). */
int emu_run(struct emu *e, const char *path);

/* How many times the program made call nr. */
unsigned emu_count(const struct emu *e, long nr);
/* The i-th call nr (0-based), or NULL. */
const struct emu_call *emu_find(const struct emu *e, long nr, unsigned i);

/* The value every fake port returns: distinct per port and width. */
uint32_t emu_port_value(uint16_t port, unsigned width);

#endif
