/*
 * nvme: an ATXF driver for QEMU's -device nvme (and its -device nvme-ns
 * namespaces): each active namespace is a block device (<atxf/driver/block.h>),
 * the first under the driver's instance name, the others added under
 * that name with '-' for '.' and "-ns" NSID after it (nvme-00-14-0-ns2). Reads, writes and flushes are deferred: they go
 * out on the I/O queue pairs (one per MSI-X vector after the admin
 * queue's) and complete from the vector's interrupt, up to NVME_CMDS at
 * once, their PRPs built straight from the bus addresses of the client's
 * buffer (<atxf/driver/block_dma.h>). A controller fatal status (CSTS.CFS) or a command past its time
 * limit resets the controller and sends what was in flight again. This
 * file is the contact with the framework; the device logic is
 * nvme_ctrl.c (bring-up, admin), nvme_io.c (commands), nvme_queue.c,
 * nvme_prp.c.
 */
#include <stdio.h>
#include <atxf/driver/block.h>
#include <atxf/driver/block_dma.h>
#include <atxf/sys.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>
#include "nvme_io.h"

#define NVME_MAX_NS     ATXF_DRIVER_MAX_DEVICES
#define WATCH_MS        100         /* how often CSTS and the time limits are checked */

ATXF_DRIVER_MANIFEST(
	.name = "nvme",
	.device_class = ATXF_CLASS_BLOCK,
	.match = { ATXF_MATCH_CLASS(0x01, 0x08, 0x02) },   /* mass storage, NVM, NVMe */
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* bus mastering */
		ATXF_RESOURCE_BAR(0),           /* the controller registers and doorbells */
		ATXF_RESOURCE_PCI_IRQS(2, 1 + NVME_MAX_IOQ),    /* admin queue, I/O queues */
		ATXF_RESOURCE_DMA(NVME_CTRL_DMA_BYTES + NVME_IO_DMA_BYTES),
	});

struct nvme_ns {
	uint32_t nsid;
	uint32_t shift;             /* log2 of the block size */
	struct atxf_device *dev;
	char name[64];              /* an added device's instance name */
};

static struct {
	struct nvme_ctrl c;
	struct nvme_io io;
	struct nvme_ns ns[NVME_MAX_NS];
	unsigned nns;
	struct atxf_device *dev;    /* the first device: interrupts, timer */
	int lost;                   /* a reset failed: every request fails */
	uint64_t resets;
} nv;

#define MAX_SEGS (NVME_XFER / ATXF_BLOCK_DMA_PAGE + 2u)   /* an unaligned NVME_XFER */

static void done(void *req, void *owner, unsigned binding, int status, uint32_t bytes)
{
	if (binding)
		atxf_block_dma_put(owner, binding);
	if (req)
		(void)atxf_request_complete(req, status, bytes);
}

static unsigned log2u(uint32_t v)
{
	unsigned n = 0;

	while (v >>= 1)
		n++;
	return n;
}

/* A block request goes out deferred, on the client's own pages; the
 * interrupt completes it. */
static int rw(struct atxf_device *dev, uint8_t op, uint64_t sector, uint32_t count, void *buf)
{
	static struct atxf_block_sg sg;
	struct nvme_ns *ns = dev->priv;
	struct atxf_request *req;
	struct nvme_data d;
	int err;

	if (nv.lost)
		return -ATXF_EIO;
	req = atxf_request_current(dev);
	if (!req)
		return -ATXF_EAGAIN;
	err = atxf_block_dma_get(dev, buf, (uint64_t)count << ns->shift, MAX_SEGS, &sg);
	if (err)
		return err;
	d = (struct nvme_data){ sg.seg, sg.nsegs, (uint32_t)sg.len, dev, sg.binding };
	err = nvme_io_rw(&nv.io, req, op, ns->nsid, sector, count, &d);
	if (err) {
		atxf_block_dma_put(dev, sg.binding);
		return err;
	}
	return ATXF_PENDING;
}

