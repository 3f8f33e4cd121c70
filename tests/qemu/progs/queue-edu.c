/*
 * queue-edu.atxf: a block-class test driver whose "disk" is computed and
 * whose completion comes from QEMU's edu device, so requests finish
 * asynchronously, from the interrupt, and out of order
 * (tests/qemu/scenarios_queues.py).
 *
 *   start line: `with mmio:BAR0+0x100000:rw msi:00:10.0:r` (the manifest's
 *   order: BAR 0, then the interrupt); registers "queue-edu0".
 *
 * Every READ (call or ring) is deferred: .read keeps its request handle
 * (atxf_request_current) and returns ATXF_PENDING, and makes the edu raise
 * its interrupt (register 0x60) if it has not already. Each interrupt
 * (.irq; acked at 0x64) completes up to QE_PER_IRQ of the held requests,
 * picked by a stride through them rather than oldest first, fills each one's
 * sectors with the pattern of its sector numbers (what a DMA engine would
 * have written), and raises the interrupt again while any are left (the
 * sectors' contents: queue_pattern.h).
 *
 * The process serves three devices (atxf_device_add from probe): its own
 * "queue-edu0" and "queue-edu0p1", "queue-edu0p2", each a disk of its own
 * (device k's sector s holds the pattern of QUEUE_DISK(k) + s) sharing the
 * one edu and its interrupt, as AHCI ports share their controller.
 *
 * Reads of the upper half of a disk "hang" (queue_pattern.h): the device
 * never finishes them, so they end only when the framework cancels them:
 * QUEUE_STUCK sectors when their client goes away (a ring's client ends, a
 * caller gives up its call: SYS_CALL_WATCH), QUEUE_SLOW ones after
 * a 300 ms timeout (atxf_request_timeout). Each time the last such request
 * ends, the driver logs how many ended and why. Output:
 *   queue-edu0: N requests pending at once          (each new maximum of 16 k)
 *   queue-edu0: N hung requests cancelled (G client gone, T timed out)
 *   queue-edu0: FAIL: ...
 */
#include <atxf/driver.h>
#include <atxf/hw.h>
#include <atxf/sys.h>
#include "edu.h"
#include "queue_pattern.h"

#define QE_PER_IRQ 9u
#define QE_BIT     0x1u

ATXF_DRIVER_MANIFEST(
	.name = "queue-edu",
	.device_class = ATXF_CLASS_BLOCK,
	.flags = ATXF_MANIFEST_F_NO_RESTART,
	.match = { ATXF_MATCH_PCI(0x1234, 0x11e8) },
	.resources = { ATXF_RESOURCE_BAR(0), ATXF_RESOURCE_PCI_IRQ() });

struct held {
	struct atxf_request *req;
	uint64_t sector;                /* with the disk's base */
	uint32_t count;
	uint8_t *buf;
};

static struct {
	volatile uint8_t *regs;
	struct held held[ATXF_DRIVER_MAX_DEVICES * ATXF_DRIVER_MAX_REQUESTS];
	unsigned nheld, most, irqs;
	struct atxf_request *hung[ATXF_DRIVER_MAX_REQUESTS];
	unsigned nhung, gone, timed_out;
	int raised;
} qe;

static void raise_irq(void)
{
	if (qe.raised)
		return;
	qe.raised = 1;
	atxf_mmio_write32(qe.regs + EDU_IRQ_RAISE, QE_BIT);
}

static const struct atxf_driver qe_part;

/* The two more disks, each its own device of this process. */
static int add_parts(struct atxf_device *dev)
{
	static const char *const names[] = { "queue-edu0p1", "queue-edu0p2" };

	for (uintptr_t k = 1; k <= 2; k++) {
		struct atxf_device *part = atxf_device_add(dev, &qe_part, ATXF_CLASS_BLOCK,
							   names[k - 1]);

		if (!part) {
			atxf_device_log(dev, "FAIL: atxf_device_add(%s)", names[k - 1]);
			return -ATXF_ENOSPC;
		}
		part->priv = (void *)k;
		part->info.block = (struct atxf_block_info){ .sector_size = QUEUE_SECTOR,
							     .sectors = QUEUE_SECTORS - k };
	}
	atxf_device_log(dev, "serving 3 devices: queue-edu0 queue-edu0p1 queue-edu0p2");
	return 0;
}

