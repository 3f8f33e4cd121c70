/* The 8254 PIT, used only as a known-frequency reference at boot. */
#ifndef ARCH_X86_64_PIT_H
#define ARCH_X86_64_PIT_H

#include <stdint.h>

#define PIT_HZ 1193182u

/* Starts a one-shot countdown of `ticks` PIT ticks on channel 2 (< 65536). */
void pit_oneshot_start(uint16_t ticks);
/* Whether the countdown started by pit_oneshot_start() has reached zero. */
int pit_oneshot_done(void);
/* The countdown's current count, read through the counter latch. */
uint16_t pit_oneshot_count(void);

/* Programs channel 0 for one interrupt (IRQ 0) after `ticks` PIT ticks. */
void pit_irq0_oneshot(uint16_t ticks);

#endif
