/*
 * What MSI (irq/msi.c) and MSI-X (irq/msix.c) share: the CPU vectors
 * messages are sent to, VEC_MSI_BASE .. +VEC_MSI_COUNT
 * (arch/x86_64/vectors.h), the message address, and turning a function's
 * messages on. Guarded by cap_lock, like every IRQ binding.
 */
#ifndef IRQ_VECTOR_H
#define IRQ_VECTOR_H

#include <stdint.h>

/* A free vector, now taken, or -ATXF_ENOSPC. */
int msg_vector_alloc(void);
/* Gives a vector from msg_vector_alloc() back (others are ignored). */
void msg_vector_free(unsigned vector);

/* The message address of the boot CPU's local APIC (SDM vol. 3 §11.11.1:
 * 0xFEE00000 | destination id << 12); the data is the vector, fixed
 * delivery, edge (§11.11.2). */
uint32_t msg_address(void);
/* Lets function bdf send messages: bus mastering on (a message is a memory
 * write), INTx off, memory decoding on (an MSI-X table is in a BAR). */
void msg_function_enable(uint32_t bdf);

#endif
