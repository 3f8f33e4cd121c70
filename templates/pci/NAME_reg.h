/*
 * @NAME@_reg.h: QEMU's educational PCI device ("edu", -device edu), from
 * QEMU's docs/specs/edu.rst: PCI ID 1234:11e8, BAR 0 = 1 MiB of MMIO.
 * Registers below 0x80 take 32-bit accesses only ("MMIO area spec").
 */
#ifndef @UPPER@_REG_H
#define @UPPER@_REG_H

#define EDU_VENDOR        0x1234
#define EDU_DEVICE        0x11e8
#define EDU_BAR           0         /* "PCI Region 0" */
#define EDU_BAR_SIZE      0x100000

#define EDU_ID            0x00      /* RO: 0xRRrr00ed, RR.rr the version */
#define EDU_LIVENESS      0x04      /* RW: reads back the inverse (~) of what was written */
#define EDU_FACTORIAL     0x08      /* RW: write n, read n! once STATUS_BUSY clears */
#define EDU_STATUS        0x20      /* RW, bitwise OR of: */
#define   EDU_STATUS_BUSY       0x01    /* computing a factorial (RO) */
#define   EDU_STATUS_IRQ_DONE   0x80    /* interrupt when the factorial is done */
#define EDU_IRQ_STATUS    0x24      /* RO: what raised the interrupt */
#define EDU_IRQ_RAISE     0x60      /* WO: ORs the value into IRQ_STATUS and interrupts */
#define EDU_IRQ_ACK       0x64      /* WO: clears those bits; the ISR must, or it fires again */

#define EDU_ID_MAGIC      0xed      /* low byte of EDU_ID */
#define EDU_IRQ_FACTORIAL 0x00000001    /* IRQ_STATUS bit of a finished factorial */

#endif
