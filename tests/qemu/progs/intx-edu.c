/*
 * intx-edu.atxf: a driver for QEMU's edu device (1234:11e8) that prefers
 * INTx: its manifest asks for `pci-intx`, so devmgr grants the routed GSI
 * although the device has MSI (left disabled). The device raises its
 * interrupt through register 0x60 and drops it when 0x64 acknowledges the
 * status bits (edu.h); intx_test.h runs the rounds and logs the result.
 */
#include <atxf/driver.h>
#include <atxf/hw.h>
#include "edu.h"
#include "intx_test.h"

#define EDU_BIT 0x1u

ATXF_DRIVER_MANIFEST(
	.name = "intx-edu",
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
	.resources = { ATXF_RESOURCE_BAR(0), ATXF_RESOURCE_PCI_INTX() });

static int edu_setup(volatile uint8_t *regs)
{
	return (atxf_mmio_read32(regs + EDU_ID) & EDU_ID_MASK) == EDU_ID_VALUE ? 0 : -1;
}

static void edu_raise(volatile uint8_t *regs)
{
	atxf_mmio_write32(regs + EDU_IRQ_RAISE, EDU_BIT);
}

static int edu_take(volatile uint8_t *regs)
{
	uint32_t status = atxf_mmio_read32(regs + EDU_IRQ_STATUS);

	if (status)
		atxf_mmio_write32(regs + EDU_IRQ_ACK, status);
	return status != 0;
}

static const struct intx_ops edu_ops = { edu_setup, edu_raise, edu_take };

INTX_TEST_DRIVER("intx-edu", edu_ops)
