/*
 * The IDT (SDM vol. 3 §6.14.1): every vector is a 64-bit interrupt gate
 * (interrupts off on entry) into the entry routine isr.S generated for it. Double
 * fault, NMI and machine check run on their own IST stacks, so they work even
 * when the faulting stack is gone (a kernel stack overflow into its guard
 * page ends as a double fault).
 */
#include <stdint.h>
#include "arch/x86_64/arch_cpu.h"
#include "arch/x86_64/idt.h"

#define GATE_INTERRUPT 0x8e     /* P, DPL 0, type 0xe: 64-bit interrupt gate */

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;            /* bits 0..2: IST index, 0 = no stack switch */
	uint8_t type_attr;
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __attribute__((packed));

extern const uint64_t isr_stub_table[256];     /* isr.S */

static struct idt_gate idt[256] __attribute__((aligned(16)));

static void set_gate(int vec, uint64_t handler, uint8_t ist)
{
	idt[vec] = (struct idt_gate){
		.offset_low = handler & 0xffff,
		.selector = SEL_KCODE,
		.ist = ist,
		.type_attr = GATE_INTERRUPT,
		.offset_mid = (handler >> 16) & 0xffff,
		.offset_high = handler >> 32,
	};
}

static void idt_fill(void)
{
	for (int v = 0; v < 256; v++)
		set_gate(v, isr_stub_table[v], 0);
	idt[2].ist = IST_NMI;
	idt[8].ist = IST_DOUBLE_FAULT;
	idt[18].ist = IST_MACHINE_CHECK;
}

void idt_load(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) ptr = { sizeof(idt) - 1, (uint64_t)idt };

	if (!idt[0].type_attr)
		idt_fill();
	__asm__ volatile("lidt %0" : : "m"(ptr));
}