static int on_read(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	return rw(dev, NVME_CMD_READ, sector, count, buf);
}

static int on_write(struct atxf_device *dev, uint64_t sector, uint32_t count, const void *buf)
{
	return rw(dev, NVME_CMD_WRITE, sector, count, (void *)(uintptr_t)buf);
}

/* §6.8: without a volatile write cache every completed write is on the medium. */
static int on_flush(struct atxf_device *dev)
{
	struct nvme_ns *ns = dev->priv;
	struct atxf_request *req;
	int err;

	if (nv.lost)
		return -ATXF_EIO;
	if (!nv.c.vwc)
		return 0;
	req = atxf_request_current(dev);
	if (!req)
		return -ATXF_EAGAIN;
	err = nvme_io_flush(&nv.io, req, ns->nsid);
	return err ? err : ATXF_PENDING;
}

static void on_cancel(struct atxf_device *dev, struct atxf_request *req, int why)
{
	(void)dev;
	(void)why;
	nvme_io_forget(&nv.io, req);
}

/* A new controller, the same commands: what was in flight is sent again. */
static void recover(const char *why)
{
	int err;

	nv.resets++;
	atxf_device_log(nv.dev, "%s: resetting the controller (reset %llu)", why,
			(unsigned long long)nv.resets);
	err = nvme_ctrl_start(&nv.c);
	if (err) {
		atxf_device_log(nv.dev, "the controller did not come back: %s: %s; failing "
				"every request", atxf_strerror(err), nv.c.why);
		nv.lost = 1;
		nvme_io_fail_all(&nv.io, -ATXF_EIO, done);
		return;
	}
	nvme_io_resubmit(&nv.io);
	atxf_device_log(nv.dev, "controller ready again; %llu commands sent again in all",
			(unsigned long long)nv.io.resubmitted);
}

/* Vector 0 is the admin queue's (polled); vector q is I/O queue q's. */
static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)dev;
	if (n >= 1 && n <= nv.c.nioq && !nv.lost)
		nvme_io_complete(&nv.io, n - 1, done);
}

static void on_timer(struct atxf_device *dev)
{
	(void)dev;
	if (nv.lost)
		return;
	if (nvme_ctrl_failed(&nv.c))
		recover("controller fatal status (CSTS.CFS)");
	else if (nvme_io_overdue(&nv.io, atxf_time_ns()))
		recover("a command timed out");
}

static const struct atxf_block_ops block_ops = {
	.read = on_read, .write = on_write, .flush = on_flush,
};
/* The namespaces after the first: their own devices, the same callbacks. */
static const struct atxf_driver ns_driver = {
	.name = "nvme",
	.cancel = on_cancel,
	ATXF_BLOCK_OPS(block_ops),
};

/* Namespace k serves on dev: its facts for INFO, and one log line. */
static void ns_serve(struct atxf_device *dev, struct nvme_ns *ns, const struct nvme_ns_id *id)
{
	ns->dev = dev;
	ns->shift = log2u(id->block_size);
	(void)atxf_block_dma_setup(dev, &nv.c.tag);     /* only fails without a tag */
	dev->priv = ns;
	dev->info.block = (struct atxf_block_info){
		.sector_size = id->block_size,
		.sectors = id->blocks,
		.max_sectors = nv.io.xfer_max >> ns->shift,
	};
	atxf_device_log(nv.dev, "namespace %u: %s, %llu blocks of %u bytes (%llu MiB)", ns->nsid,
			dev->instance, (unsigned long long)id->blocks, id->block_size,
			(unsigned long long)((id->blocks << ns->shift) >> 20));
}

/*
 * A further namespace's name: the instance's, '.' made '-' (a name with a
 * '.' is devmgr's to give), then "-ns" NSID: nvme.00-14.0 -> nvme-00-14-0-ns2.
 */
