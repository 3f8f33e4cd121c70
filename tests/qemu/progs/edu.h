/*
 * QEMU's `edu` PCI device (1234:11e8), the registers its test programs use.
 * QEMU docs/specs/edu.rst: BAR0 is 1 MiB of MMIO; below 0x80 only 32-bit
 * accesses are allowed. Writing the raise register ORs the value into the
 * interrupt status and raises the interrupt (INTx by default, level: it
 * stays asserted until the status is acknowledged back to 0).
 */
#ifndef PROGS_EDU_H
#define PROGS_EDU_H

#define EDU_ID          0x00    /* RO: 0xRRrr00ed */
#define EDU_ID_MASK     0xffu
#define EDU_ID_VALUE    0xedu
#define EDU_IRQ_STATUS  0x24    /* RO: values that raised the interrupt */
#define EDU_IRQ_RAISE   0x60    /* WO: status |= value, interrupt raised */
#define EDU_IRQ_ACK     0x64    /* WO: status &= ~value; lowered at 0 */
#define EDU_MAP_SIZE    4096u   /* the registers above, one page of BAR0 */

#endif
