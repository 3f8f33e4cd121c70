/*
 * The scripted ATXF kernel of test_runtime_emu.h: ptrace, the start info,
 * the system calls a test program makes, and port I/O on both paths.
 *
 * Port accesses are logged one per line in e->io, as
 *   "in1 0x3fd direct"      `in` executed, the kernel had opened the port
 *   "out1 0x64=0xfe syscall" through SYS_IO_OUTB, allowed
 *   "in2 0x80 refused"      through SYS_IO_INW, -ATXF_EPERM
 *   "in1 0x60 FAULT"        `in` on a port the kernel had not opened: on
 *                           ATXF that is a #GP, so the program gets SIGSEGV
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <atxf/errors.h>
#include <atxf/proc.h>
#include <atxf/syscalls.h>
#include "test_runtime_emu.h"

#define STOP_LIMIT 2000000          /* stops before a run counts as hung */
#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

/* ---- the program's memory, a word at a time: ptrace alone suffices */

static int peek(pid_t pid, uint64_t addr, uint64_t *word)
{
	errno = 0;
	*word = (uint64_t)ptrace(PTRACE_PEEKDATA, pid, (void *)(uintptr_t)addr, 0);
	return errno ? -1 : 0;
}

static int mem_read(pid_t pid, uint64_t addr, void *buf, size_t len)
{
	uint8_t *out = buf;
	uint64_t word;

	for (size_t done = 0; done < len;) {
		unsigned skip = (unsigned)((addr + done) & 7);
		size_t n = len - done < 8 - skip ? len - done : 8 - skip;

		if (peek(pid, (addr + done) & ~7ull, &word) < 0)
			return -1;
		memcpy(out + done, (uint8_t *)&word + skip, n);
		done += n;
	}
	return 0;
}

/* Read-modify-write of each word, so bytes beside the range survive. */
static int mem_write(pid_t pid, uint64_t addr, const void *buf, size_t len)
{
	const uint8_t *in = buf;
	uint64_t word;

	for (size_t done = 0; done < len;) {
		uint64_t at = (addr + done) & ~7ull;
		unsigned skip = (unsigned)((addr + done) & 7);
		size_t n = len - done < 8 - skip ? len - done : 8 - skip;

		if (peek(pid, at, &word) < 0)
			return -1;
		memcpy((uint8_t *)&word + skip, in + done, n);
		if (ptrace(PTRACE_POKEDATA, pid, (void *)(uintptr_t)at, (void *)(uintptr_t)word) < 0)
			return -1;
		done += n;
	}
	return 0;
}

/* ---- ports: the kernel's rules */

uint32_t emu_port_value(uint16_t port, unsigned width)
{
	uint32_t v = 0xa5000000u | port;

	return width == 4 ? v : v & ((1u << (8 * width)) - 1);
}

/* An IOPORT capability with the rights covers every port of the access. */
static int covered(const struct emu *e, uint16_t port, unsigned width, uint32_t rights)
{
	for (int h = 0; h < EMU_HANDLES; h++) {
		const struct atxf_cap_info *c = &e->caps[h];

		if (c->kind == ATXF_CAP_IOPORT && (c->rights & rights) == rights &&
		    port >= c->base && port + width <= c->base + c->size)
			return 1;
	}
	return 0;
}

static void io_note(struct emu *e, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(e->io + e->io_len, sizeof(e->io) - e->io_len, fmt, ap);
	va_end(ap);
	if (n > 0 && (size_t)n < sizeof(e->io) - e->io_len)
		e->io_len += (size_t)n;
}

static long io_syscall(struct emu *e, long nr, long port, long value)
{
	unsigned width = nr == SYS_IO_INB || nr == SYS_IO_OUTB ? 1 :
			 nr == SYS_IO_INW || nr == SYS_IO_OUTW ? 2 : 4;
	int in = nr == SYS_IO_INB || nr == SYS_IO_INW || nr == SYS_IO_INL;

	if (port < 0 || port > 0xffff ||
	    !covered(e, (uint16_t)port, width, in ? ATXF_RIGHT_READ : ATXF_RIGHT_WRITE)) {
		io_note(e, "%s%u 0x%lx refused\n", in ? "in" : "out", width, port);
		return -ATXF_EPERM;
	}
	if (in) {
		io_note(e, "in%u 0x%lx syscall\n", width, port);
		return emu_port_value((uint16_t)port, width);
	}
	io_note(e, "out%u 0x%lx=0x%lx syscall\n", width, port, value);
	return 0;
}

