/*
 * COM1 as the kernel log: a 16550 UART at I/O port 0x3f8, driven by polling
 * so it works from the first instruction of kmain to the last of a panic.
 * Registers and bits: National Semiconductor PC16550D datasheet, table 2.
 * QEMU device: the default isa-serial, wired to the host by -serial.
 */
#include <stdint.h>
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/serial.h"

#define COM1       0x3f8
#define UART_THR   0       /* transmit holding (write, DLAB=0) */
#define UART_DLL   0       /* divisor latch low (DLAB=1) */
#define UART_IER   1       /* interrupt enable (DLAB=0) */
#define UART_DLM   1       /* divisor latch high (DLAB=1) */
#define UART_FCR   2       /* FIFO control */
#define UART_LCR   3       /* line control */
#define UART_MCR   4       /* modem control */
#define UART_LSR   5       /* line status */

#define LCR_8N1    0x03
#define LCR_DLAB   0x80
#define FCR_ENABLE_CLEAR 0x07   /* enable FIFOs, clear both */
#define MCR_DTR_RTS 0x03
#define LSR_THRE   0x20    /* transmit holding register empty */

#define BAUD_BASE  115200  /* 1.8432 MHz / 16 */
#define BAUD       115200

void serial_init(void)
{
	uint16_t div = BAUD_BASE / BAUD;

	outb(COM1 + UART_IER, 0);               /* polled: no interrupts */
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DLL, div & 0xff);
	outb(COM1 + UART_DLM, div >> 8);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, FCR_ENABLE_CLEAR);
	outb(COM1 + UART_MCR, MCR_DTR_RTS);
}

/*
 * With the FIFO on, THRE means the whole 16-byte transmit FIFO is empty
 * (PC16550D §8.4), so each wait buys 16 bytes. The wait is bounded: with no
 * UART present LSR reads 0xff and this goes on at once; a stuck UART must
 * not hang a panic forever.
 */
#define FIFO_SIZE 16

static void wait_fifo_empty(void)
{
	for (int i = 0; i < 100000 && !(inb(COM1 + UART_LSR) & LSR_THRE); i++)
		cpu_relax();
}

/*
 * The bytes go out as they are: "\n" stays "\n". The host's terminal adds
 * the carriage return (QEMU's -serial stdio keeps the tty's output
 * processing, ONLCR), and what atxf-run and the tests read is the program's
 * own bytes (docs/boot.md).
 *
 * A user-space 16550 driver may own COM1 too, and may be preempted while it
 * sets the baud rate, with LCR.DLAB set: offset 0 is then the divisor
 * latch, and our bytes would land there, lost and changing the baud rate.
 * So the window is closed for our writes and opened again after them; the
 * caller holds the console lock with interrupts off, so the driver never
 * sees it closed.
 *
 * The driver may also have seen THRE (an empty FIFO) just before we came,
 * and then fills all 16 bytes: whatever we left in the FIFO would make it
 * overflow, losing the driver's bytes. So we leave the FIFO empty, as we
 * found it when the driver looked: the last wait drains our own bytes.
 */
void serial_write(const char *s, size_t n)
{
	uint8_t lcr = inb(COM1 + UART_LCR);
	int room = 0;

	if (lcr & LCR_DLAB)
		outb(COM1 + UART_LCR, lcr & (uint8_t)~LCR_DLAB);
	for (size_t i = 0; i < n; i++) {
		if (!room) {
			wait_fifo_empty();
			room = FIFO_SIZE;
		}
		outb(COM1 + UART_THR, s[i]);
		room--;
	}
	wait_fifo_empty();
	if (lcr & LCR_DLAB)
		outb(COM1 + UART_LCR, lcr);
}
