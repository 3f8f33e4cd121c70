/* The interrupt descriptor table: 256 gates into isr.S's entry routines. */
#ifndef ARCH_X86_64_IDT_H
#define ARCH_X86_64_IDT_H

/* Fills the table (once) and loads it on this CPU. */
void idt_load(void);

#endif
