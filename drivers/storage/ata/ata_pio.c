/*
 * ATA PIO on one legacy IDE channel (ata_pio.h). The protocols are those
 * of ATA/ATAPI-6 §9: PIO data-in (§9.5: one interrupt per block, the data
 * ready with DRQ), PIO data-out (§9.6: the first block wanted at once, an
 * interrupt after each block), non-data (§9.4), and the software reset
 * (§9.2). QEMU's model (hw/ide/core.c) sets BSY the moment a command is
 * written, raises INTRQ when a block is ready or a command ends, and
 * lowers it when the status register is read; a device that is not there
 * reads status 0 (a real floating bus reads 0xff).
 *
 * Every wait checks BSY itself: an interrupt only says "look", so one
 * that belonged to an earlier step, or to the other channel, costs one
 * more wait and nothing else.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "ata_pio.h"
#include "ata_reg.h"

#define POLL_US 10

static uint8_t reg_in(const struct ata_channel *ch, unsigned reg)
{
	return atxf_inb((uint16_t)(ch->cmd + reg));
}

static void reg_out(const struct ata_channel *ch, unsigned reg, uint8_t v)
{
	atxf_outb((uint16_t)(ch->cmd + reg), v);
}

/* Alternate status: the status without clearing INTRQ (§7.3). */
static uint8_t alt_status(const struct ata_channel *ch)
{
	return atxf_inb(ch->ctl);
}

static uint64_t deadline_after(uint64_t ns)
{
	return atxf_time_ns() + ns;
}

/* Polls until BSY clears or the deadline passes: the last status read. */
static int poll_not_busy(const struct ata_channel *ch, uint64_t timeout_ns, uint8_t *st)
{
	uint64_t deadline = deadline_after(timeout_ns);

	for (;;) {
		*st = alt_status(ch);
		if (!(*st & ATA_SR_BSY))
			return 0;
		if (atxf_time_ns() >= deadline)
			return -ATXF_ETIMEDOUT;
		atxf_delay_us(POLL_US);
	}
}

/* Writing the device register selects a device; 400 ns until its status
 * is valid (§9.7: four reads of alternate status cover it). */
static void select_device(const struct ata_channel *ch, uint8_t device)
{
	reg_out(ch, ATA_REG_DEVICE, device);
	for (int i = 0; i < 4; i++)
		(void)alt_status(ch);
}

int ata_channel_reset(struct ata_channel *ch)
{
	uint8_t st = alt_status(ch);

	if (st == 0xff)
		return -ATXF_ENODEV;            /* nothing drives the bus */
	/*
	 * Watch device 0 through the reset: an absent device 1 reads status 0
	 * even while the reset is still under way (QEMU: ide_status_read), and
	 * the busy device would then ignore the selection that follows. The
	 * firmware may have left device 1 selected.
	 */
	select_device(ch, ATA_DEV_OBS);
	atxf_outb(ch->ctl, ATA_CTL_NIEN | ATA_CTL_SRST);
	atxf_delay_us(5);                       /* SRST held at least 5 us */
	atxf_outb(ch->ctl, ATA_CTL_NIEN);
	atxf_delay_us(2000);                    /* BSY valid 2 ms after SRST clears */
	if (poll_not_busy(ch, ATA_RESET_TIMEOUT_NS, &st) < 0)
		return -ATXF_ETIMEDOUT;
	select_device(ch, ATA_DEV_OBS);         /* in case a busy device kept the old one */
	if (poll_not_busy(ch, ATA_RESET_TIMEOUT_NS, &st) < 0)
		return -ATXF_ETIMEDOUT;
	atxf_outb(ch->ctl, 0);                  /* nIEN clear: INTRQ from now on */
	return 0;
}

void ata_channel_quiet(struct ata_channel *ch)
{
	atxf_outb(ch->ctl, ATA_CTL_NIEN);
}

static enum ata_kind kind_of(uint16_t sig)
{
	switch (sig) {
	case ATA_SIG_ATA:
	case ATA_SIG_SATA:
		return ATA_DISK;
	case ATA_SIG_ATAPI:
	case ATA_SIG_SATAPI:
		return ATA_PACKET;
	case 0xffff:
		return ATA_NONE;                /* QEMU's signature of an empty position */
	default:
		return ATA_UNKNOWN;
	}
}

enum ata_kind ata_detect(struct ata_channel *ch, unsigned slave, uint16_t *signature)
{
	uint8_t st;

	select_device(ch, (uint8_t)(ATA_DEV_OBS | (slave ? ATA_DEV_SLAVE : 0)));
	if (poll_not_busy(ch, ATA_RESET_TIMEOUT_NS, &st) < 0)
		return ATA_UNKNOWN;
	if (st == 0xff)
		return ATA_NONE;                /* a floating bus */
	*signature = (uint16_t)(reg_in(ch, ATA_REG_LBA_HIGH) << 8 | reg_in(ch, ATA_REG_LBA_MID));
	/* A packet device leaves its status 0 after a reset (ATAPI: DRDY
	 * clear), as an absent one reads; only its signature tells it. */
	if (kind_of(*signature) == ATA_PACKET)
		return ATA_PACKET;
	return st == 0 ? ATA_NONE : kind_of(*signature);
}

