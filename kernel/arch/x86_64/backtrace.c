/*
 * Walks the frame-pointer chain: the kernel is built with
 * -fno-omit-frame-pointer, so each frame starts with the caller's rbp, then
 * the return address (System V x86-64 ABI §3.2.2). Thread and boot stacks
 * start with rbp = 0, which ends the walk. Every frame is checked before it
 * is read (aligned, kernel half, mapped, above the last one) so a corrupt
 * stack ends the backtrace instead of faulting inside a panic.
 */
#include <stdbool.h>
#include "arch/x86_64/backtrace.h"
#include "arch/x86_64/paging.h"
#include "lib/ksyms.h"
#include "lib/log.h"

#define MAX_FRAMES 24            /* lines printed */
#define MAX_DEPTH  4096          /* frames followed (a 16 KiB stack has fewer) */

static void log_frame(int n, uint64_t rip)
{
	uint64_t off;
	const char *name = ksym_lookup(rip, &off);

	if (name)
		klog("  #%-2d 0x%016lx %s+0x%lx", n, rip, name, off);
	else
		klog("  #%-2d 0x%016lx ?", n, rip);
}

static bool frame_ok(uint64_t rbp, uint64_t prev)
{
	return rbp && !(rbp & 7) && rbp > prev && rbp >= KERNEL_HALF_START &&
	       paging_kernel_readable(rbp, 16);
}

/* Follows the rbp chain; a run of identical frames (recursion) is one line. */
static void walk(uint64_t rbp)
{
	uint64_t prev = 0, last = 0;
	int n = 1, repeats = 0;

	for (int depth = 0; depth < MAX_DEPTH && frame_ok(rbp, prev); depth++) {
		const uint64_t *frame = (const uint64_t *)rbp;

		if (!frame[1])
			break;
		if (frame[1] == last) {
			repeats++;
		} else if (n < MAX_FRAMES) {
			if (repeats)
				klog("  ... the same %d more time(s)", repeats);
			repeats = 0;
			log_frame(n++, frame[1]);
			last = frame[1];
		}
		prev = rbp;
		rbp = frame[0];
	}
	if (repeats)
		klog("  ... the same %d more time(s)", repeats);
}

void backtrace_log(uint64_t rip, uint64_t rbp)
{
	klog("backtrace:");
	log_frame(0, rip);
	walk(rbp);
}

/* A return address points just past a call: e8 + rel32 (5 bytes). */
static bool looks_like_return(uint64_t addr)
{
	uint64_t off;

	return ksym_lookup(addr, &off) && paging_kernel_readable(addr - 5, 5) &&
	       *(const uint8_t *)(addr - 5) == 0xe8;
}

/* The return address a frameless (or half-built) frame leaves at the top of
 * the stack: at [rsp] before "push %rbp", at [rsp + 8] just after it. */
static uint64_t return_near_top(uint64_t rsp, uint64_t skip)
{
	if ((rsp & 7) || rsp < KERNEL_HALF_START || !paging_kernel_readable(rsp, 16))
		return 0;
	for (int i = 0; i < 2; i++) {
		uint64_t v = ((const uint64_t *)rsp)[i];
		if (v != skip && looks_like_return(v))
			return v;
	}
	return 0;
}

void backtrace_log_trap(uint64_t rip, uint64_t rbp, uint64_t rsp)
{
	uint64_t first = frame_ok(rbp, 0) ? ((const uint64_t *)rbp)[1] : 0;
	uint64_t ret = return_near_top(rsp, first), off;

	klog("backtrace:");
	log_frame(0, rip);
	if (ret)
		klog("  ?   0x%016lx %s+0x%lx", ret, ksym_lookup(ret, &off), off);
	walk(rbp);
}

void backtrace_log_here(void)
{
	const uint64_t *frame = __builtin_frame_address(0);

	/* Start at our caller: frame[1] is where it will return to. */
	backtrace_log(frame[1], frame[0]);
}

int backtrace_capture(uint64_t *out, int n, int skip)
{
	uint64_t rbp = (uint64_t)__builtin_frame_address(0), prev = 0;
	int got = 0;

	for (int i = 0; i < n; i++)
		out[i] = 0;
	/* Our own frame first: its return address is our caller's call site. */
	while (got < n && frame_ok(rbp, prev)) {
		const uint64_t *frame = (const uint64_t *)rbp;

		if (!frame[1])
			break;
		if (skip)
			skip--;
		else
			out[got++] = frame[1];
		prev = rbp;
		rbp = frame[0];
	}
	return got;
}

void backtrace_log_captured(const uint64_t *pcs, int n)
{
	for (int i = 0; i < n && pcs[i]; i++)
		log_frame(i, pcs[i]);
}
