/*
 * The fake IDE channel (ata_fake_channel.h). Register numbers are the
 * driver's own (drivers/storage/ata/ata_reg.h), bits and commands the
 * shared library's (<ata/ata.h>); IDENTIFY data as QEMU's ide-hd answers
 * it (ata_ide_hd.c).
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <ata/ata.h>
#include "ata_fake_channel.h"
#include "ata_ide_hd.h"
#include "ata_reg.h"

static void reset_devices(struct fake_ide *f);

/* A reset under way ends once its time has come (QEMU ends it in a bottom
 * half, which a loaded host runs late). */
static void reset_progress(struct fake_ide *f)
{
	if (f->reset_done_at && atxf_time_ns() >= f->reset_done_at) {
		f->reset_done_at = 0;
		reset_devices(f);
	}
}

static struct fake_ide_dev *cur(struct fake_ide *f)
{
	reset_progress(f);
	return &f->dev[f->sel];
}

static void raise_irq(struct fake_ide *f)
{
	if (!(f->control & ATA_CTL_NIEN) && !f->no_irq) {
		f->intrq = true;
		f->irqs_raised++;
	}
}

static void fail(struct fake_ide *f, uint8_t error)
{
	cur(f)->status = ATA_SR_DRDY | ATA_SR_ERR;
	cur(f)->error = error;
	f->data_in = f->data_out = false;
	f->later = LATER_NONE;
	raise_irq(f);
}

const uint8_t *fake_ide_sector(struct fake_ide_dev *d, uint64_t lba)
{
	static const uint8_t zero[512];

	for (unsigned i = 0; i < d->nkept; i++)
		if (d->kept[i].lba == lba)
			return d->kept[i].data;
	return zero;
}

static void keep(struct fake_ide_dev *d, uint64_t lba, const uint8_t *data)
{
	for (unsigned i = 0; i < d->nkept; i++) {
		if (d->kept[i].lba == lba) {
			memcpy(d->kept[i].data, data, 512);
			return;
		}
	}
	if (d->nkept < FAKE_IDE_KEPT) {
		d->kept[d->nkept].lba = lba;
		memcpy(d->kept[d->nkept++].data, data, 512);
	}
}

/* The address and count the task file holds for the command. */
static void load_address(struct fake_ide *f, bool ext)
{
	if (ext) {
		f->cur_lba = (uint64_t)f->lba[0] | (uint64_t)f->lba[1] << 8 |
			     (uint64_t)f->lba[2] << 16 | (uint64_t)f->prev_lba[0] << 24 |
			     (uint64_t)f->prev_lba[1] << 32 | (uint64_t)f->prev_lba[2] << 40;
		f->left = (uint32_t)(f->prev_count << 8 | f->count);
		f->left = f->left ? f->left : 65536;
	} else {
		f->cur_lba = (uint64_t)f->lba[0] | (uint64_t)f->lba[1] << 8 |
			     (uint64_t)f->lba[2] << 16 | (uint64_t)(f->device & 0x0f) << 24;
		f->left = f->count ? f->count : 256;
	}
}

static void start_rw(struct fake_ide *f, bool ext, bool write)
{
	struct fake_ide_dev *d = cur(f);

	load_address(f, ext);
	if (f->cur_lba >= d->sectors || f->left > d->sectors - f->cur_lba) {
		fail(f, ATA_ER_IDNF | ATA_ER_ABRT);
		return;
	}
	if (write) {                    /* the first block is wanted at once (§9.6) */
		d->status = ATA_SR_DRDY | ATA_SR_DRQ;
		f->data_out = true;
		f->pos = 0;
	} else {                        /* BSY until the block is read (§9.5) */
		d->status = ATA_SR_DRDY | ATA_SR_BSY;
		f->later = LATER_READ;
	}
}

static void identify(struct fake_ide *f)
{
	struct ide_hd hd = { .nb_sectors = cur(f)->sectors, .write_cache = true,
			     .model = "QEMU HARDDISK", .serial = "QM00001" };
	uint16_t w[256];

	if (cur(f)->kind != FAKE_IDE_DISK) {
		fail(f, ATA_ER_ABRT);
		return;
	}
	ide_hd_identify(w, &hd);
	for (unsigned i = 0; i < 256; i++) {
		f->buf[2 * i] = (uint8_t)w[i];
		f->buf[2 * i + 1] = (uint8_t)(w[i] >> 8);
	}
	f->left = 1;
	f->pos = 0;
	f->data_in = true;
	cur(f)->status = ATA_SR_DRDY | ATA_SR_DRQ;
	raise_irq(f);
}

