/*
 * The x86_64 part of the per-CPU record (sched/cpu.h embeds it first, so the
 * fields below sit at fixed %gs offsets that assembly relies on).
 */
#ifndef ARCH_X86_64_ARCH_CPU_H
#define ARCH_X86_64_ARCH_CPU_H

/* Segment selectors (gdt.c). The user ones carry RPL 3. The order
 * kernel code, kernel data, user data, user code is what SYSCALL/SYSRET
 * require (SDM vol. 2 SYSRET: CS = STAR[63:48] + 16, SS = STAR[63:48] + 8). */
#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_UDATA 0x1b
#define SEL_UCODE 0x23
#define SEL_TSS   0x28
#define GDT_ENTRIES 7           /* null, 4 segments, 16-byte TSS descriptor */

/* Offsets for assembly; _Static_assert'ed in gdt.c. */
#define CPU_OFF_KERNEL_RSP 8
#define CPU_OFF_USER_RSP   16

#define IST_DOUBLE_FAULT 1
#define IST_NMI          2
#define IST_MACHINE_CHECK 3

#ifndef __ASSEMBLER__
#include <stdint.h>

/* The 64-bit task-state segment (SDM vol. 3 §8.7, figure 8-11). */
struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];        /* stacks for entering rings 0..2 */
	uint64_t reserved1;
	uint64_t ist[7];        /* interrupt stack table 1..7 */
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iopb_offset;   /* where io_bitmap starts, from the TSS base */
} __attribute__((packed));

/*
 * The TSS and the I/O permission bitmap right behind it (SDM vol. 3
 * §20.5.2): one bit per port, 0 = ring 3 may use it. The byte after the
 * bitmap must be all ones and inside the segment limit. arch/x86_64/
 * iobitmap.c loads the running process's ports here on every switch.
 */
#define IO_BITMAP_BYTES (65536 / 8)
struct tss_io {
	struct tss tss;
	uint8_t io_bitmap[IO_BITMAP_BYTES];
	uint8_t io_bitmap_end;  /* 0xff */
} __attribute__((packed));

struct arch_cpu {
	void *self;             /* %gs:0: the enclosing struct cpu */
	uint64_t kernel_rsp;    /* %gs:8: stack top for syscall entry */
	uint64_t user_rsp;      /* %gs:16: user rsp saved by syscall entry */
	uint64_t gdt[GDT_ENTRIES];
	struct tss_io tss;
	const void *io_owner;   /* whose ports the bitmap opens; NULL: none */
	uint16_t io_lo, io_hi;  /* bytes of the bitmap that may be open */
};

/* Loads this CPU's GDT, TSS, IDT and GS base (self = the struct cpu). */
void arch_cpu_init(struct arch_cpu *ac, void *self);
/* Sets the stack ring-3 entries switch to (TSS rsp0 and the syscall stack). */
void arch_set_kernel_stack(struct arch_cpu *ac, uint64_t top);

static inline void *arch_this_cpu(void)
{
	void *c;

	__asm__ volatile("mov %%gs:0, %0" : "=r"(c));
	return c;
}
#endif

#endif
