/*
 * Interrupts (<atxf/hw.h>): an IRQ capability bound to a notification bit
 * of a port. The kernel masks the line when it fires and notifies the
 * port; the driver handles the device, then acks to unmask the line.
 */
#include <atxf/hw.h>
#include "trap.h"

int atxf_irq_bind(atxf_handle_t irq, atxf_handle_t port, unsigned bit)
{
	return (int)sys_REGISTER_IRQ_HANDLER(irq, port, bit);
}

int atxf_irq_ack(atxf_handle_t irq)
{
	return (int)sys_IRQ_ACK(irq);
}
