/* The legacy 8259 PICs: remapped to VEC_PIC_BASE and fully masked. */
#ifndef ARCH_X86_64_PIC_H
#define ARCH_X86_64_PIC_H

void pic_disable(void);

#endif