static int qe_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);

	if (!bar || !bar->mapped) {
		atxf_device_log(dev, "FAIL: no BAR 0 mapping");
		return -ATXF_EPERM;
	}
	qe.regs = (volatile uint8_t *)bar->mapped;
	if ((atxf_mmio_read32(qe.regs + EDU_ID) & EDU_ID_MASK) != EDU_ID_VALUE) {
		atxf_device_log(dev, "FAIL: BAR 0 is not an edu");
		return -ATXF_ENODEV;
	}
	dev->info.block = (struct atxf_block_info){ .sector_size = QUEUE_SECTOR,
						    .sectors = QUEUE_SECTORS };
	return add_parts(dev);
}

static int qe_read(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	struct atxf_request *r = atxf_request_current(dev);

	if (!r)
		return -ATXF_EAGAIN;
	if (sector >= QUEUE_STUCK && qe.nhung < ATXF_DRIVER_MAX_REQUESTS) {
		/* The device never answers these: only a cancel ends them. */
		if (sector >= QUEUE_SLOW)
			atxf_request_timeout(r, 300000000ull);
		qe.hung[qe.nhung++] = r;
		return ATXF_PENDING;
	}
	qe.held[qe.nheld++] = (struct held){ r, QUEUE_DISK((uintptr_t)dev->priv) + sector,
					     count, buf };
	if (qe.nheld > qe.most) {
		qe.most = qe.nheld;
		if (qe.most % 16 == 0)
			atxf_device_log(dev, "%u requests pending at once", qe.most);
	}
	raise_irq();
	return ATXF_PENDING;
}

static void finish(struct atxf_device *dev, unsigned i)
{
	struct held h = qe.held[i];
	int err;

	queue_fill(h.buf, h.sector, h.count);
	qe.held[i] = qe.held[--qe.nheld];
	err = atxf_request_complete(h.req, 0, h.count * QUEUE_SECTOR);
	if (err)
		atxf_device_log(dev, "FAIL: completing a held request: %s", atxf_strerror(err));
}

static void qe_irq(struct atxf_device *dev, unsigned n)
{
	uint32_t status = atxf_mmio_read32(qe.regs + EDU_IRQ_STATUS);

	(void)n;
	if (!status)
		return;
	atxf_mmio_write32(qe.regs + EDU_IRQ_ACK, status);
	qe.raised = 0;
	qe.irqs++;
	/* A stride through the held ones: the ring sees them out of order. */
	for (unsigned k = 0; k < QE_PER_IRQ && qe.nheld; k++)
		finish(dev, (qe.irqs * 7u + k * 5u) % qe.nheld);
	if (qe.nheld)
		raise_irq();
}

/* Cancelled (client gone, timeout, STOP): forget it, never complete it. */
/* A hung request cancelled: counted, and the tally logged when none is left. */
static int hung_cancelled(struct atxf_device *dev, struct atxf_request *req, int why)
{
	for (unsigned i = 0; i < qe.nhung; i++) {
		if (qe.hung[i] != req)
			continue;
		qe.hung[i] = qe.hung[--qe.nhung];
		qe.gone += why == -ATXF_EPEER;
		qe.timed_out += why == -ATXF_ETIMEDOUT;
		if (why != -ATXF_EPEER && why != -ATXF_ETIMEDOUT && why != -ATXF_ENODEV)
			atxf_device_log(dev, "FAIL: a request cancelled with %s", atxf_strerror(why));
		if (qe.nhung == 0)
			atxf_device_log(dev->parent ? dev->parent : dev,
					"%u hung requests cancelled (%u client gone, %u timed out)",
					qe.gone + qe.timed_out, qe.gone, qe.timed_out);
		return 1;
	}
	return 0;
}

static void qe_cancel(struct atxf_device *dev, struct atxf_request *req, int why)
{
	if (hung_cancelled(dev, req, why))
		return;
	for (unsigned i = 0; i < qe.nheld; i++)
		if (qe.held[i].req == req) {
			qe.held[i] = qe.held[--qe.nheld];
			return;
		}
}

static const struct atxf_driver qe_part = {
	.name = "queue-edu",
	.cancel = qe_cancel,
	.block = { .read = qe_read },
};

static const struct atxf_driver qe_driver = {
	.name = "queue-edu",
	.probe = qe_probe,
	.irq = qe_irq,
	.cancel = qe_cancel,
	.block = { .read = qe_read },
};

int main(void)
{
	return atxf_driver_run(&qe_driver);
}
