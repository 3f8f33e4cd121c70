/*
 * The global descriptor table and the task-state segment, one of each per
 * CPU. In long mode segments are almost flat (SDM vol. 3 §3.2.4): the
 * descriptors only carry the privilege level and the 64-bit (L) bit; the
 * TSS supplies the ring-0 stack for interrupts from user mode (rsp0) and
 * known-good stacks for double fault, NMI and machine check (IST).
 */
#include <stddef.h>
#include "arch/x86_64/arch_cpu.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/idt.h"
#include "lib/string.h"

#define IST_STACK_SIZE 8192

_Static_assert(offsetof(struct arch_cpu, kernel_rsp) == CPU_OFF_KERNEL_RSP, "asm offset");
_Static_assert(offsetof(struct arch_cpu, user_rsp) == CPU_OFF_USER_RSP, "asm offset");
_Static_assert(sizeof(struct tss) == 104, "TSS layout");
_Static_assert(offsetof(struct tss_io, io_bitmap) == 104, "I/O bitmap follows the TSS");

/* Code/data descriptors: access byte and flags per SDM vol. 3 §3.4.5. */
#define DESC_KCODE 0x00af9a000000ffffull  /* P, DPL 0, code, L=1 */
#define DESC_KDATA 0x00cf92000000ffffull  /* P, DPL 0, data, writable */
#define DESC_UDATA 0x00cff2000000ffffull  /* P, DPL 3, data, writable */
#define DESC_UCODE 0x00affa000000ffffull  /* P, DPL 3, code, L=1 */
#define TSS_TYPE_AVAILABLE 0x89ull        /* P, 64-bit TSS (available) */

/* Interrupt stacks for the boot CPU (others will allocate theirs). */
static uint8_t ist_stacks[3][IST_STACK_SIZE] __attribute__((aligned(16)));

static void set_tss_descriptor(uint64_t *gdt, const struct tss_io *tss)
{
	uint64_t base = (uint64_t)tss, limit = sizeof(*tss) - 1;

	gdt[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (TSS_TYPE_AVAILABLE << 40) |
		 ((limit >> 16 & 0xf) << 48) | ((base >> 24 & 0xff) << 56);
	gdt[1] = base >> 32;
}

static void load_gdt(uint64_t *gdt)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) ptr = { GDT_ENTRIES * 8 - 1, (uint64_t)gdt };

	/* Reload CS with a far return, then the data segments and TR. */
	__asm__ volatile("lgdt %0\n\t"
			 "pushq %1\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "mov %2, %%ds\n\t"
			 "mov %2, %%es\n\t"
			 "mov %2, %%ss\n\t"
			 "ltr %w3"
			 : : "m"(ptr), "i"(SEL_KCODE), "r"(SEL_KDATA), "r"(SEL_TSS)
			 : "rax", "memory");
}

void arch_cpu_init(struct arch_cpu *ac, void *self)
{
	memset(ac, 0, sizeof(*ac));
	ac->self = self;
	ac->gdt[1] = DESC_KCODE;
	ac->gdt[2] = DESC_KDATA;
	ac->gdt[3] = DESC_UDATA;
	ac->gdt[4] = DESC_UCODE;
	ac->tss.tss.iopb_offset = offsetof(struct tss_io, io_bitmap);
	memset(ac->tss.io_bitmap, 0xff, sizeof(ac->tss.io_bitmap));   /* all closed */
	ac->tss.io_bitmap_end = 0xff;
	ac->tss.tss.ist[IST_DOUBLE_FAULT - 1] = (uint64_t)ist_stacks[0] + IST_STACK_SIZE;
	ac->tss.tss.ist[IST_NMI - 1] = (uint64_t)ist_stacks[1] + IST_STACK_SIZE;
	ac->tss.tss.ist[IST_MACHINE_CHECK - 1] = (uint64_t)ist_stacks[2] + IST_STACK_SIZE;
	set_tss_descriptor(&ac->gdt[5], &ac->tss);
	load_gdt(ac->gdt);
	idt_load();
	/* fs/gs selectors stay null; the bases live in MSRs (SDM vol. 3 §3.4.4). */
	wrmsr(MSR_GS_BASE, (uint64_t)self);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

void arch_set_kernel_stack(struct arch_cpu *ac, uint64_t top)
{
	ac->tss.tss.rsp[0] = top;
	ac->kernel_rsp = top;
}
