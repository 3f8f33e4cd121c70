/*
 * The HBA (AHCI 1.3.1 §10.4.3, §5.5.3): reset, AHCI mode, interrupts,
 * register access and bounded waits. Exercised on q35's ICH9 AHCI
 * (00:1f.2) and QEMU's -device ahci (hw/ide/ahci.c).
 */
#include <atxf/errors.h>
#include <atxf/sys.h>
#include "ahci.h"

uint32_t ahci_rd(const struct ahci_port *p, unsigned reg)
{
	return atxf_mmio_read32(p->regs + reg);
}

void ahci_wr(struct ahci_port *p, unsigned reg, uint32_t v)
{
	atxf_mmio_write32(p->regs + reg, v);
}

static uint32_t hba_rd(const struct ahci_hba *h, unsigned reg)
{
	return atxf_mmio_read32(h->abar + reg);
}

static void hba_wr(struct ahci_hba *h, unsigned reg, uint32_t v)
{
	atxf_mmio_write32(h->abar + reg, v);
}

/* Polls until (reg & mask) == want, sleeping between reads; the bound is
 * wall time, so it holds on a loaded machine. */
int ahci_wait(const struct ahci_port *p, unsigned reg, uint32_t mask, uint32_t want, unsigned ms)
{
	uint64_t end = atxf_time_ns() + (uint64_t)ms * 1000000ull;

	for (;;) {
		if ((ahci_rd(p, reg) & mask) == want)
			return 0;
		if (atxf_time_ns() > end)
			return -ATXF_ETIMEDOUT;
		atxf_sleep_ns(50000);
	}
}

/* §10.4.3: GHC.HR resets the HBA and every port; it reads 1 until done
 * (at most 1 s). AE before and after: an HBA that also speaks legacy IDE
 * (CAP.SAM 0) leaves AHCI mode on reset; QEMU's keeps AE set. */
int ahci_hba_reset(struct ahci_hba *h)
{
	uint64_t end;

	hba_wr(h, AHCI_GHC, AHCI_GHC_AE);
	hba_wr(h, AHCI_GHC, AHCI_GHC_AE | AHCI_GHC_HR);
	end = atxf_time_ns() + 1000000000ull;
	while (hba_rd(h, AHCI_GHC) & AHCI_GHC_HR) {
		if (atxf_time_ns() > end)
			return -ATXF_ETIMEDOUT;
		atxf_sleep_ns(100000);
	}
	hba_wr(h, AHCI_GHC, AHCI_GHC_AE);
	if (!(hba_rd(h, AHCI_GHC) & AHCI_GHC_AE))
		return -ATXF_ENODEV;
	h->cap = hba_rd(h, AHCI_CAP);
	h->pi = hba_rd(h, AHCI_PI);
	for (unsigned i = 0; i < AHCI_MAX_PORTS; i++) {
		h->port[i].hba = h;
		h->port[i].no = i;
		h->port[i].regs = h->abar + AHCI_PORT(i);
	}
	return 0;
}

/* §5.5.3: for each port IS names, clear PxIS (write 1s) before IS, then
 * act on what PxIS said. Loop until IS is clear: with MSI an event that
 * came while we worked raised a new message, but one more pass is cheap. */
void ahci_hba_irq(struct ahci_hba *h)
{
	uint32_t is;

	while ((is = hba_rd(h, AHCI_IS) & h->pi) != 0) {
		for (unsigned i = 0; i < AHCI_MAX_PORTS; i++) {
			struct ahci_port *p = &h->port[i];
			uint32_t pis;

			if (!(is & (1u << i)))
				continue;
			pis = ahci_rd(p, PX_IS);
			ahci_wr(p, PX_IS, pis);
			if (p->dev)
				ahci_port_events(p, pis);
		}
		hba_wr(h, AHCI_IS, is);
	}
}

void ahci_hba_stop(struct ahci_hba *h)
{
	hba_wr(h, AHCI_GHC, AHCI_GHC_AE);          /* interrupts off */
	for (unsigned i = 0; i < AHCI_MAX_PORTS; i++)
		if (h->port[i].dev) {
			ahci_wr(&h->port[i], PX_IE, 0);
			(void)ahci_port_engines(&h->port[i], false);
		}
}
