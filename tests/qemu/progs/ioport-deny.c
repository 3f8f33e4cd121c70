/*
 * ioport-deny.atxf: port I/O without any I/O port capability.
 *
 *   ioport-deny.atxf           (start line without capabilities)
 *
 * SYS_IO_INB(0x60), the PS/2 data port, must be refused with -ATXF_EPERM;
 * then a direct `inb 0x60` must end the process: the kernel closed every
 * port in its I/O permission bitmap, so the CPU raises #GP and the kernel
 * logs a fault line and reports status 141 (128 + 13). Output:
 *   ioport-deny: SYS_IO_INB(0x60) = -EPERM: refused ok
 *   ioport-deny: direct inb 0x60 next: the kernel must end this process
 * If the direct `in` returns, it prints `ioport-deny: FAIL: still alive`
 * and exits 99; a system call that was not refused exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <atxf/log.h>
#include <atxf/sys.h>

#define PS2_DATA 0x60
#define EXIT_ALIVE 99

int main(void)
{
	long v = atxf_syscall(SYS_IO_INB, PS2_DATA, 0, 0, 0, 0, 0);
	uint8_t b;

	if (v != -ATXF_EPERM) {
		atxf_log("ioport-deny: FAIL: SYS_IO_INB(0x60) returned %ld, not -EPERM\n", v);
		return 1;
	}
	atxf_log("ioport-deny: SYS_IO_INB(0x60) = -EPERM: refused ok\n");
	atxf_log("ioport-deny: direct inb 0x60 next: the kernel must end this process\n");
	fflush(stdout);
	__asm__ volatile("inb %w1, %b0" : "=a"(b) : "Nd"((uint16_t)PS2_DATA));
	atxf_log("ioport-deny: FAIL: still alive (read 0x%02x)\n", b);
	return EXIT_ALIVE;
}
