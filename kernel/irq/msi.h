/*
 * Message Signalled Interrupts of a PCI function (PCI Local Bus 3.0
 * §6.8.1): one vector, fixed delivery to the boot CPU, edge.
 */
#ifndef IRQ_MSI_H
#define IRQ_MSI_H

#include <stdbool.h>
#include <stdint.h>

/* Gives function bdf a vector and turns its MSI on (INTx off, bus
 * mastering on: an MSI is a memory write). The vector, or -ATXF_ENODEV
 * (no MSI capability) / -ATXF_EBUSY (its MSI-X is on) / -ATXF_ENOSPC (no
 * vector left). *level = false. */
int msi_enable(uint32_t bdf, bool *level);
/* Turns it off again and frees the vector. */
void msi_disable(uint32_t bdf, unsigned vector);
/* Whether the function's MSI is on (MSI-X is then refused). */
bool msi_is_on(uint32_t bdf);

#endif