/* 0, or the command's failure from the registers, described in ch->why. */
static int check_status(struct ata_channel *ch, uint8_t st, const char **why)
{
	uint8_t err = (st & ATA_SR_ERR) ? reg_in(ch, ATA_REG_ERROR) : 0;
	int res = ata_status_result(st & (uint8_t)~(ATA_SR_BSY | ATA_SR_DRQ), err);

	if (!res)
		return 0;
	ata_status_describe(st, err, ch->why, sizeof(ch->why));
	*why = ch->why;
	return res;
}

/*
 * Sleeps until the device has left BSY, on its interrupt, then reads the
 * status register, which lowers INTRQ. *st is that status.
 */
static int wait_intr(struct ata_channel *ch, uint8_t *st, const char **why)
{
	uint64_t deadline = deadline_after(ATA_CMD_TIMEOUT_NS);

	while (alt_status(ch) & ATA_SR_BSY) {
		uint64_t now = atxf_time_ns();

		int err = now < deadline ? ch->wait_irq(ch->ctx, deadline - now) : -ATXF_ETIMEDOUT;

		if (err == 0) {
			ch->irqs++;
		} else if (err == -ATXF_ETIMEDOUT) {
			if (!(alt_status(ch) & ATA_SR_BSY))
				break;
			*why = "no interrupt: BSY still set after 5 s";
			return -ATXF_ETIMEDOUT;
		} else {
			atxf_delay_us(POLL_US);         /* no interrupt to wait for: poll */
		}
	}
	*st = reg_in(ch, ATA_REG_STATUS);
	return check_status(ch, *st, why);
}

/* The data phase is to start: DRQ set, or the reason it is not. */
static int want_drq(uint8_t st, const char **why)
{
	if (st & ATA_SR_DRQ)
		return 0;
	*why = "the device asked for no data (DRQ clear)";
	return -ATXF_EIO;
}

/*
 * Loads the task file and writes the command (§9.4-9.6 "Host_Idle"): the
 * device must not be busy, for a busy one ignores the registers. LBA48
 * writes each register twice, the high ("previous") bytes first (§6.20).
 */
static int issue(struct ata_drive *d, const struct ata_cmd *c, const char **why)
{
	struct ata_channel *ch = d->ch;
	uint8_t st;

	if (poll_not_busy(ch, ATA_CMD_TIMEOUT_NS, &st) < 0 || (st & ATA_SR_DRQ)) {
		*why = "the channel is still busy with an earlier command";
		return -ATXF_ETIMEDOUT;
	}
	select_device(ch, (uint8_t)(ATA_DEV_OBS | c->device | (d->slave ? ATA_DEV_SLAVE : 0)));
	if (c->lba48) {
		reg_out(ch, ATA_REG_FEATURES, (uint8_t)(c->features >> 8));
		reg_out(ch, ATA_REG_COUNT, (uint8_t)(c->count >> 8));
		reg_out(ch, ATA_REG_LBA_LOW, (uint8_t)(c->lba >> 24));
		reg_out(ch, ATA_REG_LBA_MID, (uint8_t)(c->lba >> 32));
		reg_out(ch, ATA_REG_LBA_HIGH, (uint8_t)(c->lba >> 40));
	}
	reg_out(ch, ATA_REG_FEATURES, (uint8_t)c->features);
	reg_out(ch, ATA_REG_COUNT, (uint8_t)c->count);     /* 256 (or 65536) is 0 */
	reg_out(ch, ATA_REG_LBA_LOW, (uint8_t)c->lba);
	reg_out(ch, ATA_REG_LBA_MID, (uint8_t)(c->lba >> 8));
	reg_out(ch, ATA_REG_LBA_HIGH, (uint8_t)(c->lba >> 16));
	(void)reg_in(ch, ATA_REG_STATUS);                  /* an old INTRQ is no news */
	reg_out(ch, ATA_REG_COMMAND, c->command);
	return 0;
}

static void read_block(const struct ata_channel *ch, uint8_t *p)
{
	for (unsigned i = 0; i < ATA_SECTOR_SIZE / 2; i++) {
		uint16_t w = atxf_inw((uint16_t)(ch->cmd + ATA_REG_DATA));

		p[2 * i] = (uint8_t)w;
		p[2 * i + 1] = (uint8_t)(w >> 8);
	}
}

static void write_block(const struct ata_channel *ch, const uint8_t *p)
{
	for (unsigned i = 0; i < ATA_SECTOR_SIZE / 2; i++)
		atxf_outw((uint16_t)(ch->cmd + ATA_REG_DATA),
			  (uint16_t)(p[2 * i] | p[2 * i + 1] << 8));
}

