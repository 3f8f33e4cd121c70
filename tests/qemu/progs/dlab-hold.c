/*
 * dlab-hold.atxf: a 16550 driver caught in its divisor-latch window, on
 * purpose and for long. It owns COM1's ports, the UART the kernel logs
 * through, and ROUNDS times sets LCR.DLAB (offset 0 is now the divisor,
 * not the transmit register), writes divisor 1 (115200 baud), sleeps 2 ms
 * with the window open, as a driver preempted there would, reads the
 * divisor back and closes the window. Other programs log meanwhile
 * (scenario console-shared-uart): their lines must come out whole, and the
 * divisor must stay what this program wrote.
 *
 *   dlab-hold.atxf ROUNDS     start line: `with ioport:0x3f8-0x3ff:rw`
 *
 * Prints, then exits 0:
 *   dlab-hold: ROUNDS rounds, divisor 1 each time
 * or, the first time the divisor read back differs, a FAIL line and exits 1.
 * PC16550D datasheet: LCR bit 7 is DLAB; DLL and DLM at offsets 0 and 1.
 */
#include <stdlib.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/sys.h>

#define COM1     0x3f8
#define UART_DLL 0
#define UART_DLM 1
#define UART_LCR 3
#define LCR_DLAB 0x80
#define LCR_8N1  0x03
#define HOLD_NS  2000000ull

int main(int argc, char **argv)
{
	long rounds = argc == 2 ? strtol(argv[1], NULL, 10) : 0;

	if (rounds <= 0) {
		atxf_log("dlab-hold: FAIL: usage: dlab-hold.atxf ROUNDS\n");
		return 1;
	}
	for (long i = 0; i < rounds; i++) {
		unsigned divisor;

		atxf_outb(COM1 + UART_LCR, LCR_DLAB | LCR_8N1);
		atxf_outb(COM1 + UART_DLL, 1);
		atxf_outb(COM1 + UART_DLM, 0);
		atxf_sleep_ns(HOLD_NS);
		divisor = atxf_inb(COM1 + UART_DLL) | (unsigned)atxf_inb(COM1 + UART_DLM) << 8;
		atxf_outb(COM1 + UART_LCR, LCR_8N1);
		if (divisor != 1) {
			atxf_log("dlab-hold: FAIL: round %ld: divisor %u read back, 1 written\n",
				 i + 1, divisor);
			return 1;
		}
	}
	atxf_log("dlab-hold: %ld rounds, divisor 1 each time\n", rounds);
	return 0;
}
