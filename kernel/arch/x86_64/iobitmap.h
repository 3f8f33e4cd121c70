/*
 * The direct port I/O path (docs/syscalls.md §6): the CPU's I/O permission
 * bitmap opens exactly the ports covered by the running process's IOPORT
 * capabilities that have both READ and WRITE; every other process finds
 * them closed, and a direct in/out on a closed port is a #GP that ends it.
 */
#ifndef ARCH_X86_64_IOBITMAP_H
#define ARCH_X86_64_IOBITMAP_H

#include <stdbool.h>

struct cap_table;

/* Loads t's ports (NULL: none, a kernel thread) into this CPU's bitmap.
 * Cheap when t is already loaded and unchanged (t->io_dirty clear). On
 * context switch, and after the running process's IOPORT caps change.
 * Interrupts off. */
void iobitmap_load(struct cap_table *t);

/* On the way back to ring 3: reloads the current process's ports if its
 * IOPORT capabilities changed. */
void iobitmap_refresh_current(void);

#endif
