/*
 * Crafted ELF inputs for the elf2atxf refusal tests: each function damages a
 * copy of a real, valid fixture in one precise way, for the cases no
 * compiler or linker would produce on purpose. Offsets are those of the
 * ELF64 specification, written here rather than taken from <elf.h> structs
 * so the damage is exactly what the comment says.
 */
#ifndef TEST_ELF2ATXF_CRAFT_H
#define TEST_ELF2ATXF_CRAFT_H

#include <stdint.h>
#include "test_elf2atxf_util.h"

/* One way to damage a file; arg is its parameter, when it has one. */
typedef void craft_fn(struct blob *b, uint64_t arg);

craft_fn craft_cut_at;               /* keep only the first arg bytes */
craft_fn craft_cut_in_phdrs;         /* end the file inside the second program header */
craft_fn craft_cut_in_segment;       /* end the file halfway through the last segment */
craft_fn craft_cut_in_shdrs;         /* end the file inside the section header table */
craft_fn craft_big_endian;           /* EI_DATA = ELFDATA2MSB */
craft_fn craft_machine;              /* e_machine = arg */
craft_fn craft_type;                 /* e_type = arg */
craft_fn craft_phoff_outside;        /* e_phoff past the end of the file */
craft_fn craft_phentsize;            /* e_phentsize = arg */
craft_fn craft_data_offset_outside;  /* writable segment's p_offset past the end */
craft_fn craft_data_filesz_outside;  /* writable segment's p_filesz past the end */
craft_fn craft_data_filesz_over_memsz;
craft_fn craft_data_wraps;           /* p_vaddr + p_memsz wraps past 2^64 */
craft_fn craft_text_memsz;           /* first segment's p_memsz = arg */
craft_fn craft_no_loads;             /* every PT_LOAD becomes PT_NULL */
craft_fn craft_manifest_outside;     /* .atxf.manifest sh_offset wraps past 2^64 */

/* tls.elf: its PT_TLS made PT_NULL, or pointed at the text segment. */
craft_fn craft_drop_tls, craft_tls_in_text;

#endif