static void command(struct fake_ide *f, uint8_t cmd)
{
	struct fake_ide_dev *d = cur(f);

	if (d->kind == FAKE_IDE_ABSENT || (d->status & (ATA_SR_BSY | ATA_SR_DRQ)))
		return;                 /* nobody there, or busy: the command is lost */
	if (f->ncommands < 16)
		f->commands[f->ncommands++] = cmd;
	f->intrq = false;
	f->command = cmd;
	d->error = 0;
	switch (cmd) {
	case ATA_CMD_IDENTIFY: identify(f); break;
	case ATA_CMD_READ_SECTORS: start_rw(f, false, false); break;
	case ATA_CMD_READ_SECTORS_EXT: start_rw(f, true, false); break;
	case ATA_CMD_WRITE_SECTORS: start_rw(f, false, true); break;
	case ATA_CMD_WRITE_SECTORS_EXT: start_rw(f, true, true); break;
	case ATA_CMD_FLUSH_CACHE:
	case ATA_CMD_FLUSH_CACHE_EXT:
		d->status = ATA_SR_DRDY | ATA_SR_BSY;
		f->later = LATER_WRITTEN;
		f->left = 0;
		break;
	default: fail(f, ATA_ER_ABRT); break;
	}
}

/* The work the device does while the driver sleeps. */
static void do_later(struct fake_ide *f)
{
	struct fake_ide_dev *d = cur(f);
	enum fake_ide_later what = f->later;

	f->later = LATER_NONE;
	if (what == LATER_READ) {
		if (d->bad_lba && f->cur_lba == d->bad_lba) {
			fail(f, ATA_ER_UNC);
			return;
		}
		memcpy(f->buf, fake_ide_sector(d, f->cur_lba), 512);
		f->pos = 0;
		f->data_in = true;
		d->status = ATA_SR_DRDY | ATA_SR_DRQ;
	} else if (what == LATER_WRITTEN) {
		d->status = ATA_SR_DRDY | (f->left ? ATA_SR_DRQ : 0);
		f->data_out = f->left != 0;
		f->pos = 0;
	}
	raise_irq(f);
}

int fake_ide_wait_irq(void *ctx, uint64_t timeout_ns)
{
	struct fake_ide *f = ctx;

	f->waits++;
	if (f->later != LATER_NONE && !f->wedged)
		do_later(f);
	if (f->intrq)
		return 0;
	atxf_fake_clock_advance(timeout_ns);
	return -ATXF_ETIMEDOUT;
}

/* A data word moved; the block's end moves the command on. */
static void block_done(struct fake_ide *f)
{
	struct fake_ide_dev *d = cur(f);

	if (f->data_in) {
		f->data_in = false;
		f->cur_lba++;
		if (--f->left && f->command != ATA_CMD_IDENTIFY) {
			d->status = ATA_SR_DRDY | ATA_SR_BSY;
			f->later = LATER_READ;
		} else {
			d->status = ATA_SR_DRDY;
		}
	} else {
		f->data_out = false;
		keep(d, f->cur_lba++, f->buf);
		f->left--;
		d->status = ATA_SR_DRDY | ATA_SR_BSY;
		f->later = LATER_WRITTEN;
	}
}

static uint32_t data_read(struct fake_ide *f)
{
	uint32_t w;

	if (!f->data_in)
		return 0;
	w = (uint32_t)(f->buf[f->pos] | f->buf[f->pos + 1] << 8);
	f->pos += 2;
	if (f->pos == 512)
		block_done(f);
	return w;
}

static void data_write(struct fake_ide *f, uint32_t v)
{
	if (!f->data_out)
		return;
	f->buf[f->pos] = (uint8_t)v;
	f->buf[f->pos + 1] = (uint8_t)(v >> 8);
	f->pos += 2;
	if (f->pos == 512)
		block_done(f);
}

static uint8_t status_of(struct fake_ide *f)
{
	return cur(f)->kind == FAKE_IDE_ABSENT ? 0 : cur(f)->status;
}

