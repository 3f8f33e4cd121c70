/*
 * IRQ lines bound to user handlers (irq/irq.h). Exercised by the irq
 * scenarios: the RTC (GSI 8, edge), QEMU's edu device (INTx, level, or
 * MSI: writing its register 0x60 raises one), and the MSI-X vectors of
 * virtio-rng-pci, nvme and qemu-xhci (tests/qemu/scenarios_msix.py).
 */
#include <atxf/cap.h>
#include <atxf/errors.h>
#include "arch/x86_64/ioapic.h"
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/trap.h"
#include "arch/x86_64/vectors.h"
#include "cap/captable.h"
#include "ipc/port.h"
#include "irq/irq.h"
#include "irq/msi.h"
#include "irq/msix.h"
#include "lib/log.h"
#include "proc/process.h"

/* Lines bound at once: every message vector, and the IOAPIC's pins. */
#define IRQ_LINES     (VEC_MSI_COUNT + VEC_GSI_MAX + 1 - VEC_GSI_BASE)
#define IRQ_SHARE_MAX 4         /* handlers of one shared line */

struct irq_handler {
	struct process *proc;   /* NULL: free slot */
	struct port *port;      /* holds a reference */
	uint64_t bit;
	bool unacked;           /* notified, SYS_IRQ_ACK not yet called */
};

struct irq_line {
	bool used;
	uint64_t source;        /* the IRQ capability's base */
	unsigned vector;
	bool level;             /* may be shared */
	bool masked;
	bool pending;           /* MSI or edge: fired while masked */
	struct irq_handler h[IRQ_SHARE_MAX];
};

static struct irq_line lines[IRQ_LINES];
static struct irq_line *by_vector[256];  /* the line each vector is routed to */

static bool is_msi(uint64_t source)
{
	return source & ATXF_IRQ_MSI;
}

static bool is_msix(uint64_t source)
{
	return source & ATXF_IRQ_MSIX;
}

static bool is_gsi(uint64_t source)
{
	return !is_msi(source) && !is_msix(source);
}

static const char *kind_name(const struct irq_line *l)
{
	if (is_msix(l->source))
		return "MSI-X";
	return is_msi(l->source) ? "MSI" : l->level ? "level" : "edge";
}

static struct irq_line *line_of(uint64_t source)
{
	for (int i = 0; i < IRQ_LINES; i++)
		if (lines[i].used && lines[i].source == source)
			return &lines[i];
	return NULL;
}

/*
 * Only level-triggered lines are masked at the IOAPIC while their handlers
 * work. An edge that arrives on a masked pin is lost (82093AA: edges on a
 * masked pin are ignored; QEMU does the same), and a device that raised
 * its line in the window between the driver's last look and its ack (a
 * 16550 receiving, an i8042 with a new byte) keeps it high and never makes
 * another edge: its driver would wait forever. So an edge line's pin stays
 * open from the first ack to the line's release, and an edge that comes
 * while the handler works is latched in `pending`, as an MSI's is.
 * An MSI-X vector has a mask bit of its own: the device holds a message
 * while it is set and sends it at the unmask, and one already on its way
 * when the bit was set is latched in `pending`.
 */
static void set_masked(struct irq_line *l, bool masked)
{
	l->masked = masked;
	if (is_msix(l->source))
		msix_mask(ATXF_IRQ_MSIX_BDF(l->source), ATXF_IRQ_MSIX_ENTRY(l->source), masked);
	else if (is_gsi(l->source) && (l->level || !masked))
		ioapic_mask((uint32_t)l->source, masked);
}

/* Notifies every handler; the line is masked until all have acked. */
static void deliver(struct irq_line *l)
{
	set_masked(l, true);
	for (int i = 0; i < IRQ_SHARE_MAX; i++) {
		struct irq_handler *h = &l->h[i];

		if (h->proc) {
			h->unacked = true;
			port_notify_locked(h->port, 1ull << h->bit);
		}
	}
}

static void irq_interrupt(struct trap_frame *f)
{
	struct irq_line *l;

	spin_lock_raw(&cap_lock);       /* interrupts are off */
	l = by_vector[f->vector & 0xff];
	if (l && l->masked)
		l->pending = true;      /* MSI or edge: latched (set_masked) */
	else if (l)
		deliver(l);
	spin_unlock_raw(&cap_lock);
	lapic_eoi();
}

/* Routes a new line to a vector. */
static int line_setup(struct irq_line *l, uint64_t source)
{
	int vector;

	l->level = false;
	if (is_msix(source))
		vector = msix_enable(ATXF_IRQ_MSIX_BDF(source), ATXF_IRQ_MSIX_ENTRY(source));
	else if (is_msi(source))
		vector = msi_enable((uint32_t)source & 0xffff, &l->level);
	else if (source <= 0xffffffffu)
		vector = ioapic_route_gsi((uint32_t)source, &l->level);
	else
		vector = -ATXF_ENODEV;
	if (vector < 0)
		return vector;
	l->used = true;
	l->source = source;
	l->vector = (unsigned)vector;
	l->masked = true;
	by_vector[l->vector] = l;
	trap_set_handler(l->vector, irq_interrupt);
	return 0;
}

