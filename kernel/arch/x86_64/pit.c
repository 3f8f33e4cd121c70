/*
 * The 8254 programmable interval timer, channel 2, as a stopwatch for
 * calibrating the TSC and the local APIC timer. Channel 2's gate and output
 * are wired to port 0x61 (bits 0 and 5) on every PC since the AT, so we can
 * start it and watch it expire without interrupts. Channel 0, whose output
 * is ISA IRQ 0, serves the interrupt-routing self-test. Intel 8254 datasheet,
 * "Mode 0: interrupt on terminal count". QEMU device: the built-in i8254.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pit.h"

#define PIT_CH0       0x40
#define PIT_CH2       0x42
#define PIT_CMD       0x43
#define PORT_B        0x61
#define PORTB_GATE2   0x01    /* channel 2 gate input */
#define PORTB_SPEAKER 0x02    /* speaker data enable: keep off */
#define PORTB_OUT2    0x20    /* channel 2 output (read-only) */

/* Control words: lobyte/hibyte access, mode 0, binary; channel 2 or 0. */
#define PIT_CMD_CH2_MODE0 0xb0
#define PIT_CMD_CH0_MODE0 0x30

void pit_oneshot_start(uint16_t ticks)
{
	uint8_t b = inb(PORT_B) & ~(PORTB_GATE2 | PORTB_SPEAKER);

	outb(PORT_B, b);                        /* gate low: hold the counter */
	outb(PIT_CMD, PIT_CMD_CH2_MODE0);       /* OUT2 goes low */
	outb(PIT_CH2, ticks & 0xff);
	outb(PIT_CH2, ticks >> 8);
	outb(PORT_B, b | PORTB_GATE2);          /* gate high: count down */
}

int pit_oneshot_done(void)
{
	return inb(PORT_B) & PORTB_OUT2;
}

/* The counter latch command (8254 datasheet): select channel 2, access 00. */
#define PIT_CMD_CH2_LATCH 0x80

uint16_t pit_oneshot_count(void)
{
	uint8_t lo, hi;

	outb(PIT_CMD, PIT_CMD_CH2_LATCH);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	return (uint16_t)(lo | hi << 8);
}

void pit_irq0_oneshot(uint16_t ticks)
{
	outb(PIT_CMD, PIT_CMD_CH0_MODE0);       /* OUT0 low until the count ends */
	outb(PIT_CH0, ticks & 0xff);
	outb(PIT_CH0, ticks >> 8);
}
