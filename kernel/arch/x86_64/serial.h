/* The early console: COM1, a 16550 UART (QEMU: -serial stdio). */
#ifndef ARCH_X86_64_SERIAL_H
#define ARCH_X86_64_SERIAL_H

#include <stddef.h>

void serial_init(void);
/* Writes n bytes as they are. Polls; no lock (lib/console.c has it). */
void serial_write(const char *s, size_t n);

#endif