/* An `in`/`out` at rip: its width, direction, port and length, or 0. */
static int decode_io(pid_t pid, const struct user_regs_struct *r, unsigned *width,
		     int *in, uint16_t *port)
{
	uint8_t b[3];
	unsigned i = 0, op;

	if (mem_read(pid, r->rip, b, sizeof(b)) < 0)
		return 0;
	*width = 4;
	if (b[0] == 0x66) {
		*width = 2;
		i = 1;
	}
	op = b[i++];
	if (op < 0xe4 || (op > 0xe7 && op < 0xec) || op > 0xef)
		return 0;
	if (op == 0xe4 || op == 0xe6 || op == 0xec || op == 0xee)
		*width = 1;
	*in = op == 0xe4 || op == 0xe5 || op == 0xec || op == 0xed;
	*port = op >= 0xec ? (uint16_t)r->rdx : b[i++];
	return (int)i;
}

/* The CPU faulted on a direct access: play the port if the kernel would
 * have opened it. Returns 1 if handled, 0 to let the signal through. */
static int emulate_io(struct emu *e, pid_t pid)
{
	struct user_regs_struct r;
	unsigned width;
	uint16_t port;
	int in, len;
	uint64_t mask;

	if (ptrace(PTRACE_GETREGS, pid, 0, &r) < 0)
		return 0;
	len = decode_io(pid, &r, &width, &in, &port);
	if (len == 0)
		return 0;
	if (!covered(e, port, width, RW)) {
		io_note(e, "%s%u 0x%x FAULT\n", in ? "in" : "out", width, port);
		return 0;
	}
	mask = width == 4 ? 0xffffffffull : (1ull << (8 * width)) - 1;
	if (in) {
		io_note(e, "in%u 0x%x direct\n", width, port);
		/* in eax zero-extends into rax; in al/ax keep the rest. */
		r.rax = width == 4 ? emu_port_value(port, 4) :
			(r.rax & ~mask) | emu_port_value(port, width);
	} else {
		io_note(e, "out%u 0x%x=0x%llx direct\n", width, port, r.rax & mask);
	}
	r.rip += (unsigned)len;
	return ptrace(PTRACE_SETREGS, pid, 0, &r) == 0;
}

/* ---- the calls the scripted kernel answers */

static long console(struct emu *e, pid_t pid, const struct emu_call *c)
{
	size_t len = (size_t)c->a[1];

	if (len > sizeof(e->out) - 1 - e->out_len)
		len = sizeof(e->out) - 1 - e->out_len;
	if (mem_read(pid, (uint64_t)c->a[0], e->out + e->out_len, len) < 0)
		return -ATXF_EFAULT;
	e->out_len += len;
	e->out[e->out_len] = '\0';
	return c->a[1];
}

static long cap_query(struct emu *e, pid_t pid, const struct emu_call *c)
{
	long h = c->a[0];

	if (h < 0 || h >= EMU_HANDLES || e->caps[h].kind == ATXF_CAP_NONE)
		return -ATXF_EBADH;
	return mem_write(pid, (uint64_t)c->a[1], &e->caps[h], sizeof(e->caps[h])) < 0 ?
	       -ATXF_EFAULT : 0;
}

static long ipc_call(struct emu *e, pid_t pid, const struct emu_call *c)
{
	struct atxf_msg req, reply;
	long ret;

	if (e->ipc == NULL)
		return -ATXF_EPEER;
	if (mem_read(pid, (uint64_t)c->a[1], &req, sizeof(req)) < 0)
		return -ATXF_EFAULT;
	memset(&reply, 0, sizeof(reply));
	ret = e->ipc(e, c->a[0], &req, &reply);
	if (ret != 0)
		return ret;
	if (reply.sender == 0)
		reply.sender = EMU_SERVER_PID;
	if (mem_write(pid, (uint64_t)c->a[2], &reply, sizeof(reply)) < 0)
		return -ATXF_EFAULT;
	return EMU_SERVER_PID;
}

