/*
 * A program's standard input, when its starter gives it one (init, for a
 * boot.cfg `start` line's `stdin:MEMBER` clause: docs/boot.md): the bytes
 * of a boot-archive member, as a read-only shared-memory grant among the
 * program's handles. The environment variable ATXF_STDIN says where:
 *
 *     ATXF_STDIN=HANDLE:OFFSET:SIZE        (decimal numbers)
 *
 * the input is SIZE bytes at OFFSET in the mapping of handle HANDLE
 * (SYS_SHM_MAP, read-only). The libc's descriptor 0 reads them, then the
 * end of file; without the variable, descriptor 0 is at its end at once.
 */
#ifndef ATXF_STDIN_H
#define ATXF_STDIN_H

#define ATXF_STDIN_ENV "ATXF_STDIN"

/* The most a grant holds (SYS_SHM_GRANT): OFFSET + SIZE stay below it. */
#define ATXF_STDIN_MAX (4u << 20)

/* libatxf's side: the next bytes of the input into buf (at most len),
 * 0 at its end, or a negative ATXF_E* code when ATXF_STDIN names no
 * usable grant. The first call maps it. read(0) is this. */
long atxf_stdin_read(char *buf, unsigned long len);

#endif
