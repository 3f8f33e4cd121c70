/*
 * The IRQ -> user measurement both IRQ figures share (bench_irq.c): a
 * device that raises its interrupt on one register write, and lowers it
 * again; the loop times write to SYS_IPC_RECV's return.
 */
#ifndef BENCH_BENCH_IRQ_H
#define BENCH_BENCH_IRQ_H

#include <atxf/cap.h>

struct bench_irq_dev {
	void (*raise)(void);        /* one MMIO write: the interrupt is on its way */
	void (*lower)(void);        /* after the notification: quiet the device */
	atxf_handle_t irq;          /* the IRQ capability, bound to bit 0 of `port` */
	atxf_handle_t port;
};

/* Binds d->irq to a new port (NULL, or why the figure is n/a). */
const char *bench_irq_bind(struct bench_irq_dev *d);
/* Times `runs` interrupts and reports figure `name` (or why it is n/a). */
void bench_irq_loop(const char *name, const struct bench_irq_dev *d, unsigned runs);

#endif
