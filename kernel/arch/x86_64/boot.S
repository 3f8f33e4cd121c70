/*
 * The multiboot (v1) header and the 32-bit entry: from the loader's protected
 * mode to the 64-bit higher-half kernel, then kmain().
 *
 * How one ELF64 file boots from both QEMU -kernel and GRUB: QEMU's multiboot
 * loader refuses ELF64 images ("give a 32bit one") unless the header sets
 * MULTIBOOT_AOUT_KLUDGE (flags bit 16), in which case it ignores the ELF
 * headers and loads the file as a flat image described by the header's
 * address fields (multiboot spec 3.1.3). GRUB honours the same fields. So the
 * linker script lays the image out so that file offsets track physical
 * addresses one to one from the header on (kernel/tools/mbcheck.py verifies
 * it after each link), and both loaders put the same bytes at 1 MiB. The ELF64
 * file stays intact for gdb and for our symbol table.
 *
 * The entry state is multiboot spec 3.2: 32-bit protected mode, paging off,
 * EAX = 0x2BADB002, EBX = physical address of the multiboot information.
 */
#include "arch/x86_64/memlayout.h"

#define MB_MAGIC        0x1badb002
#define MB_PAGE_ALIGN   (1 << 0)    /* modules on page boundaries */
#define MB_MEMORY_INFO  (1 << 1)    /* mem_* and the memory map */
#define MB_VIDEO_MODE   (1 << 2)    /* a graphics mode, as the video fields say */
#define MB_AOUT_KLUDGE  (1 << 16)   /* use the address fields below */
#define MB_FLAGS        (MB_PAGE_ALIGN | MB_MEMORY_INFO | MB_VIDEO_MODE | MB_AOUT_KLUDGE)

#define PHYS(sym)       ((sym) - KERNEL_VMA)
#define COM1            0x3f8

#define PTE_P           0x1
#define PTE_W           0x2
#define PTE_PS          0x80        /* 2 MiB page in a page directory entry */

	.section .multiboot, "a"
	.balign 4
mb_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)
	.long PHYS(mb_header)           /* header_addr */
	.long PHYS(__image_start)       /* load_addr: the file from here on */
	.long PHYS(__load_end)          /* load_end_addr: end of .data */
	.long PHYS(__bss_end)           /* bss_end_addr: the loader zeroes bss */
	.long PHYS(_start32)            /* entry_addr */
	/* The boot screen (lib/bootscreen.h): a linear 1024x768 mode at 32 bpp
	 * if the loader can (GRUB can; QEMU's -kernel loader sets none). */
	.long 0                         /* mode_type: linear graphics */
	.long 1024                      /* width */
	.long 768                       /* height */
	.long 32                        /* depth */

	.section .boot.text, "ax"
	.code32
	.globl _start32
_start32:
	cli
	cld
	mov %eax, %edi                  /* keep the loader's magic and info */
	mov %ebx, %esi
	rdtsc                           /* kernel entry time, for the log clock */
	mov %eax, PHYS(boot_tsc)
	mov %edx, PHYS(boot_tsc) + 4
	mov $PHYS(boot_stack_top), %esp
	push %esi
	push %edi

	call check_cpu
	call build_boot_page_tables
	call enter_long_mode
	pop %edi
	pop %esi
	lgdt PHYS(boot_gdt_ptr)
	ljmp $0x08, $PHYS(long_mode_low)

/*
 * Long mode needs CPUID 0x80000001 EDX.LM (bit 29); the kernel also relies on
 * NX (bit 20) for W^X. Without them print one line on COM1 and stop.
 */
check_cpu:
	mov $0x80000000, %eax
	cpuid
	cmp $0x80000001, %eax
	jb no_long_mode
	mov $0x80000001, %eax
	cpuid
	test $(1 << 29), %edx
	jz no_long_mode
	test $(1 << 20), %edx
	jz no_long_mode
	ret
no_long_mode:
	mov $PHYS(no_lm_msg), %ebx
1:	movb (%ebx), %al
	test %al, %al
	jz 2f
	mov $COM1, %dx
	outb %al, %dx
	inc %ebx
	jmp 1b
2:	hlt
	jmp 2b

