/*
 * The INTx check both intx test drivers run (intx-edu.c, intx-e1000.c;
 * tests/qemu/scenarios_intx.py): the device raises its interrupt
 * INTX_ROUNDS times, one after the other, and each must arrive as a call
 * of .irq on the line devmgr granted. The line may be shared: a
 * notification the device did not raise (its status is clear) is another
 * device's and is only counted. Lines, with INSTANCE the framework's name:
 *   INSTANCE: INTx on GSI G
 *   INSTANCE: SYS_ACPI_TABLE without ROOT: EPERM ok
 *   INSTANCE: 5 of 5 interrupts arrived on GSI G (K from other devices)
 *   INSTANCE: FAIL: ...
 * A driver supplies its device's three steps in struct intx_ops and
 * declares itself with INTX_TEST_DRIVER().
 */
#ifndef PROGS_INTX_TEST_H
#define PROGS_INTX_TEST_H

#include <stdint.h>
#include <atxf/driver.h>
#include <atxf/hw.h>
#include <atxf/sys.h>

#define INTX_ROUNDS     5
#define INTX_TIMER_MS   250
#define INTX_PATIENCE   20      /* ticks without an interrupt: 5 s, for a loaded TCG host */

struct intx_ops {
	int (*setup)(volatile uint8_t *regs);           /* 0, or why it is not the device */
	void (*raise)(volatile uint8_t *regs);
	int (*take)(volatile uint8_t *regs);            /* 1 and cleared if it was ours */
};

static struct {
	const struct intx_ops *ops;
	volatile uint8_t *regs;
	uint64_t gsi;
	unsigned mine, others, idle;
	int done;
} intx;

/* The line devmgr granted: pci-intx, or pci-irq on a device without MSI. */
static const struct atxf_resource_grant *intx_line(struct atxf_device *dev)
{
	const struct atxf_resource_grant *g = atxf_device_resource(dev, ATXF_RES_PCI_INTX, 0);

	return g ? g : atxf_device_resource(dev, ATXF_RES_PCI_IRQ, 0);
}

static int intx_probe(struct atxf_device *dev, const struct intx_ops *ops)
{
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);
	const struct atxf_resource_grant *line = intx_line(dev);

	if (!bar || !bar->mapped || !line) {
		atxf_device_log(dev, "FAIL: no BAR 0 mapping or no interrupt line granted");
		return -ATXF_EPERM;
	}
	if (line->base & ATXF_IRQ_MSI) {
		atxf_device_log(dev, "FAIL: granted MSI (line 0x%llx), not INTx",
				(unsigned long long)line->base);
		return -ATXF_EINVAL;
	}
	intx.ops = ops;
	intx.regs = (volatile uint8_t *)bar->mapped;
	intx.gsi = line->base;
	if (ops->setup(intx.regs) < 0) {
		atxf_device_log(dev, "FAIL: BAR 0 is not the device's registers");
		return -ATXF_ENODEV;
	}
	atxf_device_log(dev, "INTx on GSI %llu", (unsigned long long)intx.gsi);
	/* devmgr read the routing with ROOT; a driver may not read the tables. */
	if (atxf_acpi_table("DSDT", NULL, 0) != -ATXF_EPERM)
		atxf_device_log(dev, "FAIL: SYS_ACPI_TABLE without ROOT was not refused");
	else
		atxf_device_log(dev, "SYS_ACPI_TABLE without ROOT: EPERM ok");
	ops->raise(intx.regs);
	return 0;
}

/* Called with the line masked; the framework acks it when this returns. */
static void intx_irq(struct atxf_device *dev, unsigned n)
{
	(void)n;
	if (!intx.ops->take(intx.regs)) {
		intx.others++;
		return;
	}
	intx.idle = 0;
	if (intx.done || ++intx.mine < INTX_ROUNDS) {
		if (!intx.done)
			intx.ops->raise(intx.regs);
		return;
	}
	intx.done = 1;
	atxf_device_log(dev, "%u of %u interrupts arrived on GSI %llu (%u from other devices)",
			intx.mine, INTX_ROUNDS, (unsigned long long)intx.gsi, intx.others);
}

static void intx_timer(struct atxf_device *dev)
{
	if (intx.done || ++intx.idle < INTX_PATIENCE)
		return;
	intx.done = 1;
	atxf_device_log(dev, "FAIL: no interrupt for %u ms on GSI %llu (%u of %u arrived)",
			INTX_PATIENCE * INTX_TIMER_MS, (unsigned long long)intx.gsi, intx.mine,
			INTX_ROUNDS);
}

/* The driver: the device's steps in ops, the rest is the check above. */
#define INTX_TEST_DRIVER(driver_name, ops)                                     \
	static int intx_on_probe(struct atxf_device *dev)                     \
	{                                                                     \
		return intx_probe(dev, &(ops));                               \
	}                                                                     \
	static const struct atxf_driver intx_driver = {                       \
		.name = (driver_name), .probe = intx_on_probe, .irq = intx_irq, \
		.timer = intx_timer, .timer_ms = INTX_TIMER_MS,               \
	};                                                                    \
	int main(void)                                                        \
	{                                                                     \
		return atxf_driver_run(&intx_driver);                         \
	}

#endif
