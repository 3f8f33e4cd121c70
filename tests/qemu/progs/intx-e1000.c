/*
 * intx-e1000.atxf: a driver for QEMU's e1000 (8086:100e, the 82540EM),
 * which has no MSI: its manifest asks for the plain `pci-irq`, and devmgr
 * grants INTx. The interrupt is made in software (82540EM manual §13.4.17
 * ICR, §13.4.18 ICS, §13.4.20 IMS, §13.4.21 IMC): all causes masked but
 * one, that cause set through ICS; reading ICR clears every cause and
 * drops the line. intx_test.h runs the rounds and logs the result.
 */
#include <atxf/driver.h>
#include <atxf/hw.h>
#include "intx_test.h"

#define E1000_STATUS 0x0008u
#define E1000_ICR    0x00c0u    /* read: causes, cleared by the read */
#define E1000_ICS    0x00c8u    /* write: set causes */
#define E1000_IMS    0x00d0u    /* write: enable causes */
#define E1000_IMC    0x00d8u    /* write: disable causes */
#define E1000_RXDMT0 0x0010u    /* a receive cause: with receive off, only ICS sets it */

ATXF_DRIVER_MANIFEST(
	.name = "intx-e1000",
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PCI(0x8086, 0x100e) },
	.resources = { ATXF_RESOURCE_BAR(0), ATXF_RESOURCE_PCI_IRQ() });

static int e1000_setup(volatile uint8_t *regs)
{
	if (atxf_mmio_read32(regs + E1000_STATUS) == 0xffffffffu)
		return -1;                      /* nothing decodes there */
	atxf_mmio_write32(regs + E1000_IMC, 0xffffffffu);
	(void)atxf_mmio_read32(regs + E1000_ICR);
	atxf_mmio_write32(regs + E1000_IMS, E1000_RXDMT0);
	return 0;
}

static void e1000_raise(volatile uint8_t *regs)
{
	atxf_mmio_write32(regs + E1000_ICS, E1000_RXDMT0);
}

static int e1000_take(volatile uint8_t *regs)
{
	return (atxf_mmio_read32(regs + E1000_ICR) & E1000_RXDMT0) != 0;
}

static const struct intx_ops e1000_ops = { e1000_setup, e1000_raise, e1000_take };

INTX_TEST_DRIVER("intx-e1000", e1000_ops)
