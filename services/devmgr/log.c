/* devmgr's device lines: what a person reads to see what devmgr found. */
#include <stdio.h>
#include "devices.h"

static void log_bars(const struct dm_pci *p)
{
	for (unsigned i = 0; i < DM_BARS; i++)
		if (p->bar[i].kind != DM_BAR_NONE)
			printf(" bar%u %s 0x%llx+0x%llx", i,
			       p->bar[i].kind == DM_BAR_IO ? "io" : "mmio",
			       (unsigned long long)p->bar[i].base, (unsigned long long)p->bar[i].size);
}

static void log_pci(const struct dm_device *d)
{
	const struct dm_pci *p = &d->pci;

	printf("devmgr: device %s pci %04x:%04x class %02x:%02x:%02x", d->name, p->vendor,
	       p->device, p->class_code, p->subclass, p->prog_if);
	log_bars(p);
	if (p->has_msi)
		printf(" msi");
	if (p->irq_line && p->irq_line != 0xff)
		printf(" intx %u", p->irq_line);
	printf("\n");
}

static void log_legacy(const struct dm_device *d)
{
	printf("devmgr: device %s legacy ports", d->name);
	for (unsigned i = 0; i < DM_PORT_RANGES && d->ports[i].size; i++)
		printf(" 0x%llx-0x%llx", (unsigned long long)d->ports[i].base,
		       (unsigned long long)(d->ports[i].base + d->ports[i].size - 1));
	printf(" irq");
	for (unsigned i = 0; i < d->nirqs; i++)
		printf(" %u", (unsigned)d->irqs[i]);
	printf(": %s\n", d->present ? "present" : "absent");
}

void dm_device_log(const struct dm_device *d)
{
	if (d->bus == DM_BUS_PCI)
		log_pci(d);
	else
		log_legacy(d);
}
