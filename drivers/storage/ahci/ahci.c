/*
 * ahci: an ATXF driver for AHCI SATA host bus adapters (Serial ATA AHCI
 * 1.3.1), exercised on q35's ICH9 AHCI (00:1f.2, -device ide-hd,bus=ide.N)
 * and QEMU's -device ahci. Each port with a disk is a block device of its
 * own, INSTANCE-pN (N the port, the instance's dots made dashes), served with FPDMA QUEUED commands when
 * the disk offers NCQ; the controller itself is the driver's first
 * device and has no medium. This file is the driver's contact with the
 * framework: the manifest, the callbacks and main. Transfers go by DMA
 * straight to the client's buffer (<atxf/driver/block_dma.h>). The device logic is
 * hba.c, port.c, queue.c and recover.c; the ATA commands are
 * drivers/lib/ata.
 */
#include <stdio.h>
#include <atxf/driver/block.h>
#include <atxf/driver/block_dma.h>
#include <atxf/pci_regs.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "ahci.h"

#define AHCI_ABAR 5              /* AHCI 1.3.1 §2.1.11: BAR 5 */

ATXF_DRIVER_MANIFEST(
	.name = "ahci",
	.device_class = ATXF_CLASS_BLOCK,
	.match = { ATXF_MATCH_CLASS(0x01, 0x06, 0x01) },   /* mass storage, SATA, AHCI 1.0 */
	.resources = {
		ATXF_RESOURCE_PCI_CONFIG(),     /* bus mastering */
		ATXF_RESOURCE_BAR(AHCI_ABAR),
		ATXF_RESOURCE_PCI_IRQ(),        /* MSI: ICH9 has one vector */
		/* six ports' command memory and bounce buffers */
		ATXF_RESOURCE_DMA(6 * (AHCI_BOUNCE + AHCI_CTL_BYTES)),
	});

static struct ahci_hba hba;

static struct ahci_port *port_of(struct atxf_device *dev)
{
	return dev->priv;
}

static int queue_rw(struct atxf_device *dev, enum ahci_op op, uint64_t sector, uint32_t count,
		    void *buf)
{
	struct ahci_port *p = port_of(dev);
	struct atxf_request *req;
	struct ahci_io io = { .buf = buf, .lba = sector, .count = count, .op = (uint8_t)op };
	int err;

	if (!p)
		return -ATXF_ENODEV;                /* the controller has no medium */
	/* A revoked buffer is refused here, while the request is still being
	 * served: a command that cannot start completes from ahci_kick, which
	 * cannot answer a request not yet pending (the client would wait for
	 * ever: blkconf-ahci-fuzz). */
	if (buf && atxf_shm_probe(buf) == -ATXF_ESTALE)
		return -ATXF_ESTALE;
	req = atxf_request_current(dev);
	if (!req)
		return -ATXF_EAGAIN;
	io.req = req;
	atxf_request_timeout(req, AHCI_TIMEOUT_NS);
	err = ahci_submit(p, &io);
	return err < 0 ? err : ATXF_PENDING;
}

static int on_read(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	return queue_rw(dev, AHCI_OP_READ, sector, count, buf);
}

static int on_write(struct atxf_device *dev, uint64_t sector, uint32_t count, const void *buf)
{
	return queue_rw(dev, AHCI_OP_WRITE, sector, count, (void *)buf);
}

static int on_flush(struct atxf_device *dev)
{
	struct ahci_port *p = port_of(dev);

	if (p && !p->id.flush && !p->id.flush_ext)
		return 0;                           /* no write cache to flush */
	return queue_rw(dev, AHCI_OP_FLUSH, 0, 0, NULL);
}

/* A request the framework ended: its timeout (AHCI_TIMEOUT_NS, long after
 * the watchdog's), its client gone, or the driver stopping. Its command
 * may still run; its answer and its buffer are forgotten. */
static void on_cancel(struct atxf_device *dev, struct atxf_request *req, int why)
{
	struct ahci_port *p = port_of(dev);

	(void)why;
	if (p)
		ahci_forget(p, req);
}

/* The watchdog, every 500 ms: a command past AHCI_CMD_NS resets its port. */
static void on_timer(struct atxf_device *dev)
{
	uint64_t now = atxf_time_ns();

	(void)dev;
	for (unsigned i = 0; i < AHCI_MAX_PORTS; i++)
		if (hba.port[i].dev && hba.port[i].busy)
			ahci_watchdog(&hba.port[i], now);
}

static const struct atxf_block_ops block_ops = {
	.read = on_read, .write = on_write, .flush = on_flush,
};
static const struct atxf_driver port_ops = {
	.name = "ahci",
	.cancel = on_cancel,
	ATXF_BLOCK_OPS(block_ops),
};

