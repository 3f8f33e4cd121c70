/*
 * ps2-mouse: an ATXF driver for the PS/2 mouse on the i8042 controller's
 * aux port (QEMU: the i8042's PS/2 mouse; motion injected with QMP
 * input-send-event), reporting REL_X/REL_Y (screen convention: Y grows
 * down) and BUTTON events of the input protocol (<atxf/proto/input.h>).
 *
 * Sharing the i8042 with ps2-keyboard: the keyboard driver owns the
 * controller. This driver never writes the command byte nor enables ports:
 * its probe waits until the keyboard driver on the same controller has
 * registered its instance name with the name service (it does so only after
 * setting the controller up, aux port and IRQ 12 included), then sends its
 * own device commands, each with the controller's 0xD4 (write to aux
 * device) prefix. Both instance names follow devmgr's DRIVER.DEVICE rule,
 * so the owner of "ps2-mouse.i8042" is "ps2-keyboard.i8042"; started by
 * hand without a name, "ps2-mouse0" looks for "ps2-keyboard0", the
 * framework's default name for the keyboard. It reads port 0x60
 * only when the status register's aux bit says the byte is the mouse's.
 * (drivers/input/i8042/i8042.h)
 *
 * The device logic is mouse_decode.c (host-tested); this file connects it
 * to the framework: manifest, callbacks, main.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/driver/input.h>
#include <atxf/name.h>
#include <atxf/sys.h>
#include "i8042.h"
#include "i8042_reg.h"
#include "mouse_decode.h"

/* The legacy device "i8042": the same two ports as the keyboard, IRQ 12. */
ATXF_DRIVER_MANIFEST(
	.name = "ps2-mouse",
	.device_class = ATXF_CLASS_INPUT,
	.match = { ATXF_MATCH_LEGACY_DEVICE("i8042") },
	.resources = {
		ATXF_RESOURCE_IOPORT(I8042_DATA, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
		ATXF_RESOURCE_IOPORT(I8042_STATUS, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
		ATXF_RESOURCE_IRQ(12),
	});

#define OWNER_DRIVER       "ps2-keyboard"
#define OWNER_WAIT_NS      (5ull * 1000 * 1000 * 1000)
/* Read until the output buffer is empty: IRQ 12 is edge-triggered, like
 * the keyboard's (ps2_keyboard.c); the bound guards a stuck controller. */
#define MOUSE_BYTES_PER_IRQ 1024

static struct mouse_state mouse;

/* "ps2-mouse.i8042" -> "ps2-keyboard.i8042"; "ps2-mouse0" -> "ps2-keyboard0". */
static void owner_name(const struct atxf_device *dev, char *out, size_t size)
{
	const char *device = strchr(dev->instance, '.');

	snprintf(out, size, "%s%s", OWNER_DRIVER, device ? device : "0");
}

/* The keyboard driver has set the controller up once it registered its name. */
static int wait_for_controller(struct atxf_device *dev)
{
	char owner_instance[ATXF_NAME_MAX];
	atxf_handle_t owner;

	owner_name(dev, owner_instance, sizeof(owner_instance));
	owner = atxf_name_lookup(owner_instance, OWNER_WAIT_NS);
	if (owner < 0) {
		atxf_device_log(dev, "no %s after 5 s: the keyboard driver owns the i8042 (%s)",
				owner_instance, atxf_strerror((int)owner));
		return (int)owner;
	}
	atxf_cap_drop(owner);
	return 0;
}

static int on_probe(struct atxf_device *dev)
{
	int err;

	mouse_init(&mouse);
	if ((err = wait_for_controller(dev)))
		return err;
	if ((err = i8042_aux_command(AUX_SET_DEFAULTS)) ||
	    (err = i8042_aux_command(AUX_ENABLE_DATA))) {
		atxf_device_log(dev, "no PS/2 mouse on the aux port (%d)", err);
		return err;
	}
	atxf_device_log(dev, "streaming, mouse on IRQ 12");
	return 0;
}

static void report(struct atxf_device *dev, uint16_t type, uint16_t code, int32_t value)
{
	struct atxf_input_event ev = { .type = type, .code = code, .value = value };

	atxf_input_report(dev, &ev);
}

static void report_packet(struct atxf_device *dev, const struct mouse_packet *p)
{
	static const uint16_t codes[] = { ATXF_BTN_LEFT, ATXF_BTN_RIGHT, ATXF_BTN_MIDDLE };

	for (unsigned i = 0; i < 3; i++)
		if (p->changed & (1u << i))
			report(dev, ATXF_EV_BUTTON, codes[i], !!(p->buttons & (1u << i)));
	if (p->dx)
		report(dev, ATXF_EV_REL, ATXF_REL_X, p->dx);
	if (p->dy)
		report(dev, ATXF_EV_REL, ATXF_REL_Y, p->dy);
	if (p->changed || p->dx || p->dy)
		report(dev, ATXF_EV_SYN, ATXF_SYN_REPORT, 0);
}

static void on_irq(struct atxf_device *dev, unsigned n)
{
	struct mouse_packet p;
	uint8_t byte;

	(void)n;
	for (int i = 0; i < MOUSE_BYTES_PER_IRQ && i8042_take(1, &byte); i++)
		if (mouse_feed(&mouse, byte, &p))
			report_packet(dev, &p);
}

static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	(void)i8042_aux_command(AUX_DISABLE_DATA);
}

static const struct atxf_driver ops = {
	.name = "ps2-mouse",
	.cls = &atxf_input_class, /* reports only: no ops */
	.probe = on_probe,
	.irq = on_irq,
	.remove = on_remove,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