/* Why IDENTIFY data is not a disk's, from ata_identify_parse's code. */
static const char *ident_refusal(int err)
{
	if (err == -ATXF_ENOTSUP)
		return "IDENTIFY data of a packet device, or of a disk without LBA";
	return "IDENTIFY data fails its checks (checksum, size or sector size)";
}

int ata_identify(struct ata_drive *d, const char **why)
{
	uint16_t w[ATA_IDENTIFY_WORDS];
	uint8_t st, raw[ATA_SECTOR_SIZE];
	struct ata_cmd c;
	int err;

	ata_build_identify(&c);
	err = issue(d, &c, why);
	if (!err)
		err = wait_intr(d->ch, &st, why);
	if (!err)
		err = want_drq(st, why);
	if (err)
		return err;
	read_block(d->ch, raw);
	for (unsigned i = 0; i < ATA_IDENTIFY_WORDS; i++)
		w[i] = (uint16_t)(raw[2 * i] | raw[2 * i + 1] << 8);
	err = ata_identify_parse(w, &d->id);
	if (err)
		*why = ident_refusal(err);
	return err ? -ATXF_EIO : 0;
}

/* PIO data-in of one command's n blocks (§9.5). */
static int read_chunk(struct ata_drive *d, uint64_t lba, uint32_t n, uint8_t *buf,
		      const char **why)
{
	struct ata_cmd c;
	uint8_t st;
	int err = ata_build_rw(&c, &d->id, ATA_XFER_PIO, false, lba, n, 0);

	if (!err)
		err = issue(d, &c, why);
	for (uint32_t i = 0; !err && i < n; i++) {
		err = wait_intr(d->ch, &st, why);
		if (!err)
			err = want_drq(st, why);
		if (!err)
			read_block(d->ch, buf + (size_t)i * ATA_SECTOR_SIZE);
	}
	return err ? err : check_status(d->ch, alt_status(d->ch), why);
}

/* The first block of a data-out command is wanted without an interrupt. */
static int first_drq(struct ata_channel *ch, uint8_t *st, const char **why)
{
	if (poll_not_busy(ch, ATA_DRQ_TIMEOUT_NS, st) < 0) {
		*why = "BSY still set 1 s after a write command";
		return -ATXF_ETIMEDOUT;
	}
	return check_status(ch, *st, why);
}

/* PIO data-out of one command's n blocks (§9.6). */
static int write_chunk(struct ata_drive *d, uint64_t lba, uint32_t n, const uint8_t *buf,
		       const char **why)
{
	struct ata_cmd c;
	uint8_t st = 0;
	int err = ata_build_rw(&c, &d->id, ATA_XFER_PIO, true, lba, n, 0);

	if (!err)
		err = issue(d, &c, why);
	if (!err)
		err = first_drq(d->ch, &st, why);
	for (uint32_t i = 0; !err && i < n; i++) {
		err = want_drq(st, why);
		if (!err) {
			write_block(d->ch, buf + (size_t)i * ATA_SECTOR_SIZE);
			err = wait_intr(d->ch, &st, why);
		}
	}
	if (!err && (st & ATA_SR_DRQ)) {
		*why = "the device wants more data than the command's count";
		err = -ATXF_EIO;
	}
	return err;
}

/*
 * A device that let a command time out may hold BSY for good, and a busy
 * device takes no new command: a software reset gives the channel back
 * (both devices; the disks keep their data and need no set-up again).
 */
static int recover(struct ata_drive *d, int err)
{
	if (err == -ATXF_ETIMEDOUT)
		(void)ata_channel_reset(d->ch);
	return err;
}

int ata_read(struct ata_drive *d, uint64_t lba, uint32_t count, void *buf, const char **why)
{
	uint8_t *p = buf;

	while (count) {
		uint32_t n = count < ATA_MAX_SECTORS ? count : ATA_MAX_SECTORS;
		int err = read_chunk(d, lba, n, p, why);

		if (err)
			return recover(d, err);
		lba += n, count -= n, p += (size_t)n * ATA_SECTOR_SIZE;
	}
	return 0;
}

int ata_write(struct ata_drive *d, uint64_t lba, uint32_t count, const void *buf,
	      const char **why)
{
	const uint8_t *p = buf;

	while (count) {
		uint32_t n = count < ATA_MAX_SECTORS ? count : ATA_MAX_SECTORS;
		int err = write_chunk(d, lba, n, p, why);

		if (err)
			return recover(d, err);
		lba += n, count -= n, p += (size_t)n * ATA_SECTOR_SIZE;
	}
	return 0;
}

int ata_flush(struct ata_drive *d, const char **why)
{
	struct ata_cmd c;
	uint8_t st;
	int err;

	if (ata_build_flush(&c, &d->id) == -ATXF_ENOTSUP)
		return 0;               /* no FLUSH CACHE: the device caches nothing */
	err = issue(d, &c, why);
	return recover(d, err ? err : wait_intr(d->ch, &st, why));
}