/* A disk found: its own block device, INSTANCE-pN with the instance's
 * dots made dashes ("ahci.00-1f.2" port 0: "ahci-00-1f-2-p0"), for a name
 * with a dot is devmgr's alone to register (docs/protocols.md §2). */
static int add_disk(struct atxf_device *dev, struct ahci_port *p)
{
	char name[ATXF_NAME_MAX];
	int err;

	snprintf(name, sizeof(name), "%s-p%u", dev->instance, p->no);
	for (char *c = name; *c; c++)
		if (*c == '.')
			*c = '-';
	p->dev = atxf_device_add(dev, &port_ops, ATXF_CLASS_BLOCK, name);
	if (!p->dev)
		return -ATXF_ENOSPC;
	p->dev->priv = p;
	err = atxf_block_dma_setup(p->dev, &p->hba->tag);
	if (err < 0)
		return err;
	p->dev->info.block = (struct atxf_block_info){
		.sector_size = ATA_SECTOR_SIZE,
		.sectors = p->id.sectors,
		.max_sectors = AHCI_MAX_SECTORS,
	};
	atxf_device_log(p->dev, "port %u: %s, serial %s, %llu sectors, %s, %u slots%s", p->no,
			p->id.model, p->id.serial, (unsigned long long)p->id.sectors,
			p->ncq ? "NCQ" : "DMA", p->nslots, p->id.write_cache ? ", write cache" : "");
	return 0;
}

static void probe_port(struct atxf_device *dev, struct ahci_port *p)
{
	int err = ahci_port_init(p);

	if (err == -ATXF_ENODEV)
		return;                             /* an empty port */
	if (!err && p->id.logical_size != ATA_SECTOR_SIZE)
		err = -ATXF_ENOTSUP;
	if (!err)
		err = add_disk(dev, p);
	if (err) {
		atxf_device_log(dev, "port %u: disk not served: %s", p->no, atxf_strerror(err));
		p->dev = NULL;
	}
}

static int map_hba(struct atxf_device *dev)
{
	const struct atxf_resource_grant *cfg = atxf_device_resource(dev, ATXF_RES_PCI_CONFIG, 0);
	const struct atxf_resource_grant *bar = atxf_device_resource(dev, ATXF_RES_PCI_BAR, 0);

	if (!cfg || !bar || !bar->mapped)
		return -ATXF_ENODEV;
	hba.abar = (volatile uint8_t *)bar->mapped;
	hba.tag = (struct atxf_dma_tag){ .pci = cfg->handle, .addr_bits = 32 };
	atxf_pci_write16(cfg->handle, PCI_COMMAND, (uint16_t)(atxf_pci_read16(cfg->handle,
			 PCI_COMMAND) | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER));
	return 0;
}

static int on_probe(struct atxf_device *dev)
{
	unsigned disks = 0;
	int err = map_hba(dev);

	if (!err)
		err = ahci_hba_reset(&hba);
	if (err) {
		atxf_device_log(dev, "AHCI controller did not start: %s", atxf_strerror(err));
		return err;
	}
	if (hba.cap & AHCI_CAP_S64A)
		hba.tag.addr_bits = 64;
	hba.dev = dev;
	atxf_device_log(dev, "AHCI %x.%x, %u ports (implemented %#x), %u slots%s",
			atxf_mmio_read32(hba.abar + AHCI_VS) >> 16,
			atxf_mmio_read32(hba.abar + AHCI_VS) & 0xffff, AHCI_CAP_NP(hba.cap),
			hba.pi, AHCI_CAP_NCS(hba.cap), hba.cap & AHCI_CAP_SNCQ ? ", NCQ" : "");
	for (unsigned i = 0; i < AHCI_MAX_PORTS; i++)
		if (hba.pi & (1u << i)) {
			probe_port(dev, &hba.port[i]);
			disks += hba.port[i].dev != NULL;
		}
	atxf_mmio_write32(hba.abar + AHCI_GHC, AHCI_GHC_AE | AHCI_GHC_IE);
	atxf_device_log(dev, "%u disks", disks);
	return 0;
}

static void on_irq(struct atxf_device *dev, unsigned n)
{
	(void)dev;
	(void)n;
	ahci_hba_irq(&hba);
}

static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	ahci_hba_stop(&hba);
}

static const struct atxf_driver ops = {
	.name = "ahci",
	.probe = on_probe,
	.irq = on_irq,
	.timer = on_timer,
	.timer_ms = 500,
	.remove = on_remove,
	ATXF_BLOCK_OPS(block_ops),
};

int main(void)
{
	return atxf_driver_run(&ops);
}
