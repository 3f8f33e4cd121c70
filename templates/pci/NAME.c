/*
 * @NAME@: an ATXF driver for a PCI device matched by vendor and device ID,
 * with an MMIO BAR and the PCI interrupt: QEMU's educational device
 * (-device edu). It computes factorials for its clients over a private
 * protocol, answered through the framework's .other callback.
 *
 * This file connects the device logic (@NAME@_dev.c) to the SDK's driver
 * framework: the manifest devmgr matches and grants from, the callbacks,
 * and main. The framework maps the granted BAR before on_probe runs.
 */
#include <atxf/driver.h>
#include <atxf/port.h>
#include "@NAME@_dev.h"
#include "@NAME@_proto.h"
#include "@NAME@_reg.h"

#define @UPPER@_TIMEOUT_NS 100000000ull     /* 100 ms: the device takes microseconds */

ATXF_DRIVER_MANIFEST(
	.name = "@NAME@",
	.device_class = ATXF_CLASS_NONE,
	.match = { ATXF_MATCH_PCI(EDU_VENDOR, EDU_DEVICE) },
	.resources = { ATXF_RESOURCE_BAR(EDU_BAR), ATXF_RESOURCE_PCI_IRQ() });

static struct @IDENT@_edu edu;

static int on_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);
	int err;

	if (!bar || !bar->mapped || bar->size < EDU_BAR_SIZE)
		return -ATXF_ENODEV;
	err = @IDENT@_init(&edu, bar->mapped);
	if (err)
		atxf_device_log(dev, "BAR 0 at %#llx is not an edu device that answers (%d)",
				(unsigned long long)bar->base, err);
	else
		atxf_device_log(dev, "edu %u.%u", edu.version >> 8, edu.version & 0xff);
	return err;
}

/* An interrupt nobody waits for (say, from IRQ_RAISE): clear it at the device. */
static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)dev;
	(void)n;
	@IDENT@_irq_ack(&edu);
}

/*
 * An interrupt may be one left over from an earlier factorial that finished
 * before we waited for it, so the device's status decides, not the
 * interrupt: wait again while it is still busy.
 */
static int factorial(struct atxf_device *dev, uint32_t n, uint32_t *result)
{
	int err = @IDENT@_factorial_start(&edu, n);

	while (err == 0 && (err = @IDENT@_factorial_result(&edu, result)) == -ATXF_EAGAIN) {
		if (atxf_device_wait_irq(dev, @UPPER@_TIMEOUT_NS) != 0)
			return -ATXF_ETIMEDOUT;
		@IDENT@_irq_ack(&edu);
		err = 0;
	}
	return err;
}

static int on_other(struct atxf_device *dev, const struct atxf_msg *req, struct atxf_msg *reply)
{
	uint32_t n, result;
	int err;

	if (req->type != @UPPER@_FACTORIAL)
		return -ATXF_ENOSYS;
	if (req->len != sizeof(n) || atxf_msg_get(req, 0, &n, sizeof(n)) != 0)
		return -ATXF_EPROTO;
	err = factorial(dev, n, &result);
	if (err)
		return err;
	return atxf_msg_put(reply, &result, sizeof(result));
}

static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	@IDENT@_stop(&edu);
}

static const struct atxf_driver ops = {
	.name = "@NAME@",
	.probe = on_probe,
	.irq = on_irq,
	.remove = on_remove,
	.other = on_other,
};

int main(void)
{
	return atxf_driver_run(&ops);
}