static long dma_alloc(pid_t pid, const struct emu_call *c)
{
	struct atxf_dma d = { .handle = 30, .vaddr = 0x7e000000, .bus_addr = 0x12340000,
			      .size = ((uint64_t)c->a[1] + 4095) / 4096 * 4096 };

	return mem_write(pid, (uint64_t)c->a[2], &d, sizeof(d)) < 0 ? -ATXF_EFAULT : 0;
}

static long kernel_call(struct emu *e, pid_t pid, const struct emu_call *c)
{
	switch (c->nr) {
	case SYS_DEBUG_WRITE: return console(e, pid, c);
	case SYS_CLOCK: return (long)e->clock_ns;
	case SYS_SLEEP: e->clock_ns += (uint64_t)c->a[0]; return 0;
	case SYS_YIELD: return 0;
	case SYS_CAP_QUERY: return cap_query(e, pid, c);
	case SYS_CAP_DERIVE: return e->next_handle++;
	case SYS_CAP_DROP:
		if (c->a[0] >= 0 && c->a[0] < EMU_HANDLES)
			e->caps[c->a[0]].kind = ATXF_CAP_NONE;
		return 0;
	case SYS_IO_INB: case SYS_IO_INW: case SYS_IO_INL:
	case SYS_IO_OUTB: case SYS_IO_OUTW: case SYS_IO_OUTL:
		return io_syscall(e, c->nr, c->a[0], c->a[1]);
	case SYS_IPC_CALL: return ipc_call(e, pid, c);
	case SYS_DMA_ALLOC: return dma_alloc(pid, c);
	default: return -ATXF_ENOSYS;
	}
}

/* ---- system call stops */

enum { AFTER_NOTHING, AFTER_ANSWER, AFTER_MMAP, AFTER_SET_FS };

struct pending {
	int after;                  /* what to do at the call's exit stop */
	long result;
};

/* SYS_EXIT, SYS_MEM_MAP and SYS_TLS_SET become the Linux calls that do the
 * same; every other call is skipped (orig_rax -1) and answered at its exit
 * stop. */
static void on_entry(struct emu *e, pid_t pid, struct pending *p)
{
	struct user_regs_struct r;
	struct emu_call c;

	ptrace(PTRACE_GETREGS, pid, 0, &r);
	c = (struct emu_call){ (long)r.orig_rax,
		{ (long)r.rdi, (long)r.rsi, (long)r.rdx, (long)r.r10, (long)r.r8, (long)r.r9 } };
	if (e->ncalls < EMU_CALLS)
		e->calls[e->ncalls++] = c;
	if (c.nr == SYS_EXIT) {
		r.orig_rax = __NR_exit_group;
		p->after = AFTER_NOTHING;
	} else if (c.nr == SYS_MEM_MAP) {
		r.orig_rax = __NR_mmap;
		r.r10 = MAP_PRIVATE | MAP_ANONYMOUS;
		r.r8 = (unsigned long long)-1;
		r.r9 = 0;
		p->after = AFTER_MMAP;
	} else if (c.nr == SYS_TLS_SET) {
		r.orig_rax = __NR_arch_prctl;
		r.rdi = 0x1002;             /* ARCH_SET_FS */
		r.rsi = (unsigned long long)c.a[0];
		p->after = AFTER_SET_FS;
	} else {
		p->result = kernel_call(e, pid, &c);
		r.orig_rax = (unsigned long long)-1;
		p->after = AFTER_ANSWER;
	}
	ptrace(PTRACE_SETREGS, pid, 0, &r);
}

static void on_exit_stop(pid_t pid, const struct pending *p)
{
	struct user_regs_struct r;

	ptrace(PTRACE_GETREGS, pid, 0, &r);
	if (p->after == AFTER_ANSWER)
		r.rax = (unsigned long long)p->result;
	else if (p->after == AFTER_MMAP && (long)r.rax < 0)
		r.rax = (unsigned long long)-ATXF_ENOMEM;
	else if (p->after == AFTER_SET_FS && (long)r.rax < 0)
		r.rax = (unsigned long long)-ATXF_EINVAL;
	ptrace(PTRACE_SETREGS, pid, 0, &r);
}

