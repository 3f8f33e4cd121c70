/*
 * CPU exceptions (SDM vol. 3 §6.15). Each one gets a report a person can act
 * on: the mnemonic and name, where it happened (rip and its symbol), the
 * error code decoded where it has fields (#PF), cr2, all registers, and a
 * backtrace. A kernel-mode exception then panics: the kernel has no way to
 * know what state the interrupted code left behind.
 *
 * A ring-3 exception ends only the faulting process, with one log line
 * (fault containment). A page fault in the kernel's user-copy routine is
 * not a kernel bug but a bad user pointer: it resumes at the routine's
 * fixup, which returns -ATXF_EFAULT (uaccess.c).
 */
#include "arch/x86_64/backtrace.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/paging.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/usermode.h"
#include "arch/x86_64/vectors.h"
#include "core/panic.h"
#include "lib/ksyms.h"
#include "lib/log.h"
#include "lib/printf.h"
#include "mm/heap_history.h"
#include "proc/process.h"
#include "sched/sched.h"

#define VEC_DOUBLE_FAULT 8
#define VEC_GP         13
#define VEC_PAGE_FAULT 14
#define VEC_MACHINE_CHECK 18

/* SDM vol. 3 table 6-1. */
static const char *const names[32][2] = {
	{ "#DE", "divide error" },          { "#DB", "debug" },
	{ "NMI", "non-maskable interrupt" }, { "#BP", "breakpoint" },
	{ "#OF", "overflow" },               { "#BR", "bound range exceeded" },
	{ "#UD", "invalid opcode" },         { "#NM", "device not available" },
	{ "#DF", "double fault" },           { "#09", "coprocessor segment overrun" },
	{ "#TS", "invalid TSS" },            { "#NP", "segment not present" },
	{ "#SS", "stack-segment fault" },    { "#GP", "general protection" },
	{ "#PF", "page fault" },             { "#15", "reserved" },
	{ "#MF", "x87 floating-point error" }, { "#AC", "alignment check" },
	{ "#MC", "machine check" },          { "#XM", "SIMD floating-point" },
	{ "#VE", "virtualization" },         { "#CP", "control protection" },
	{ "#22", "reserved" }, { "#23", "reserved" }, { "#24", "reserved" },
	{ "#25", "reserved" }, { "#26", "reserved" }, { "#27", "reserved" },
	{ "#HV", "hypervisor injection" },   { "#VC", "VMM communication" },
	{ "#SX", "security" },               { "#31", "reserved" },
};

const char *exception_mnemonic(unsigned vector)
{
	return vector < 32 ? names[vector][0] : "IRQ";
}

/* #PF error code bits (SDM vol. 3 §4.7, figure 4-12). */
static void describe_page_fault(uint64_t err, char *buf, size_t size)
{
	ksnprintf(buf, size, " (%s, %s, %s%s%s)",
		  err & 1 ? "protection violation" : "page not present",
		  err & 16 ? "instruction fetch" : err & 2 ? "write" : "read",
		  err & 4 ? "user" : "supervisor",
		  err & 8 ? ", reserved bit set" : "",
		  err & 32 ? ", protection key" : "");
}

static void log_rip(const struct trap_frame *f)
{
	uint64_t off;
	const char *sym = ksym_lookup(f->rip, &off);

	if (sym)
		klog("  rip %04lx:%016lx <%s+0x%lx>  rflags %016lx", f->cs, f->rip, sym, off,
		     f->rflags);
	else
		klog("  rip %04lx:%016lx  rflags %016lx", f->cs, f->rip, f->rflags);
}

