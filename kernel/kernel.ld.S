/*
 * Linker script for the kernel image (preprocessed with cpp so that the
 * addresses come from arch/x86_64/memlayout.h alone).
 *
 * Linked at KERNEL_VMA + 1 MiB, loaded at physical 1 MiB. boot.S's multiboot
 * header describes the image as a flat file (the a.out kludge), so file offsets
 * must grow exactly like addresses from __image_start to __load_end: every
 * output section below is contiguous and page-aligned, and
 * kernel/tools/mbcheck.py refuses the link if that ever stops being true.
 *
 * The three segments get the permissions paging_init() gives the pages:
 * text R-X, rodata (and the symbol table) R--, data and bss RW-.
 */
#include "arch/x86_64/memlayout.h"

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_start32)

PHDRS
{
	text   PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data   PT_LOAD FLAGS(6);
}

SECTIONS
{
	. = KERNEL_VMA + KERNEL_LOAD_PHYS;
	__image_start = .;

	.text : AT(ADDR(.text) - KERNEL_VMA) {
		KEEP(*(.multiboot))     /* first: must be in the file's first 8 KiB */
		*(.boot.text)
		*(.text .text.*)
		. = ALIGN(PAGE_SIZE);
	} :text
	__text_end = .;

	.rodata : AT(ADDR(.rodata) - KERNEL_VMA) {
		*(.rodata .rodata.*)
		. = ALIGN(8);
		/* Last in rodata: its size changes between the two link passes
		 * (kernel/build.mk) and must not move anything in .text. */
		KEEP(*(.ksyms))
		. = ALIGN(PAGE_SIZE);
	} :rodata
	__rodata_end = .;

	.data : AT(ADDR(.data) - KERNEL_VMA) {
		*(.data .data.*)
		. = ALIGN(PAGE_SIZE);
	} :data
	__load_end = .;

	.bss (NOLOAD) : AT(ADDR(.bss) - KERNEL_VMA) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(PAGE_SIZE);
	} :data
	__bss_end = .;
	__image_end = .;

	/DISCARD/ : {
		*(.eh_frame*)
		*(.note*)
		*(.comment)
	}
}
