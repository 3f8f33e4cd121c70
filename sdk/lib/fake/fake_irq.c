/*
 * Fake interrupts: the test raises a line, the driver's handler runs (the
 * test calls it, or the framework does), and the driver acks through its
 * IRQ capability. What was bound, raised and acked is there to assert on.
 */
#include <string.h>
#include "fake_internal.h"

#define FAKE_IRQ_LINES 256

struct fake_irq_line {
	int bound;
	atxf_handle_t port;         /* where the driver bound it */
	unsigned bit;
	int pending;                /* raised, not acked since */
	unsigned acks;
};

static struct fake_irq_line lines[FAKE_IRQ_LINES];

void __atxf_fake_reset_irq(void)
{
	memset(lines, 0, sizeof(lines));
}

static struct fake_irq_line *line_of(atxf_handle_t irq)
{
	struct fake_cap *c = __atxf_fake_cap_get(irq, ATXF_CAP_IRQ);

	if (c == NULL || c->info.base >= FAKE_IRQ_LINES)
		return NULL;
	return &lines[c->info.base];
}

int atxf_irq_bind(atxf_handle_t irq, atxf_handle_t port, unsigned bit)
{
	struct fake_irq_line *l = line_of(irq);

	if (l == NULL)
		return -ATXF_EBADH;
	if (port < 0)
		return -ATXF_EBADH;
	if (bit >= 64)                  /* a notification carries a u64 of bits */
		return -ATXF_EINVAL;
	l->bound = 1;
	l->port = port;
	l->bit = bit;
	return 0;
}

int atxf_irq_ack(atxf_handle_t irq)
{
	struct fake_irq_line *l = line_of(irq);

	if (l == NULL)
		return -ATXF_EBADH;
	l->acks++;
	l->pending = 0;
	return 0;
}

void atxf_fake_irq_raise(unsigned line)
{
	if (line >= FAKE_IRQ_LINES) {
		__atxf_fake_stray("IRQ %u raised: lines are 0..%u", line, FAKE_IRQ_LINES - 1);
		return;
	}
	lines[line].pending = 1;
}

int atxf_fake_irq_pending(unsigned line)
{
	return line < FAKE_IRQ_LINES && lines[line].pending;
}

unsigned atxf_fake_irq_acks(unsigned line)
{
	return line < FAKE_IRQ_LINES ? lines[line].acks : 0;
}

int atxf_fake_irq_binding(unsigned line, atxf_handle_t *port, unsigned *bit)
{
	if (line >= FAKE_IRQ_LINES || !lines[line].bound)
		return -ATXF_ENOENT;
	if (port != NULL)
		*port = lines[line].port;
	if (bit != NULL)
		*bit = lines[line].bit;
	return 0;
}
