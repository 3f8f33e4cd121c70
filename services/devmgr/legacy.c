/*
 * The legacy devices: the fixed table (legacy_table.c) plus a probe of
 * which of them answer, so devmgr starts no driver for an absent COM port.
 * devmgr holds ROOT, which the kernel counts as covering every port for
 * the SYS_IO_* calls; the probe therefore needs no capability of its own.
 */
#include <string.h>
#include <atxf/hw.h>
#include "devices.h"
#include "legacy_table.h"

#define UART_SCRATCH 7          /* 16550 scratch register: unused by the chip */
#define I8042_STATUS 0x64

/* A 16550 keeps what is written to its scratch register; nothing else does. */
static int uart_answers(uint16_t base)
{
	uint8_t saved = atxf_inb(base + UART_SCRATCH), back;

	atxf_outb(base + UART_SCRATCH, 0x5a);
	back = atxf_inb(base + UART_SCRATCH);
	atxf_outb(base + UART_SCRATCH, saved);
	return back == 0x5a;
}

/* An absent controller floats the bus: the status reads all ones. */
static int i8042_answers(void)
{
	return atxf_inb(I8042_STATUS) != 0xff;
}

static int answers(const struct dm_device *d)
{
	if (!strcmp(d->name, "i8042"))
		return i8042_answers();
	return uart_answers((uint16_t)d->ports[0].base);
}

void dm_legacy_scan(struct dm_devices *list)
{
	for (unsigned i = 0; i < dm_legacy_count; i++) {
		struct dm_device d = dm_legacy_table[i];

		d.present = (uint8_t)answers(&d);
		d.parent_port = ATXF_HANDLE_NONE;
		dm_node_add(list, &d);          /* the one add path; full: left out */
	}
}
