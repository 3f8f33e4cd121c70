/*
 * ps2-keyboard: an ATXF driver for the PS/2 keyboard on the PC's i8042
 * controller (QEMU: the i8042 of the pc and q35 machines; keys injected
 * with QMP send-key), reporting KEY events of the input protocol
 * (<atxf/proto/input.h>) to its subscribers and taking SET_LEDS.
 *
 * Sharing the i8042 with ps2-mouse: this driver owns the controller. Its
 * probe sets the controller up (i8042_setup(): command byte, both ports and
 * both IRQs on) before the framework registers its instance name
 * ("ps2-keyboard.i8042" under devmgr); ps2-mouse waits for that name and then only sends its device commands with the 0xD4 prefix.
 * Each reads port 0x60 only when the status register's aux bit says the
 * byte is its own. (drivers/input/i8042/i8042.h)
 *
 * The device logic is kbd_decode.c (host-tested); this file connects it to
 * the framework: manifest, callbacks, main.
 */
#include <atxf/driver/input.h>
#include "i8042.h"
#include "i8042_reg.h"
#include "kbd_decode.h"

/* The legacy device "i8042": data and status/command ports, IRQ 1. */
ATXF_DRIVER_MANIFEST(
	.name = "ps2-keyboard",
	.device_class = ATXF_CLASS_INPUT,
	.match = { ATXF_MATCH_LEGACY_DEVICE("i8042") },
	.resources = {
		ATXF_RESOURCE_IOPORT(I8042_DATA, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
		ATXF_RESOURCE_IOPORT(I8042_STATUS, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
		ATXF_RESOURCE_IRQ(1),
	});

/*
 * IRQ 1 is edge-triggered: the i8042 holds it high while its output buffer
 * has a keyboard byte, so returning with one still there would leave the
 * line high, and no new edge, no interrupt, would ever come. Read until
 * the buffer is empty; the bound only guards against a controller that
 * never empties (QEMU's keyboard queue holds 16 bytes).
 */
#define KBD_BYTES_PER_IRQ 1024

static struct kbd_state kbd;

static void send_to_keyboard(struct atxf_device *dev, int byte)
{
	if (byte >= 0 && i8042_write_data((uint8_t)byte) != 0)
		atxf_device_log(dev, "keyboard does not take byte %#x", byte);
}

static int on_probe(struct atxf_device *dev)
{
	int err;

	kbd_init(&kbd);
	err = i8042_setup();
	if (err) {
		atxf_device_log(dev, "i8042 setup failed (%d): no controller at 0x60/0x64?", err);
		return err;
	}
	atxf_device_log(dev, "i8042 ready, keyboard on IRQ 1");
	return 0;
}

static void report_key(struct atxf_device *dev, const struct kbd_out *out)
{
	struct atxf_input_event ev = { .type = ATXF_EV_KEY, .code = out->code, .value = out->value };
	struct atxf_input_event syn = { .type = ATXF_EV_SYN, .code = ATXF_SYN_REPORT };

	atxf_input_report(dev, &ev);
	atxf_input_report(dev, &syn);
}

#ifdef PS2KBD_CRASH_ON_KEY
/*
 * The test build ps2-keyboard-crash.atxf (drivers/build.mk) dies of a page
 * fault when this key is pressed, so a scenario can show that a crashing
 * driver is restarted and typing comes back. Never in the real driver.
 */
static void crash_on_test_key(const struct kbd_out *out)
{
	if (out->code == PS2KBD_CRASH_ON_KEY && out->value == ATXF_KEY_PRESS)
		*(volatile int *)0 = 1;
}
#elif defined(PS2KBD_HANG_ON_KEY)
/*
 * The test build ps2-keyboard-hang.atxf spins forever when this key is
 * pressed, never returning to the framework: devmgr's heartbeat must
 * notice and restart it. Never in the real driver.
 */
static void crash_on_test_key(const struct kbd_out *out)
{
	if (out->code == PS2KBD_HANG_ON_KEY && out->value == ATXF_KEY_PRESS)
		for (volatile int spin = 1; spin;)
			;
}
#else
static void crash_on_test_key(const struct kbd_out *out)
{
	(void)out;
}
#endif

static void on_irq(struct atxf_device *dev, unsigned n)
{
	struct kbd_out out;
	uint8_t byte;

	(void)n;
	for (int i = 0; i < KBD_BYTES_PER_IRQ && i8042_take(0, &byte); i++) {
		kbd_feed(&kbd, byte, &out);
		if (out.has_key) {
			crash_on_test_key(&out);
			report_key(dev, &out);
		}
		send_to_keyboard(dev, out.send);
	}
}

static void on_timer(struct atxf_device *dev)
{
	(void)dev;
	kbd_tick(&kbd);
}

static int on_set_leds(struct atxf_device *dev, uint32_t leds)
{
	send_to_keyboard(dev, kbd_set_leds(&kbd, (uint8_t)leds));
	return 0;
}

static const struct atxf_input_ops input_ops = { .set_leds = on_set_leds };
static const struct atxf_driver ops = {
	.name = "ps2-keyboard",
	.probe = on_probe,
	.irq = on_irq,
	.timer = on_timer,
	.timer_ms = 100,
	ATXF_INPUT_OPS(input_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
