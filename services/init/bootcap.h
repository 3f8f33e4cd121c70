/*
 * The capability clauses of a boot.cfg `start` line (docs/boot.md,
 * "Capabilities for what init starts"): one word each, such as
 * `ioport:0x70-0x71:rw` or `mmio:0xfea00000+0x100000`, turned into the
 * arguments of SYS_CAP_DERIVE from init's root capability; `mem:SIZE`,
 * the program's memory limit; and `stdin:MEMBER`, its standard input.
 *
 * Pure, like the line parser: init derives, the host tests
 * (tests/unit/test_bootcfg_caps.c) check the parsing.
 */
#ifndef INIT_BOOTCAP_H
#define INIT_BOOTCAP_H

#include <stddef.h>
#include <stdint.h>

#define BOOTCAP_WHY_MAX 80

struct bootcap {
	uint32_t kind;          /* ATXF_CAP_*; ATXF_CAP_ROOT: pass init's own as is */
	uint64_t base;
	uint64_t size;
	uint32_t rights;        /* ATXF_RIGHT_*, without the derive kind bits */
	const char *member;     /* BOOTCAP_STDIN: the member's name, in the word */
};

/* Not a capability kind: `mem:SIZE`, the program's memory limit (size in
 * bytes, whole MiB), which takes no handle. */
#define BOOTCAP_MEM_LIMIT 0x100u
/* Not a capability kind either: `stdin:MEMBER`, the boot-archive member
 * the program reads as its standard input (<atxf/stdin.h>). */
#define BOOTCAP_STDIN 0x101u

/* Parses one clause: 0, or -1 with the reason in why[0..why_size). */
int bootcap_parse(const char *word, struct bootcap *cap, char *why, size_t why_size);

#endif