static struct irq_line *line_get(uint64_t source, int *err)
{
	struct irq_line *l = line_of(source);

	*err = 0;
	for (int i = 0; !l && i < IRQ_LINES; i++) {
		if (lines[i].used)
			continue;
		*err = line_setup(&lines[i], source);
		if (*err)
			return NULL;
		l = &lines[i];
	}
	if (!l)
		*err = -ATXF_ENOSPC;
	return l;
}

/* A free handler slot for p, or p's own; -ATXF_EBUSY if taken. */
static struct irq_handler *handler_slot(struct irq_line *l, struct process *p, int *err)
{
	struct irq_handler *free = NULL;

	*err = 0;
	for (int i = 0; i < IRQ_SHARE_MAX; i++) {
		if (l->h[i].proc == p)
			return &l->h[i];
		if (!l->h[i].proc && !free)
			free = &l->h[i];
		else if (l->h[i].proc && !l->level)
			*err = -ATXF_EBUSY;     /* edge and MSI lines are not shared */
	}
	if (!*err && !free)
		*err = -ATXF_EBUSY;
	return *err ? NULL : free;
}

static bool line_unused(const struct irq_line *l)
{
	for (int i = 0; i < IRQ_SHARE_MAX; i++)
		if (l->h[i].proc)
			return false;
	return true;
}

static void line_free(struct irq_line *l)
{
	set_masked(l, true);
	if (is_gsi(l->source) && !l->level)
		ioapic_mask((uint32_t)l->source, true);
	if (is_msix(l->source))
		msix_disable(ATXF_IRQ_MSIX_BDF(l->source), ATXF_IRQ_MSIX_ENTRY(l->source),
			     l->vector);
	else if (is_msi(l->source))
		msi_disable((uint32_t)l->source & 0xffff, l->vector);
	trap_set_handler(l->vector, NULL);
	by_vector[l->vector] = NULL;
	*l = (struct irq_line){ 0 };
}

int irq_bind_locked(struct process *p, uint64_t source, struct port *port, unsigned bit)
{
	int err;
	struct irq_line *l = line_get(source, &err);
	struct irq_handler *h = l ? handler_slot(l, p, &err) : NULL;

	if (!h) {
		if (l && line_unused(l))
			line_free(l);
		return err;
	}
	if (h->port)
		port_put_locked(h->port, 0);
	port_get_locked(port, 0);
	*h = (struct irq_handler){ .proc = p, .port = port, .bit = bit, .unacked = h->unacked };
	if (l->masked && !h->unacked && !l->pending)
		irq_ack_locked(p, source);      /* first binding: open the line */
	klog("irq: %s pid %u handles line 0x%lx (vector 0x%x, %s)", p->name, p->pid, source,
	     l->vector, kind_name(l));
	return 0;
}

int irq_ack_locked(struct process *p, uint64_t source)
{
	struct irq_line *l = line_of(source);
	bool all = true;
	struct irq_handler *mine = NULL;

	for (int i = 0; l && i < IRQ_SHARE_MAX; i++) {
		if (l->h[i].proc == p)
			mine = &l->h[i];
		else if (l->h[i].proc && l->h[i].unacked)
			all = false;
	}
	if (!mine)
		return -ATXF_EINVAL;
	mine->unacked = false;
	if (!all || !l->masked)
		return 0;
	if (l->pending) {
		l->pending = false;
		deliver(l);
	} else {
		set_masked(l, false);
	}
	return 0;
}

/* Removes p's handler from l, if any; frees l when no one is left. */
static bool unbind(struct irq_line *l, struct process *p, const char *why)
{
	bool had = false;

	for (int j = 0; l->used && j < IRQ_SHARE_MAX; j++) {
		if (l->h[j].proc != p)
			continue;
		irq_ack_locked(p, l->source);   /* do not hold the others up */
		port_put_locked(l->h[j].port, 0);
		l->h[j] = (struct irq_handler){ 0 };
		had = true;
	}
	if (had && line_unused(l)) {
		klog("irq: line 0x%lx masked and freed (%s pid %u %s)", l->source, p->name, p->pid,
		     why);
		line_free(l);
	}
	return had;
}

void irq_unbind_locked(struct process *p, uint64_t source)
{
	struct irq_line *l = line_of(source);

	if (l)
		unbind(l, p, "dropped it");
}

int irq_process_died_locked(struct process *p)
{
	int n = 0;

	for (int i = 0; i < IRQ_LINES; i++)
		n += unbind(&lines[i], p, "ended");
	return n;
}
