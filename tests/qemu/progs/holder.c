/*
 * holder.atxf: the victim of the kill scenario. It takes one of everything
 * the kernel must give back when a process dies, says so, and sleeps.
 *
 *   holder.atxf
 *   start line: `with irq:GSI:r dma:64K:w ioport:0x70-0x71:rw pci:BB:DD.F:r`
 *   (any order; the IRQ line is exclusive, so taker.atxf cannot bind it
 *   meanwhile; the DMA buffer is for that PCI function)
 *
 * Creates a port and registers it as "holder", binds the IRQ to it,
 * allocates its whole DMA budget and opens its I/O ports. Output:
 *   holder: port "holder", irq BASE bound, dma N KiB at bus 0xADDR, ioports 0xA-0xB
 *   holder: ready, sleeping
 * Then it sleeps until killed; a FAIL line and exit 1 if anything is refused.
 */
#include <stdio.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "caps.h"

static int fail(const char *what, int err)
{
	atxf_log("holder: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

int main(void)
{
	struct atxf_cap_info irq_info, dma_info, io_info, pci_info;
	atxf_handle_t irq = given_cap(ATXF_CAP_IRQ, &irq_info);
	atxf_handle_t budget = given_cap(ATXF_CAP_DMA, &dma_info);
	atxf_handle_t io = given_cap(ATXF_CAP_IOPORT, &io_info);
	atxf_handle_t port = atxf_port_create();
	struct atxf_dma_tag tag = { .pci = given_cap(ATXF_CAP_PCI, &pci_info), .addr_bits = 32 };
	struct atxf_dma dma;
	int err;

	if (irq < 0 || budget < 0 || io < 0)
		return fail("init gave no IRQ, DMA budget or I/O port capability", -ATXF_EPERM);
	if (port < 0)
		return fail("creating a port", port);
	err = atxf_irq_bind(irq, port, 0);
	if (err < 0)
		return fail("binding the IRQ", err);
	err = atxf_dma_alloc(&tag, dma_info.size, &dma);
	if (err < 0)
		return fail("allocating the DMA budget", err);
	err = atxf_name_register("holder", port);
	if (err < 0)
		return fail("registering \"holder\"", err);
	atxf_io_refresh();
	atxf_log("holder: port \"holder\", irq %llu bound, dma %llu KiB at bus 0x%llx, ioports 0x%llx-0x%llx\n",
		 (unsigned long long)irq_info.base, (unsigned long long)dma.size / 1024,
		 (unsigned long long)dma.bus_addr, (unsigned long long)io_info.base,
		 (unsigned long long)(io_info.base + io_info.size - 1));
	atxf_log("holder: ready, sleeping\n");
	fflush(stdout);
	for (;;)
		atxf_sleep_ns(ATXF_TIMEOUT_FOREVER);
}
