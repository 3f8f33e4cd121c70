/*
 * What the 82574L adds to the e1000 family's registers (e1000_reg.h) for
 * MSI-X: 82574 datasheet §10.2.4 (ICR's queue causes) and §10.2.4.9 (IVAR).
 * QEMU: hw/net/e1000e_core.c.
 */
#ifndef E1000E_REG_H
#define E1000E_REG_H

#define E1000E_INT_RXQ0     (1u << 20)  /* receive queue 0 (MSI-X) */
#define E1000E_INT_TXQ0     (1u << 22)
#define E1000E_INT_OTHER    (1u << 24)  /* any cause but the queues' (MSI-X) */

/* IVAR: which MSI-X vector each cause goes to; 4 bits an entry, bit 3 valid. */
#define E1000E_IVAR         0x00e4u
#define   E1000E_IVAR_VALID     0x8u
#define   E1000E_IVAR_RXQ0(v)   ((E1000E_IVAR_VALID | (v)) << 0)
#define   E1000E_IVAR_TXQ0(v)   ((E1000E_IVAR_VALID | (v)) << 8)
#define   E1000E_IVAR_OTHER(v)  ((E1000E_IVAR_VALID | (v)) << 16)

#endif
