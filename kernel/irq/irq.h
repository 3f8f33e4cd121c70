/*
 * IRQ forwarding to user space (SYS_REGISTER_IRQ_HANDLER, SYS_IRQ_ACK).
 *
 * A line is an IRQ capability's base: a GSI (IOAPIC input) or
 * ATXF_IRQ_MSI | BDF, the MSI of that PCI function (<atxf/cap.h>). Binding
 * routes the line and unmasks it. When it fires the kernel masks it, sets
 * each bound handler's bit in its port's notification word and waits: the
 * line is unmasked only when every handler has called SYS_IRQ_ACK. A
 * level-triggered line may be shared by several processes (PCI INTx); an
 * edge-triggered one or an MSI belongs to one (-ATXF_EBUSY). An MSI cannot
 * be masked at the device in general, so one that arrives while "masked"
 * is remembered and delivered at the ack: still one notification per
 * interrupt, never one lost. Guarded by cap_lock.
 */
#ifndef IRQ_IRQ_H
#define IRQ_IRQ_H

#include <stdint.h>

struct port;
struct process;

/* Binds (or moves) p's handler for line `source` to bit of port. */
int irq_bind_locked(struct process *p, uint64_t source, struct port *port, unsigned bit);
/* p has handled the interrupt: 0, or -ATXF_EINVAL if p is not bound. */
int irq_ack_locked(struct process *p, uint64_t source);
/* p dropped its last IRQ capability for the line: its handler goes. */
void irq_unbind_locked(struct process *p, uint64_t source);
/* p is dying: its handlers go; a line nobody handles is masked and freed.
 * Returns how many handlers p had. */
int irq_process_died_locked(struct process *p);

#endif
