/*
 * ata: ATA PIO on the two legacy channels of a PCI IDE function in
 * compatibility mode (QEMU `-machine pc`: the PIIX3 IDE at 00:01.1; disks
 * from `-drive if=ide,index=0..3`). devmgr grants the channels' ISA ports
 * and lines (services/devmgr/ide_compat.c). Each disk found is a block
 * device named by its position, ata0 (primary master), ata1 (primary
 * slave), ata2, ata3 (secondary); packet devices (a CD-ROM) are refused
 * with a line saying so. The driver's own instance is the controller: it
 * serves no sectors (INFO says no medium).
 *
 * Device logic: ata_pio.c (host-tested); this file is the manifest, the
 * probe that finds the disks, and the block callbacks.
 */
#include <atxf/driver/block.h>
#include <atxf/port.h>
#include "ata_pio.h"
#include "ata_reg.h"

#define RW (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)
#define CHANNELS 2
#define DRIVES   (CHANNELS * 2)

ATXF_DRIVER_MANIFEST(
	.name = "ata",
	.device_class = ATXF_CLASS_BLOCK,
	.match = { ATXF_MATCH_CLASS(0x01, 0x01, 0xff) },        /* mass storage, IDE */
	.resources = {
		ATXF_RESOURCE_IOPORT(0x1f0, ATA_CMD_PORTS, RW),
		ATXF_RESOURCE_IOPORT(0x3f6, ATA_CTL_PORTS, RW),
		ATXF_RESOURCE_IOPORT(0x170, ATA_CMD_PORTS, RW),
		ATXF_RESOURCE_IOPORT(0x376, ATA_CTL_PORTS, RW),
		ATXF_RESOURCE_IRQ(14),
		ATXF_RESOURCE_IRQ(15),
	});

static struct ata_channel channels[CHANNELS];
static struct ata_drive drives[DRIVES];
static const char *const channel_names[CHANNELS] = { "primary", "secondary" };
static const char *const drive_names[2] = { "master", "slave" };
static const char *const instances[DRIVES] = { "ata0", "ata1", "ata2", "ata3" };

static int wait_irq(void *ctx, uint64_t timeout_ns)
{
	return atxf_device_wait_irq(ctx, timeout_ns);
}

static struct ata_drive *drive_of(struct atxf_device *dev)
{
	return dev->priv;
}

/* A failed request: one line naming the disk and the device's reason. */
static int failed(struct atxf_device *dev, const char *what, uint64_t lba, int err,
		  const char *why)
{
	if (err != -ATXF_ERANGE && err != -ATXF_ESTALE)
		atxf_device_log(dev, "%s at sector %llu failed: %s", what, (unsigned long long)lba,
				why);
	return err;
}

/*
 * PIO copies through our mapping of the client's buffer, and once the
 * client revoked it that mapping reads zeros (docs/protocols.md, revoked
 * regions): a WRITE would put zeros on the disk. So a revoked buffer is
 * ESTALE before any command goes out (blkconf-ata-fuzz).
 */
static int buffer_gone(const void *buf)
{
	return atxf_shm_probe(buf) == -ATXF_ESTALE;
}

static int on_read(struct atxf_device *dev, uint64_t sector, uint32_t count, void *buf)
{
	const char *why = "";
	int err = buffer_gone(buf) ? -ATXF_ESTALE : ata_read(drive_of(dev), sector, count, buf, &why);

	return err ? failed(dev, "read", sector, err, why) : 0;
}

static int on_write(struct atxf_device *dev, uint64_t sector, uint32_t count, const void *buf)
{
	const char *why = "";
	int err = buffer_gone(buf) ? -ATXF_ESTALE : ata_write(drive_of(dev), sector, count, buf, &why);

	return err ? failed(dev, "write", sector, err, why) : 0;
}

static int on_flush(struct atxf_device *dev)
{
	const char *why = "";
	int err = ata_flush(drive_of(dev), &why);

	return err ? failed(dev, "flush", 0, err, why) : 0;
}

static const struct atxf_block_ops disk_ops = {
	.read = on_read,
	.write = on_write,
	.flush = on_flush,
};
static const struct atxf_driver disk_driver = {
	.name = "ata",
	ATXF_BLOCK_OPS(disk_ops),
};

