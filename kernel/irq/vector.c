/* Message-signalled interrupts' shared parts (irq/vector.h). */
#include <atxf/errors.h>
#include "arch/x86_64/lapic.h"
#include "arch/x86_64/vectors.h"
#include "irq/vector.h"
#include "pci/pcicfg.h"

#define LAPIC_MSI_BASE 0xfee00000u

#define WORDS ((VEC_MSI_COUNT + 63) / 64)

static uint64_t used[WORDS];            /* bit n: VEC_MSI_BASE + n taken */

_Static_assert(VEC_MSI_BASE + VEC_MSI_COUNT <= VEC_TIMER, "below the timer and IPIs");

int msg_vector_alloc(void)
{
	for (unsigned n = 0; n < VEC_MSI_COUNT; n++) {
		if (!(used[n / 64] & (1ull << (n % 64)))) {
			used[n / 64] |= 1ull << (n % 64);
			return (int)(VEC_MSI_BASE + n);
		}
	}
	return -ATXF_ENOSPC;
}

void msg_vector_free(unsigned vector)
{
	unsigned n = vector - VEC_MSI_BASE;

	if (vector >= VEC_MSI_BASE && n < VEC_MSI_COUNT)
		used[n / 64] &= ~(1ull << (n % 64));
}

uint32_t msg_address(void)
{
	return LAPIC_MSI_BASE | lapic_id() << 12;
}

void msg_function_enable(uint32_t bdf)
{
	uint32_t cmd = pci_cfg_read(bdf, PCI_COMMAND, 2);

	pci_cfg_write(bdf, PCI_COMMAND, 2, cmd | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |
		      PCI_COMMAND_INTX_DISABLE);
}
