/*
 * ATXF v1 executable format: the on-disk header and the load rule.
 *
 * This header is the contract between elf2atxf (which writes ATXF files), the
 * shared reader in sdk/format (which validates them) and the kernel loader
 * (which maps them). docs/atxf-format.md explains every field and check.
 * It is also included by the linker script source (ldscripts/atxf.ld.S), so
 * anything outside the __ASSEMBLER__ guard must be plain #defines.
 */
#ifndef ATXF_ATXF_H
#define ATXF_ATXF_H

#define ATXF_MAGIC        0x41545846u   /* "ATXF" read as a little-endian u32 */
#define ATXF_VERSION      1
#define ATXF_HEADER_SIZE  32            /* size of the v1 header on disk */
#define ATXF_PAGE_SIZE    4096

/* Every ATXF program is linked at this address: text starts here. */
#define ATXF_LOAD_BASE    0x400000

/*
 * Limits a loader enforces. They keep every sum below 2^32 and far below the
 * top of the user half of the address space, so no check can overflow.
 */
#define ATXF_MAX_FILE_SIZE   0x10000000u  /* 256 MiB: text + data on disk */
#define ATXF_MAX_IMAGE_SPAN  0x40000000u  /* 1 GiB: base .. end of bss in memory */

/* Extension records live between the header and text (docs/atxf-format.md §5). */
#define ATXF_EXT_ALIGN       8
#define ATXF_EXT_END         0u           /* a zero tag ends the list */
#define ATXF_EXT_MANIFEST    0x4e414d44u  /* "DMAN": the driver manifest */

#ifndef __ASSEMBLER__
#include <stdint.h>

/*
 * The v1 header as it is on disk: 32 bytes, little-endian, at offset 0.
 * Readers decode it field by field (sdk/format/header.c) rather than casting
 * a pointer, so it reads the same on any host and from any alignment.
 */
struct atxf_header {
	uint32_t magic;         /* ATXF_MAGIC */
	uint16_t version;       /* ATXF_VERSION */
	uint16_t header_size;   /* bytes of header; extensions start here */
	uint32_t entry_offset;  /* entry point = ATXF_LOAD_BASE + entry_offset */
	uint32_t text_offset;   /* file offset of text, page-aligned */
	uint32_t text_size;     /* bytes of text (code + read-only data) */
	uint32_t data_offset;   /* file offset of data, page-aligned */
	uint32_t data_size;     /* bytes of initialised data */
	uint32_t bss_size;      /* zeroed bytes that follow data in memory */
};

/* One extension record header; its payload follows, padded to ATXF_EXT_ALIGN. */
struct atxf_ext_record {
	uint32_t tag;           /* ATXF_EXT_*; ATXF_EXT_END ends the list */
	uint32_t size;          /* payload bytes, not counting padding */
};
#define ATXF_EXT_RECORD_SIZE 8

#endif /* !__ASSEMBLER__ */
#endif /* ATXF_ATXF_H */
