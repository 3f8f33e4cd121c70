/*
 * dma-orphan-check.atxf: the other half of the dma-orphan-stopped
 * scenario (see dma-orphan.c), started with the same capabilities. It
 * watches dma-orphan's port, sends GO, and once that port is dead checks
 * that bus mastering of edu is off; it waits for edu to finish the
 * transfer the dead one left, then turns bus mastering on and reads edu's
 * buffer back: it must not hold the dead one's pattern (the device never
 * read the freed memory). Output:
 *   dma-orphan: bus mastering was off after the armed driver ended
 *   dma-orphan: the transfer it left did not read its freed memory: ok
 * Exit 0, or 1 after `dma-orphan: FAIL: ...`.
 */
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/port.h>
#include "dma_orphan.h"
#include "edu_dma.h"

#define LOOKUP_NS   30000000000ull
#define NOTICE_NS   30000000000ull
#define DEATH_BIT   (1ull << 3)

static int fail(const char *what, int err)
{
	atxf_log("dma-orphan: FAIL: %s: %s\n", what, atxf_strerror(err));
	return 1;
}

/* Sends GO to the armed one and waits for its port's death notice. */
static int outlive_arm(atxf_handle_t self)
{
	atxf_handle_t armed = atxf_name_lookup(DMA_ORPHAN_NAME, LOOKUP_NS);
	struct atxf_msg req, reply, m;
	int err;

	if (armed < 0)
		return fail("looking up dma-orphan", armed);
	if ((err = atxf_port_watch(armed, self, DEATH_BIT)) < 0)
		return fail("watching its port", err);
	atxf_msg_init(&req, DMA_ORPHAN_GO);
	if ((err = atxf_call(armed, &req, &reply, NOTICE_NS)) < 0)
		return fail("sending GO", err);
	if ((err = atxf_recv(self, &m, NOTICE_NS)) < 0 || m.type != ATXF_MSG_NOTIFY)
		return fail("no death notice from the armed one", err < 0 ? err : -ATXF_EPROTO);
	return 0;
}

/* edu's buffer read back into page 1 of a buffer of our own. */
static int read_back(atxf_handle_t pci, volatile uint8_t *regs, int *holds_pattern)
{
	struct atxf_dma_tag tag = { .pci = pci, .addr_bits = EDU_DMA_BITS };
	struct atxf_dma own;
	int err;

	edu_enable(pci);
	if ((err = atxf_dma_alloc(&tag, 2 * 4096, &own)) < 0)
		return fail("allocating a DMA buffer", err);
	if ((err = edu_dma(regs, own.bus_addr + 4096, EDU_DMA_XFER, 1)) < 0)
		return fail("reading edu's buffer back", err);
	*holds_pattern = edu_holds((volatile uint8_t *)(uintptr_t)(own.vaddr + 4096),
				   EDU_DMA_XFER, DMA_ORPHAN_SALT);
	return 0;
}

int main(void)
{
	struct atxf_cap_info pci_info, mmio_info;
	atxf_handle_t pci = given_cap(ATXF_CAP_PCI, &pci_info);
	atxf_handle_t mmio = given_cap(ATXF_CAP_MMIO, &mmio_info);
	atxf_handle_t self = atxf_port_create();
	volatile uint8_t *regs;
	uint64_t end;
	int holds = 0;

	if (pci < 0 || mmio < 0 || self < 0)
		return fail("finding a PCI and an MMIO capability", -ATXF_EPERM);
	if (!(regs = edu_map(pci, mmio, &mmio_info)))
		return fail("mapping edu's BAR0", -ATXF_ERANGE);
	if (outlive_arm(self))
		return 1;
	if (atxf_pci_read16(pci, PCI_COMMAND_REG) & PCI_CMD_MASTER)
		return fail("bus mastering still on after the armed driver ended", -ATXF_EBUSY);
	atxf_log("dma-orphan: bus mastering was off after the armed driver ended\n");
	end = atxf_time_ns() + EDU_DMA_WAIT_NS;
	while (atxf_mmio_read64(regs + EDU_DMA_CMD) & EDU_DMA_START) {
		if (atxf_time_ns() > end)
			return fail("edu never finished the transfer", -ATXF_ETIMEDOUT);
		atxf_sleep_ns(10000000ull);
	}
	if (read_back(pci, regs, &holds))
		return 1;
	if (holds)
		return fail("edu read the dead driver's freed memory", -ATXF_EIO);
	atxf_log("dma-orphan: the transfer it left did not read its freed memory: ok\n");
	return 0;
}
