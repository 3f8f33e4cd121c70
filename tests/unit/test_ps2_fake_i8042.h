/*
 * A fake i8042 keyboard controller for the PS/2 driver tests: the output
 * buffer (a queue, as QEMU keeps one), the status bits OBF and AUX_OBF, the
 * command byte, the 0x60/0xD4 commands that take a data byte, and devices
 * that answer ACK (0xFA) to the bytes written to them.
 */
#ifndef TEST_PS2_FAKE_I8042_H
#define TEST_PS2_FAKE_I8042_H

#include <stdint.h>

#define FAKE_I8042_QUEUE 64

struct fake_i8042 {
	uint8_t out[FAKE_I8042_QUEUE];      /* bytes waiting at port 0x60 */
	uint8_t out_aux[FAKE_I8042_QUEUE];  /* 1: that byte is the mouse's */
	unsigned head, tail;
	uint8_t config;                     /* the command byte */
	uint8_t pending;                    /* a command waiting for its data byte */
	int kbd_enabled, aux_enabled;
	uint8_t cmds[32];                   /* controller commands written */
	unsigned ncmds;
	uint8_t kbd_rx[32];                 /* bytes written to the keyboard */
	unsigned nkbd;
	uint8_t aux_rx[32];                 /* bytes written to the mouse */
	unsigned naux;
	int kbd_acks;                       /* the keyboard answers ACK */
	int aux_resends;                    /* RESENDs the mouse answers first */
	int aux_silent;                     /* the mouse answers nothing */
};

/* Resets the fake hardware and puts f at ports 0x60 and 0x64. */
void fake_i8042_install(struct fake_i8042 *f);
void fake_i8042_push(struct fake_i8042 *f, uint8_t byte, int aux);
unsigned fake_i8042_waiting(const struct fake_i8042 *f);

#endif
