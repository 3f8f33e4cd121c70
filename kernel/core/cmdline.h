/*
 * The kernel command line: space-separated words, each `key` or `key=value`.
 * QEMU's multiboot loader puts the image path first; it is skipped.
 *
 * Options the kernel reads:
 *   ktest=NAME   run the built-in self-test NAME after boot, then power QEMU
 *                off through isa-debug-exit with its result (test/ktest.c)
 *   panic=exit   on panic, power QEMU off (status PANIC) instead of halting
 *   init=NAME    start the boot archive's member NAME as init, not init.atxf
 */
#ifndef CORE_CMDLINE_H
#define CORE_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

/* Copies key's value ("" for a bare `key`) into val; false if absent. */
bool cmdline_get(const char *key, char *val, size_t size);
bool cmdline_has(const char *key);

#endif