/*
 * Boot page tables (SDM vol. 3 §4.5): identity-map the first 4 GiB with 2 MiB
 * pages so this code and the multiboot data stay reachable, and map the first
 * 2 GiB again at KERNEL_VMA for the kernel proper. paging_init() replaces them.
 */
build_boot_page_tables:
	mov $PHYS(boot_pd), %edi        /* 4 page directories, 2048 entries */
	xor %ecx, %ecx
1:	mov %ecx, %eax
	shl $21, %eax                   /* low 32 bits of ecx * 2 MiB */
	or $(PTE_P | PTE_W | PTE_PS), %eax
	mov %ecx, %edx
	shr $11, %edx                   /* high bits: ecx * 2 MiB >> 32 */
	mov %eax, (%edi, %ecx, 8)
	mov %edx, 4(%edi, %ecx, 8)
	inc %ecx
	cmp $2048, %ecx
	jne 1b

	mov $PHYS(boot_pdpt_low), %edi  /* PDPT entries 0..3 -> the 4 PDs */
	mov $PHYS(boot_pd) + (PTE_P | PTE_W), %eax
	xor %ecx, %ecx
2:	mov %eax, (%edi, %ecx, 8)
	add $4096, %eax
	inc %ecx
	cmp $4, %ecx
	jne 2b

	/* KERNEL_VMA is PML4 511, PDPT 510: map it to the first 2 GiB. */
	movl $PHYS(boot_pd) + (PTE_P | PTE_W), PHYS(boot_pdpt_high) + 510 * 8
	movl $PHYS(boot_pd) + 4096 + (PTE_P | PTE_W), PHYS(boot_pdpt_high) + 511 * 8
	movl $PHYS(boot_pdpt_low) + (PTE_P | PTE_W), PHYS(boot_pml4)
	movl $PHYS(boot_pdpt_high) + (PTE_P | PTE_W), PHYS(boot_pml4) + 511 * 8
	ret

/* SDM vol. 3 §9.8.5: PAE on, CR3, EFER.LME (+NXE), then CR0.PG (+WP). */
enter_long_mode:
	mov %cr4, %eax
	or $(1 << 5), %eax              /* CR4.PAE */
	mov %eax, %cr4
	mov $PHYS(boot_pml4), %eax
	mov %eax, %cr3
	mov $0xc0000080, %ecx
	rdmsr
	or $((1 << 8) | (1 << 11)), %eax /* EFER.LME | EFER.NXE */
	wrmsr
	mov %cr0, %eax
	or $((1 << 31) | (1 << 16)), %eax /* CR0.PG | CR0.WP */
	mov %eax, %cr0
	ret

	.code64
long_mode_low:
	/* Still on the identity map: jump to the same code's higher-half alias. */
	movabs $long_mode_high, %rax
	jmp *%rax

	.text
long_mode_high:
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	xor %eax, %eax
	mov %ax, %fs
	mov %ax, %gs
	movabs $boot_stack_top, %rsp
	xor %ebp, %ebp                  /* ends frame-pointer backtraces */
	/* The upper halves are undefined after the mode switch (SDM vol. 1
	 * §3.4.1.1): zero-extend magic (edi) and the info address (esi). */
	mov %edi, %edi
	mov %esi, %esi
	call kmain
	jmp cpu_halt_forever

	.globl cpu_halt_forever
cpu_halt_forever:
	cli
1:	hlt
	jmp 1b

	.section .rodata
no_lm_msg:
	.asciz "ATXF: this CPU lacks long mode or NX; the kernel needs both\r\n"

	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff        /* 0x08: 64-bit code, DPL 0 */
	.quad 0x00cf92000000ffff        /* 0x10: data, DPL 0 */
boot_gdt_end:
boot_gdt_ptr:
	.word boot_gdt_end - boot_gdt - 1
	.long PHYS(boot_gdt)

	.data
	.balign 8
	.globl boot_tsc
boot_tsc:
	.quad 0

	.bss
	.balign 4096
boot_pml4:      .skip 4096
boot_pdpt_low:  .skip 4096
boot_pdpt_high: .skip 4096
boot_pd:        .skip 4 * 4096
	.balign 16
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip BOOT_STACK_SIZE
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
