/*
 * elf2atxf internals: one conversion's state, passed from the ELF checks to
 * the layout step to the writer.
 */
#ifndef ELF2ATXF_H
#define ELF2ATXF_H

#include <stddef.h>
#include <stdint.h>
#include <gelf.h>
#include <atxf/atxf.h>

/* Exit codes, documented in docs/man/elf2atxf.1 and --help. */
enum {
	EXIT_CONVERTED = 0,
	EXIT_REFUSED = 1,     /* the input is not a program ATXF can carry */
	EXIT_USAGE = 2,
	EXIT_IO = 3,          /* cannot read the input or write the output */
};

#define MAX_SEGMENTS 64

/* One PT_LOAD segment, as the ELF describes it. */
struct segment {
	unsigned index;       /* program header index, for messages */
	uint64_t vaddr;
	uint64_t offset;      /* file offset of its first byte */
	uint64_t filesz;
	uint64_t memsz;
	uint32_t flags;       /* PF_R | PF_W | PF_X */
};

struct conversion {
	const char *in_path;
	const uint8_t *file;  /* the whole input, read into memory */
	size_t size;
	Elf *elf;
	GElf_Ehdr ehdr;

	struct segment seg[MAX_SEGMENTS];
	unsigned nseg;        /* PT_LOAD segments, sorted by address */
	unsigned ntext;       /* the first ntext are text; the rest are data */

	struct segment tls;        /* PT_TLS (memsz 0: none); its image is data */

	const uint8_t *manifest;   /* .atxf.manifest section, or NULL */
	size_t manifest_size;

	struct atxf_header hdr;    /* the header to write */
	uint64_t data_addr;        /* where data starts in memory */
};

/* Prints "elf2atxf: FILE: reason (hint)" and returns -1. */
int refuse(const struct conversion *c, const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

int check_elf_identity(struct conversion *c);
int check_program_headers(struct conversion *c);
int check_sections(struct conversion *c);
int plan_layout(struct conversion *c);
int write_atxf(const struct conversion *c, const char *out_path);
void print_layout(const struct conversion *c, const char *out_path);

#endif
