/*
 * i8042_reg.h: the PC keyboard controller (Intel 8042 and compatibles, QEMU's
 * "i8042" device), from the IBM PC/AT Technical Reference, "Keyboard
 * Controller" (status register, commands, command byte), and the PS/2
 * device commands of the IBM PS/2 Hardware Interface Technical Reference,
 * "Keyboard/Auxiliary Device Controller".
 */
#ifndef I8042_REG_H
#define I8042_REG_H

#define I8042_DATA       0x60   /* output buffer (read), input buffer (write) */
#define I8042_STATUS     0x64   /* status register (read) */
#define I8042_COMMAND    0x64   /* controller command (write) */

/* Status register. */
#define STS_OBF          0x01   /* output buffer full: a byte waits at 0x60 */
#define STS_IBF          0x02   /* input buffer full: do not write yet */
#define STS_AUX_OBF      0x20   /* the waiting byte came from the aux (mouse) port */

/* Controller commands (written to 0x64). */
#define CMD_READ_CONFIG  0x20   /* command byte -> output buffer */
#define CMD_WRITE_CONFIG 0x60   /* next byte at 0x60 -> command byte */
#define CMD_AUX_DISABLE  0xa7
#define CMD_AUX_ENABLE   0xa8
#define CMD_KBD_DISABLE  0xad
#define CMD_KBD_ENABLE   0xae
#define CMD_WRITE_AUX    0xd4   /* next byte at 0x60 goes to the aux device */

/* Command byte (controller configuration). */
#define CFG_KBD_IRQ      0x01   /* IRQ 1 when a keyboard byte arrives */
#define CFG_AUX_IRQ      0x02   /* IRQ 12 when an aux byte arrives */
#define CFG_KBD_CLOCK_OFF 0x10
#define CFG_AUX_CLOCK_OFF 0x20
#define CFG_TRANSLATE    0x40   /* translate the keyboard's set 2 to set 1 */

/* Replies of a PS/2 device. */
#define PS2_ACK          0xfa
#define PS2_RESEND       0xfe

/* Keyboard commands. */
#define KBD_SET_LEDS     0xed   /* followed by a byte: bit 0 scroll, 1 num, 2 caps */

/* Mouse commands (sent with CMD_WRITE_AUX). */
#define AUX_SET_DEFAULTS 0xf6   /* 100 samples/s, 4 counts/mm, stream mode */
#define AUX_ENABLE_DATA  0xf4   /* start sending movement packets */
#define AUX_DISABLE_DATA 0xf5

#endif