/* ---- start: what the ATXF kernel passes to _start */

struct start_image {
	struct atxf_start_info info;
	uint64_t argv[ATXF_SPAWN_MAX_ARGS + 1];
	char strings[1024];
};

static void build_start(const struct emu *e, struct start_image *img, uint64_t at)
{
	size_t used = 0;
	uint32_t argc = 0;

	memset(img, 0, sizeof(*img));
	for (; e->argv[argc] != NULL && argc < ATXF_SPAWN_MAX_ARGS; argc++) {
		size_t n = strlen(e->argv[argc]) + 1;

		memcpy(img->strings + used, e->argv[argc], n);
		img->argv[argc] = at + offsetof(struct start_image, strings) + used;
		used += n;
	}
	img->info = (struct atxf_start_info){
		.magic = e->bad_magic ? 0x12345678 : ATXF_START_MAGIC, .argc = argc,
		.argv = at + offsetof(struct start_image, argv), .pid = 77, .ncaps = 2 };
}

/* Lays the start info well below Linux's stack contents and points rdi at
 * it (or passes 0); rsp is 16-aligned, or 8 off when asked to be. */
static int set_start(const struct emu *e, pid_t pid)
{
	struct user_regs_struct r;
	struct start_image img;
	uint64_t at;

	if (ptrace(PTRACE_GETREGS, pid, 0, &r) < 0)
		return -1;
	at = (r.rsp - 16384) & ~(uint64_t)15;
	r.rdi = 0;
	if (e->argv != NULL) {
		build_start(e, &img, at);
		if (mem_write(pid, at, &img, sizeof(img)) < 0)
			return -1;
		r.rdi = at;
	}
	r.rsp = at - 256 - (e->misalign ? 8 : 0);
	return ptrace(PTRACE_SETREGS, pid, 0, &r);
}

/* ---- running */

static pid_t start_traced(const char *path)
{
	pid_t pid = fork();

	if (pid == 0) {
		char *const argv[] = { (char *)path, NULL };
		char *const envp[] = { NULL };

		if (ptrace(PTRACE_TRACEME, 0, 0, 0) == 0)
			execve(path, argv, envp);
		_exit(126);
	}
	return pid;
}

static void trace(struct emu *e, pid_t pid)
{
	struct pending p = { 0 };
	int st, sig = 0, entering = 1;

	for (long stops = 0; stops < STOP_LIMIT; stops++) {
		if (ptrace(PTRACE_SYSCALL, pid, 0, sig) < 0 || waitpid(pid, &st, 0) < 0)
			break;
		sig = 0;
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			e->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
			return;
		}
		if (WSTOPSIG(st) == (SIGTRAP | 0x80)) {
			if (entering)
				on_entry(e, pid, &p);
			else
				on_exit_stop(pid, &p);
			entering = !entering;
		} else if (!(WSTOPSIG(st) == SIGSEGV && emulate_io(e, pid))) {
			sig = WSTOPSIG(st);
		}
	}
	kill(pid, SIGKILL);             /* hung: a test will see status -1 */
	waitpid(pid, &st, 0);
	e->status = -1;
}

int emu_run(struct emu *e, const char *path)
{
	pid_t pid;
	int st;

	if (e->next_handle == 0)
		e->next_handle = 20;
	pid = start_traced(path);
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	if (!WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP)
		return -1;              /* no ptrace here, or no such program */
	if (ptrace(PTRACE_SETOPTIONS, pid, 0,
		   PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL) < 0 || set_start(e, pid) < 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		return -1;
	}
	e->ran = 1;
	trace(e, pid);
	return 0;
}

unsigned emu_count(const struct emu *e, long nr)
{
	unsigned n = 0;

	for (unsigned i = 0; i < e->ncalls; i++)
		n += e->calls[i].nr == nr;
	return n;
}

const struct emu_call *emu_find(const struct emu *e, long nr, unsigned i)
{
	for (unsigned k = 0; k < e->ncalls; k++)
		if (e->calls[k].nr == nr && i-- == 0)
			return &e->calls[k];
	return NULL;
}
