/*
 * The legacy 8259A pair. We use the APICs, but the PICs still exist on a PC
 * (MADT PCAT_COMPAT): remap them off the exception vectors (their BIOS
 * default, 8..15, would alias #DF..#PF) and mask every line, so a stray
 * interrupt can only arrive as a harmless spurious vector.
 * Intel 8259A datasheet, "Initialization Command Words". QEMU: i8259.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pic.h"
#include "arch/x86_64/vectors.h"

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1

#define ICW1_INIT_ICW4 0x11     /* edge, cascade, ICW4 follows */
#define ICW4_8086      0x01
#define CASCADE_IRQ    2        /* the slave hangs off master line 2 */

void pic_disable(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, VEC_PIC_BASE);          /* ICW2: vector offsets */
	outb(PIC2_DATA, VEC_PIC_BASE + 8);
	outb(PIC1_DATA, 1 << CASCADE_IRQ);      /* ICW3: cascade wiring */
	outb(PIC2_DATA, CASCADE_IRQ);
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	outb(PIC1_DATA, 0xff);                  /* OCW1: mask all */
	outb(PIC2_DATA, 0xff);
}
