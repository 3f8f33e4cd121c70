/*
 * i8042.h: access to the PC keyboard controller, shared by ps2-keyboard and
 * ps2-mouse. Touches ports 0x60 and 0x64 only through <atxf/hw.h>, so the
 * host tests run it against a fake controller.
 *
 * Sharing rule (both drivers' first comments repeat it): the keyboard
 * driver owns the controller. Only it writes the command byte, enables the
 * ports and sends keyboard commands; it sets the controller up before it
 * registers its instance name with the name service ("ps2-keyboard.i8042"
 * under devmgr), and enables both ports and both interrupts. The mouse
 * driver waits for that name ("ps2-keyboard" + the device part of its own
 * instance name, ps2_mouse.c), then only sends its own device commands
 * with the CMD_WRITE_AUX (0xD4) prefix.
 * Each driver reads port 0x60 only while the status register says the
 * waiting byte is its own (STS_AUX_OBF clear: keyboard; set: mouse).
 */
#ifndef I8042_H
#define I8042_H

#include <stdint.h>

/* The keyboard driver's setup: ports and IRQs on, translation on. */
int i8042_setup(void);
/* Writes a controller command; -ATXF_ETIMEDOUT if the controller stays busy. */
int i8042_command(uint8_t cmd);
/* Writes a byte to the keyboard (port 0x60). */
int i8042_write_data(uint8_t value);
/* Sends a command to the aux device and waits for its ACK. */
int i8042_aux_command(uint8_t cmd);
/* 1 and the byte if one from the given side (aux or keyboard) waits, else 0. */
int i8042_take(int aux, uint8_t *byte);

#endif
