/*
 * devmgr's device lines: what a person reads to see what devmgr found.
 * Each line is built whole in a buffer, then logged in one call, so it is
 * one log line however many parts it has.
 */
#include <stdarg.h>
#include <stdio.h>
#include <atxf/log.h>
#include "devices.h"

#define DEVICE_LINE_MAX 320

struct line {
	char buf[DEVICE_LINE_MAX];
	size_t len;             /* stays < sizeof(buf): a longer line is cut */
};

static void add(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct line *l, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(l->buf + l->len, sizeof(l->buf) - l->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		l->len += (size_t)n < sizeof(l->buf) - l->len ? (size_t)n : sizeof(l->buf) - l->len - 1;
}

/* " ports 0x60-0x60 0x64-0x64 irq 1 12": the fixed ISA resources. */
static void log_fixed(struct line *l, const struct dm_device *d)
{
	add(l, " ports");
	for (unsigned i = 0; i < DM_PORT_RANGES && d->ports[i].size; i++)
		add(l, " 0x%llx-0x%llx", (unsigned long long)d->ports[i].base,
		    (unsigned long long)(d->ports[i].base + d->ports[i].size - 1));
	add(l, " irq");
	for (unsigned i = 0; i < d->nirqs; i++)
		add(l, " %u", (unsigned)d->irqs[i]);
}

static void log_bars(struct line *l, const struct dm_pci *p)
{
	for (unsigned i = 0; i < DM_BARS; i++)
		if (p->bar[i].kind != DM_BAR_NONE)
			add(l, " bar%u %s 0x%llx+0x%llx", i,
			    p->bar[i].kind == DM_BAR_IO ? "io" : "mmio",
			    (unsigned long long)p->bar[i].base, (unsigned long long)p->bar[i].size);
}

static void log_pci(struct line *l, const struct dm_device *d)
{
	const struct dm_pci *p = &d->pci;

	add(l, "devmgr: device %s pci %04x:%04x class %02x:%02x:%02x", d->name, p->vendor,
	    p->device, p->class_code, p->subclass, p->prog_if);
	log_bars(l, p);
	if (p->has_msi)
		add(l, " msi");
	if (p->msix_vectors)
		add(l, " msix %u (table bar%u+0x%x, pba bar%u+0x%x)", (unsigned)p->msix_vectors,
		    (unsigned)p->msix_table.bar, (unsigned)p->msix_table.offset,
		    (unsigned)p->msix_pba.bar, (unsigned)p->msix_pba.offset);
	if (p->intx_pin && p->intx_routed)
		add(l, " intx %c gsi %u", 'A' + p->intx_pin - 1, (unsigned)p->intx_gsi);
	else if (p->intx_pin)
		add(l, " intx %c unrouted", 'A' + p->intx_pin - 1);
	if (d->ports[0].size) {         /* compatibility-mode IDE (ide_compat.h) */
		add(l, " legacy");
		log_fixed(l, d);
	}
}

static void log_legacy(struct line *l, const struct dm_device *d)
{
	add(l, "devmgr: device %s legacy", d->name);
	log_fixed(l, d);
	add(l, ": %s", d->present ? "present" : "absent");
}

/* A child: its path, its node and parent ids, and the properties it was given. */
static void log_child(struct line *l, const struct dm_device *d)
{
	add(l, "devmgr: device %s node %u child of node %u:", d->name, (unsigned)d->id,
	    (unsigned)d->parent);
	for (unsigned i = 0; i < d->nprops && i < DM_PROPS; i++)
		add(l, " %s", d->props[i]);
}

void dm_device_log(const struct dm_device *d)
{
	struct line l = { .len = 0 };

	if (d->bus == DM_BUS_PCI)
		log_pci(&l, d);
	else if (d->bus == DM_BUS_CHILD)
		log_child(&l, d);
	else
		log_legacy(&l, d);
	atxf_log("%s\n", l.buf);
}
