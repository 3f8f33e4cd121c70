/*
 * Compatibility-mode IDE channels (ide_compat.h). QEMU's PIIX3/PIIX4 IDE
 * (hw/ide/piix.c, `-machine pc` at 00:01.1) has prog-if 0x80: bus master,
 * both channels in compatibility mode, their ports and lines hard-wired
 * to the ISA addresses below; it has no BARs 0-3 at all.
 */
#include <stddef.h>
#include "ide_compat.h"

#define PROGIF_PRIMARY_NATIVE   0x01    /* PCI IDE 1.0 §2.1, prog-if bit 0 */
#define PROGIF_SECONDARY_NATIVE 0x04    /* bit 2 */

struct channel {
	uint8_t native_bit;
	uint16_t command;       /* command block: data .. status/command, 8 ports */
	uint16_t control;       /* control block: alternate status / device control */
	uint8_t irq;            /* ISA line */
};

static const struct channel channels[] = {
	{ PROGIF_PRIMARY_NATIVE, 0x1f0, 0x3f6, 14 },
	{ PROGIF_SECONDARY_NATIVE, 0x170, 0x376, 15 },
};

/* The first unused port range slot, or NULL. */
static struct dm_range *free_range(struct dm_device *d)
{
	for (unsigned i = 0; i < DM_PORT_RANGES; i++)
		if (!d->ports[i].size)
			return &d->ports[i];
	return NULL;
}

static void add_channel(struct dm_device *d, const struct channel *c)
{
	struct dm_range *cmd = free_range(d), *ctl;

	if (!cmd)
		return;
	*cmd = (struct dm_range){ c->command, 8 };
	ctl = free_range(d);
	if (ctl)
		*ctl = (struct dm_range){ c->control, 1 };
	if (d->nirqs < DM_IRQS)
		d->irqs[d->nirqs++] = c->irq;
}

void dm_ide_compat(struct dm_device *d)
{
	if (d->bus != DM_BUS_PCI || d->pci.class_code != DM_PCI_CLASS_STORAGE ||
	    d->pci.subclass != DM_PCI_SUBCLASS_IDE)
		return;
	for (unsigned i = 0; i < sizeof(channels) / sizeof(channels[0]); i++)
		if (!(d->pci.prog_if & channels[i].native_bit))
			add_channel(d, &channels[i]);
}
