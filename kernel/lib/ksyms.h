/*
 * The kernel's own symbol table, for readable backtraces. It is generated
 * from the first link of the kernel by tools/ksyms.py and linked into the
 * second (kernel/build.mk), so it names every function in .text.
 */
#ifndef LIB_KSYMS_H
#define LIB_KSYMS_H

#include <stdint.h>

/* Finds the function containing addr: its name and addr's offset in it.
 * Returns NULL when addr is outside the kernel's text. */
const char *ksym_lookup(uint64_t addr, uint64_t *offset);

#endif
