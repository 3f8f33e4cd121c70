/*
 * atxf.ld: how an ATXF program is laid out in memory (docs/atxf-format.md §3).
 *
 * ldscripts/atxf.ld is generated from this file by `make ldscripts` so that
 * the load base comes from <atxf/atxf.h>; `make check` fails if it is stale.
 *
 * Two loaded segments, in this order and nothing else:
 *   text  R+X  at ATXF_LOAD_BASE: code, read-only data, constructor tables
 *   data  R+W  on the next page:  the TLS image (.tdata), initialised data,
 *                                 GOT, then bss
 * and PT_TLS, which describes .tdata/.tbss to tools; the libc reads the
 * same facts from the __atxf_tls_* symbols (sdk/lib/libc/tls.c).
 * Sections ATXF cannot carry (dynamic linking, notes, unwind tables) are
 * discarded; the driver manifest is loaded with the read-only data.
 */
#include <atxf/atxf.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_start)

PHDRS
{
	text PT_LOAD FLAGS(5);  /* PF_R | PF_X */
	data PT_LOAD FLAGS(6);  /* PF_R | PF_W */
	tls PT_TLS;
}

SECTIONS
{
	. = ATXF_LOAD_BASE;

	.text : {
		*(.text.atxf_start)
		*(.text.unlikely .text.unlikely.*)
		*(.text.hot .text.hot.*)
		*(.text .text.*)
	} :text

	.rodata : {
		*(.rodata .rodata.*)
	} :text

	/*
	 * The driver manifest, loaded read-only so the driver framework can read
	 * it at run time; elf2atxf also copies it into the ATXF manifest extension.
	 */
	.atxf.manifest : ALIGN(8) { KEEP(*(.atxf.manifest)) } :text

	.init_array : {
		PROVIDE_HIDDEN(__init_array_start = .);
		KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*)))
		KEEP(*(.init_array))
		PROVIDE_HIDDEN(__init_array_end = .);
	} :text

	. = ALIGN(ATXF_PAGE_SIZE);

	/*
	 * Thread-local storage: .tdata is every thread's initial image (plain
	 * data to ATXF), .tbss the zeroed rest, which takes no room here. The
	 * symbols are absolute: their addresses are the numbers.
	 */
	.tdata : {
		PROVIDE_HIDDEN(__atxf_tls_image = .);
		*(.tdata .tdata.* .gnu.linkonce.td.*)
	} :data :tls
	.tbss : {
		*(.tbss .tbss.* .gnu.linkonce.tb.*)
		*(.tcommon)
	} :data :tls
	PROVIDE_HIDDEN(__atxf_tls_image_size = SIZEOF(.tdata));
	PROVIDE_HIDDEN(__atxf_tls_size = ADDR(.tbss) + SIZEOF(.tbss) - ADDR(.tdata));
	PROVIDE_HIDDEN(__atxf_tls_align = MAX(ALIGNOF(.tdata), ALIGNOF(.tbss)));

	.data : {
		*(.data .data.*)
	} :data

	.got : { *(.got) *(.got.plt) *(.igot.plt) } :data

	.bss : {
		*(.bss .bss.*)
		*(COMMON)
	} :data

	PROVIDE(__atxf_end = .);

	/* Not loaded: kept so gdb can match the ELF to a crash report. */
	.note.gnu.build-id 0 (INFO) : { *(.note.gnu.build-id) }

	/* Debug information stays in the ELF for gdb; ATXF never carries it. */
	.comment 0 : { *(.comment) }
	.debug_info 0 : { *(.debug_info .gnu.linkonce.wi.*) }
	.debug_abbrev 0 : { *(.debug_abbrev) }
	.debug_line 0 : { *(.debug_line .debug_line.* .debug_line_end) }
	.debug_str 0 : { *(.debug_str) }
	.debug_line_str 0 : { *(.debug_line_str) }
	.debug_aranges 0 : { *(.debug_aranges) }
	.debug_ranges 0 : { *(.debug_ranges) }
	.debug_rnglists 0 : { *(.debug_rnglists) }
	.debug_loc 0 : { *(.debug_loc) }
	.debug_loclists 0 : { *(.debug_loclists) }
	.debug_frame 0 : { *(.debug_frame) }
	.debug_macro 0 : { *(.debug_macro) }
	.debug_addr 0 : { *(.debug_addr) }
	.debug_str_offsets 0 : { *(.debug_str_offsets) }

	/DISCARD/ : {
		*(.interp) *(.dynamic) *(.dynsym) *(.dynstr) *(.hash) *(.gnu.hash)
		*(.note .note.*) *(.eh_frame) *(.eh_frame_hdr) *(.gcc_except_table)
		*(.fini_array .fini_array.*) *(.ctors) *(.dtors)
	}
}