/* IDENTIFY, then a block device for the disk; 1 if one was added. */
static int add_disk(struct atxf_device *dev, struct ata_drive *d, unsigned i)
{
	const char *why = "";
	struct atxf_device *disk;
	int err = ata_identify(d, &why);

	if (err) {
		atxf_device_log(dev, "%s %s: IDENTIFY DEVICE failed: %s", channel_names[i / 2],
				drive_names[i % 2], why);
		return 0;
	}
	disk = atxf_device_add(dev, &disk_driver, ATXF_CLASS_BLOCK, instances[i]);
	if (!disk)
		return 0;
	disk->priv = d;
	disk->info.block = (struct atxf_block_info){
		.sector_size = ATA_SECTOR_SIZE, .sectors = d->id.sectors,
		.max_sectors = ATA_MAX_SECTORS,
	};
	atxf_device_log(dev, "%s: %s %s: ATA disk \"%s\", %llu sectors (%llu MiB), %s, %s",
			instances[i], channel_names[i / 2], drive_names[i % 2], d->id.model,
			(unsigned long long)d->id.sectors,
			(unsigned long long)(d->id.sectors / 2048),
			d->id.lba48 ? "LBA48" : "LBA28",
			d->id.flush_ext ? "FLUSH CACHE EXT" :
			d->id.flush ? "FLUSH CACHE" : "no cache flush");
	return 1;
}

/* What position i (channel i / 2, device i % 2) holds, read right after
 * the reset: the task file's writes reach both devices, so a command to
 * one overwrites the other's signature. */
static enum ata_kind detect_position(unsigned i)
{
	struct ata_drive *d = &drives[i];

	d->ch = &channels[i / 2];
	d->slave = (uint8_t)(i % 2);
	return ata_detect(d->ch, d->slave, &d->signature);
}

/* Serves the disk at position i, or says why not: 1 if a disk was added. */
static int take_position(struct atxf_device *dev, unsigned i, enum ata_kind kind)
{
	struct ata_drive *d = &drives[i];

	if (kind == ATA_DISK)
		return add_disk(dev, d, i);
	if (kind == ATA_PACKET)
		atxf_device_log(dev, "%s %s: ATAPI device (signature %#06x) refused: packet "
				"devices (CD/DVD) are not served by ata", channel_names[i / 2],
				drive_names[i % 2], d->signature);
	else if (kind == ATA_UNKNOWN)
		atxf_device_log(dev, "%s %s: unknown signature %#06x: left alone",
				channel_names[i / 2], drive_names[i % 2], d->signature);
	return 0;
}

/* Resets channel c from its grants; 0 or the reason it is unusable. */
static int channel_up(struct atxf_device *dev, unsigned c)
{
	const struct atxf_resource_grant *cmd = atxf_device_resource(dev, ATXF_RES_IOPORT, 2 * c);
	const struct atxf_resource_grant *ctl =
		atxf_device_resource(dev, ATXF_RES_IOPORT, 2 * c + 1);
	int err;

	if (!cmd || !ctl || !atxf_device_resource(dev, ATXF_RES_IRQ, c))
		return -ATXF_ENODEV;
	channels[c] = (struct ata_channel){ .cmd = (uint16_t)cmd->base,
					    .ctl = (uint16_t)ctl->base,
					    .wait_irq = wait_irq, .ctx = dev };
	err = ata_channel_reset(&channels[c]);
	if (err)
		atxf_device_log(dev, "%s channel at %#x: %s", channel_names[c], channels[c].cmd,
				err == -ATXF_ENODEV ? "nothing answers (status 0xff)" :
				"BSY stayed set after a software reset");
	return err;
}

static int on_probe(struct atxf_device *dev)
{
	unsigned disks = 0;

	for (unsigned c = 0; c < CHANNELS; c++) {
		enum ata_kind kind[2];

		if (channel_up(dev, c) != 0)
			continue;
		kind[0] = detect_position(2 * c);
		kind[1] = detect_position(2 * c + 1);
		for (unsigned s = 0; s < 2; s++)
			disks += (unsigned)take_position(dev, 2 * c + s, kind[s]);
	}
	atxf_device_log(dev, "%u disk%s on the legacy channels (IRQ 14 and 15)", disks,
			disks == 1 ? "" : "s");
	return 0;
}

/* Quiet: INTRQ off on both channels (nIEN), so nothing interrupts after us. */
static void on_remove(struct atxf_device *dev)
{
	(void)dev;
	for (unsigned c = 0; c < CHANNELS; c++)
		if (channels[c].ctl)
			ata_channel_quiet(&channels[c]);
}

static const struct atxf_driver controller = {
	.name = "ata",
	.probe = on_probe,
	.remove = on_remove,
	.cls = &atxf_block_class,
};

int main(void)
{
	return atxf_driver_run(&controller);
}
