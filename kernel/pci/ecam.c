/*
 * ECAM (pci/ecam.h). Only the first ECAM_BUSES buses of the window are
 * mapped: 1 MiB of address space per bus, and no machine we boot has more
 * (q35 puts everything on bus 0, bridges add a few); a bus past them goes
 * through mechanism #1, which q35 still decodes.
 */
#include "arch/x86_64/mcfg.h"
#include "lib/log.h"
#include "mm/kva.h"
#include "mm/vm.h"
#include "pci/ecam.h"

#define ECAM_BUSES   32
#define ECAM_BUS_SIZE (1u << 20)

static volatile uint8_t *window;        /* bus `first`'s function 0 */
static unsigned first, count;           /* buses mapped */

bool ecam_init(void)
{
	struct ecam_window w;

	if (!mcfg_segment0(&w))
		return false;
	count = (unsigned)(w.bus_last - w.bus_first) + 1;
	if (count > ECAM_BUSES)
		count = ECAM_BUSES;
	window = kva_map_phys(w.base, (size_t)count * ECAM_BUS_SIZE, VM_WRITE | VM_UNCACHED);
	if (!window) {
		klog("pci: ECAM at 0x%lx not mapped (out of memory); using ports 0xcf8/0xcfc",
		     w.base);
		return false;
	}
	first = w.bus_first;
	klog("pci: ECAM at 0x%lx, buses %u-%u mapped (ACPI MCFG)", w.base, first,
	     first + count - 1);
	return true;
}

volatile uint8_t *ecam_function(uint32_t bdf)
{
	unsigned bus = (bdf >> 8) & 0xff;

	if (!window || bus < first || bus - first >= count)
		return NULL;
	return window + ((uint64_t)(bdf & 0xffff) - ((uint64_t)first << 8)) * 4096u;
}