static void added_name(char *out, size_t size, const char *instance, uint32_t nsid)
{
	size_t i;

	snprintf(out, size, "%s-ns%u", instance, (unsigned)nsid);
	for (i = 0; out[i]; i++)
		if (out[i] == '.')
			out[i] = '-';
}

/* CNS 2, then CNS 0 of each: the first active namespace is dev, the rest added. */
static int add_namespaces(struct atxf_device *dev)
{
	uint32_t nsid[NVME_MAX_NS];
	int n = nvme_ctrl_namespaces(&nv.c, nsid, NVME_MAX_NS);

	if (n < 0)
		return n;
	for (int i = 0; i < n; i++) {
		struct nvme_ns *ns = &nv.ns[nv.nns];
		struct atxf_device *d = dev;
		struct nvme_ns_id id;
		int err = nvme_ctrl_identify_ns(&nv.c, nsid[i], &id);

		if (err)
			return err;
		if (!id.blocks)
			continue;       /* allocated but empty: no disk */
		ns->nsid = nsid[i];
		if (nv.nns) {
			added_name(ns->name, sizeof(ns->name), dev->instance, nsid[i]);
			d = atxf_device_add(dev, &ns_driver, ATXF_CLASS_BLOCK, ns->name);
			if (!d)
				continue;       /* the framework logged why */
		}
		ns_serve(d, ns, &id);
		nv.nns++;
	}
	if (!nv.nns)
		atxf_device_log(dev, "no active namespace: no medium");
	return 0;
}

static int on_probe(struct atxf_device *dev)
{
	const struct atxf_resource_grant *pci = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);
	const struct atxf_resource_grant *irq = atxf_device_resource(dev, ATXF_RES_PCI_IRQ, 0);
	int err;

	if (!pci || !bar || !bar->mapped || !irq || irq->size < 2) {
		atxf_device_log(dev, "needs its configuration space, BAR0 and 2 MSI-X vectors");
		return -ATXF_ENODEV;
	}
	nv.dev = dev;
	dev->priv = &nv.ns[0];
	atxf_pci_write16(pci->handle, PCI_COMMAND, atxf_pci_read16(pci->handle, PCI_COMMAND) |
			 PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
	err = nvme_ctrl_init(&nv.c, (volatile uint8_t *)bar->mapped, pci->handle,
			     (unsigned)irq->size - 1u);
	if (err)
		goto out_log;
	err = nvme_ctrl_start(&nv.c);
	if (err)
		goto out_stop;
	err = nvme_io_init(&nv.io, &nv.c);
	if (err) {
		nv.c.why = "no DMA memory for the command slots";
		goto out_stop;
	}
	atxf_device_log(dev, "controller '%s' serial '%s': %u I/O queue pairs of %u entries on "
			"MSI-X vectors 1..%u, %u KiB per command, %s write cache", nv.c.model,
			nv.c.serial, nv.c.nioq, nv.c.io_qd, nv.c.nioq, nv.io.xfer_max / 1024u,
			nv.c.vwc ? "a volatile" : "no");
	err = add_namespaces(dev);
	if (!err)
		return 0;
	nvme_io_free(&nv.io);
out_stop:
	nvme_ctrl_stop(&nv.c);
	nvme_ctrl_free(&nv.c);
out_log:
	atxf_device_log(dev, "nvme did not start: %s: %s", atxf_strerror(err),
			nv.c.why ? nv.c.why : "?");
	return err;
}

/* devmgr's STOP: a shutdown first, so no DMA lands after the memory goes. */
static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	nvme_ctrl_stop(&nv.c);
	nvme_io_free(&nv.io);
	nvme_ctrl_free(&nv.c);
}

static const struct atxf_driver ops = {
	.name = "nvme",
	.probe = on_probe,
	.irq = on_irq,
	.timer = on_timer,
	.timer_ms = WATCH_MS,
	.cancel = on_cancel,
	.remove = on_remove,
	ATXF_BLOCK_OPS(block_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