static uint32_t cmd_read(void *ctx, uint16_t off, unsigned width)
{
	struct fake_ide *f = ctx;

	if (f->floating)
		return width == 2 ? 0xffff : 0xff;
	switch (off) {
	case ATA_REG_DATA: return data_read(f);
	case ATA_REG_ERROR: return cur(f)->error;
	case ATA_REG_COUNT: return f->count;
	case ATA_REG_LBA_LOW: return f->lba[0];
	case ATA_REG_LBA_MID: return cur(f)->kind ? (uint8_t)cur(f)->signature : 0xff;
	case ATA_REG_LBA_HIGH: return cur(f)->kind ? cur(f)->signature >> 8 : 0xff;
	case ATA_REG_DEVICE: return f->device;
	default:
		f->intrq = false;       /* reading status acknowledges (§7.15) */
		return status_of(f);
	}
}

/* A register load: the byte before becomes the "previous" one (LBA48). */
static void load(uint8_t *reg, uint8_t *prev, uint8_t v)
{
	if (prev)
		*prev = *reg;
	*reg = v;
}

/* Both devices take every task-file write: a signature is only there
 * until the host loads the LBA registers (keep: the bits left). */
static void both_signatures(struct fake_ide *f, uint16_t keep, uint16_t v)
{
	for (unsigned i = 0; i < 2; i++)
		f->dev[i].signature = (uint16_t)((f->dev[i].signature & keep) | v);
}

static void cmd_write(void *ctx, uint16_t off, unsigned width, uint32_t v)
{
	struct fake_ide *f = ctx;

	(void)width;
	if (off == ATA_REG_DATA) {
		data_write(f, v);
		return;
	}
	if (off != ATA_REG_COMMAND && (cur(f)->status & (ATA_SR_BSY | ATA_SR_DRQ)))
		return;                 /* a busy device ignores the task file, absent or not */
	switch (off) {
	case ATA_REG_FEATURES: f->features = (uint8_t)v; break;
	case ATA_REG_COUNT: load(&f->count, &f->prev_count, (uint8_t)v); break;
	case ATA_REG_LBA_LOW: load(&f->lba[0], &f->prev_lba[0], (uint8_t)v); break;
	case ATA_REG_LBA_MID:
		load(&f->lba[1], &f->prev_lba[1], (uint8_t)v);
		both_signatures(f, 0xff00, (uint16_t)(v & 0xff));
		break;
	case ATA_REG_LBA_HIGH:
		load(&f->lba[2], &f->prev_lba[2], (uint8_t)v);
		both_signatures(f, 0x00ff, (uint16_t)((v & 0xff) << 8));
		break;
	case ATA_REG_DEVICE:
		f->device = (uint8_t)v;
		f->sel = (v & ATA_DEV_SLAVE) ? 1 : 0;
		break;
	default: command(f, (uint8_t)v); break;
	}
}

/* SRST's falling edge ends the reset: signatures, and a disk ready. */
static void reset_devices(struct fake_ide *f)
{
	for (unsigned i = 0; i < 2; i++) {
		struct fake_ide_dev *d = &f->dev[i];

		d->signature = d->kind == FAKE_IDE_CDROM ? ATA_SIG_ATAPI : 0;
		d->status = d->kind == FAKE_IDE_DISK ? ATA_SR_DRDY : 0;
		d->error = 1;
	}
	f->later = LATER_NONE;
	f->data_in = f->data_out = false;
	f->intrq = false;
}

static uint32_t ctl_read(void *ctx, uint16_t off, unsigned width)
{
	struct fake_ide *f = ctx;

	(void)off, (void)width;
	return f->floating ? 0xff : status_of(f);       /* alternate status: no ack */
}

static void ctl_write(void *ctx, uint16_t off, unsigned width, uint32_t v)
{
	struct fake_ide *f = ctx;

	(void)off, (void)width;
	if (v & ATA_CTL_SRST) {
		f->dev[0].status = f->dev[1].status = ATA_SR_BSY;
	} else if (f->control & ATA_CTL_SRST) {
		f->reset_done_at = atxf_time_ns() + f->reset_ns;
		if (!f->reset_ns)
			reset_progress(f);
	}
	f->control = (uint8_t)v;
}

void fake_ide_attach(struct fake_ide *f, uint16_t base, uint16_t ctl)
{
	f->base = base;
	f->ctl = ctl;
	atxf_fake_io_add(base, 8, cmd_read, cmd_write, f);
	atxf_fake_io_add(ctl, 1, ctl_read, ctl_write, f);
}