static void log_registers(const struct trap_frame *f)
{
	klog("  rsp %04lx:%016lx  err %016lx  cr2 %016lx", f->ss, f->rsp, f->error,
	     read_cr2());
	klog("  rax %016lx  rbx %016lx  rcx %016lx", f->rax, f->rbx, f->rcx);
	klog("  rdx %016lx  rsi %016lx  rdi %016lx", f->rdx, f->rsi, f->rdi);
	klog("  rbp %016lx  r8  %016lx  r9  %016lx", f->rbp, f->r8, f->r9);
	klog("  r10 %016lx  r11 %016lx  r12 %016lx", f->r10, f->r11, f->r12);
	klog("  r13 %016lx  r14 %016lx  r15 %016lx", f->r13, f->r14, f->r15);
	klog("  cr0 %016lx  cr3 %016lx  cr4 %016lx", read_cr0(), read_cr3(), read_cr4());
}

/* The full report of a kernel-mode exception. */
static void exception_report(const struct trap_frame *f)
{
	char detail[96] = "";

	if (f->vector == VEC_PAGE_FAULT)
		describe_page_fault(f->error, detail, sizeof(detail));
	klog("EXCEPTION %s %s (vector %lu) in %s mode, thread %s%s",
	     names[f->vector][0], names[f->vector][1], f->vector,
	     trap_from_user(f) ? "user" : "kernel", sched_current_name(), detail);
	log_rip(f);
	log_registers(f);
	if (f->vector == VEC_DOUBLE_FAULT && !paging_kernel_readable(f->rsp - 8, 8))
		klog("  rsp is at the bottom of a mapped stack: kernel stack overflow");
	if (!trap_from_user(f))
		backtrace_log_trap(f->rip, f->rbp, f->rsp);
	if (f->vector == VEC_PAGE_FAULT)
		heap_history_explain(read_cr2());
}

/*
 * Whether a ring-3 #GP came from in/out on a port its I/O permission bitmap
 * keeps closed (SDM vol. 3 §20.5.2; opcodes E4-E7 with an imm8 port, EC-EF
 * with the port in dx, optionally after an operand-size prefix): the port.
 */
static bool port_io_fault(const struct trap_frame *f, uint64_t *port)
{
	uint8_t code[3] = { 0 };

	if (copy_from_user(code, f->rip, sizeof(code)) &&
	    copy_from_user(code, f->rip, 2))
		return false;
	const uint8_t *op = code[0] == 0x66 ? code + 1 : code;

	if (op[0] >= 0xe4 && op[0] <= 0xe7)
		*port = op[1];
	else if (op[0] >= 0xec && op[0] <= 0xef)
		*port = f->rdx & 0xffff;
	else
		return false;
	return true;
}

/* Ends the current process: "#PF page fault (page not present, ...)". */
static _Noreturn void user_fault(const struct trap_frame *f)
{
	char reason[128], detail[96] = "";
	uint64_t addr = f->vector == VEC_PAGE_FAULT ? read_cr2() : 0;

	if (f->vector == VEC_PAGE_FAULT)
		describe_page_fault(f->error, detail, sizeof(detail));
	else if (f->vector == VEC_GP && port_io_fault(f, &addr))
		ksnprintf(detail, sizeof(detail), " (port I/O: port 0x%lx is not open to it)",
			  addr);
	ksnprintf(reason, sizeof(reason), "%s %s%s", names[f->vector][0], names[f->vector][1],
		  detail);
	process_kill_fault(reason, f->rip, addr, ATXF_EXIT_FAULT_BASE + (int)f->vector);
}

void exception_handle(struct trap_frame *f)
{
	uint64_t fixup;

	if (f->vector == VEC_NMI)
		return;                 /* see trap_dispatch() */
	if (trap_from_user(f) && process_current() && f->vector != VEC_MACHINE_CHECK)
		user_fault(f);
	if (f->vector == VEC_PAGE_FAULT && (fixup = uaccess_fixup(f->rip))) {
		f->rip = fixup;
		return;
	}
	klog_panic_mode();
	exception_report(f);
	panic_reported("unhandled %s %s in %s mode", names[f->vector][0], names[f->vector][1],
		       trap_from_user(f) ? "user" : "kernel");
}
