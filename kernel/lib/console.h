/*
 * The console: COM1 as one byte stream that the kernel log and the
 * programs' output share (docs/boot.md, "The serial console"). Kernel lines
 * are whole lines; a program's bytes go out as they are. The console
 * remembers whether the last byte out ended a line and, if not, whose
 * partial line it is: any other writer ends that line first, so a kernel
 * line never lands inside a program's line, and two programs' partial
 * lines never run into each other.
 */
#ifndef LIB_CONSOLE_H
#define LIB_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

#define CONSOLE_KERNEL 0        /* the writer of kernel lines; a process writes as its pid */

/* The console lock: interrupts are off while it is held. */
uint64_t console_lock(void);
void console_unlock(uint64_t flags);

/* With the lock held: writer's n bytes as they are, after a '\n' that ends
 * another writer's partial line. */
void console_put_locked(uint32_t writer, const char *s, size_t n);

/* One whole kernel line (ending in '\n'), under the lock; without it once
 * console_panic_mode() was called. */
void console_kernel_line(const char *line, size_t n);

/* From here on the console ignores its lock: a panicking CPU must get its
 * report out even if it was interrupted while holding the lock. */
void console_panic_mode(void);

#endif
