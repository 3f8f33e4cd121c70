/*
 * Powering QEMU off with a status, through the isa-debug-exit device
 * (-device isa-debug-exit,iobase=0xf4,iosize=0x04). QEMU exits with status
 * (code << 1) | 1, so these codes reach the host as 33, 35 and 37: never
 * confused with QEMU's own 0 (normal exit, or a reset under -no-reboot) or 1
 * (error). tests/qemu/harness.py knows the same numbers.
 */
#ifndef ARCH_X86_64_QEMU_EXIT_H
#define ARCH_X86_64_QEMU_EXIT_H

#include <stdint.h>

enum qemu_exit_code {
	QEMU_EXIT_PASS = 0x10,          /* host status 33 */
	QEMU_EXIT_FAIL = 0x11,          /* host status 35 */
	QEMU_EXIT_PANIC = 0x12,         /* host status 37 */
};

/* Exits QEMU; returns (and the caller halts) when the device is absent. */
void qemu_exit(enum qemu_exit_code code);

#endif
