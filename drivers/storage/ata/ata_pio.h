/*
 * ATA PIO on one legacy IDE channel (two devices, master and slave):
 * software reset, device detection by signature, IDENTIFY DEVICE, READ and
 * WRITE SECTORS (EXT) one 512-byte block per interrupt, FLUSH CACHE (EXT).
 * The command set itself (IDENTIFY parsing, which command for which range,
 * status decoding) is drivers/lib/ata, shared with AHCI; this is the PIO
 * transport. Device logic only: registers through <atxf/hw.h>, and the
 * interrupt wait
 * through the channel's wait_irq, so the host tests run it against a fake
 * channel (tests/unit/test_ata_pio.c).
 */
#ifndef ATA_PIO_H
#define ATA_PIO_H

#include <stdint.h>
#include <ata/ata.h>

/* Bounds; a loaded TCG host answers a sector in milliseconds. */
#define ATA_RESET_TIMEOUT_NS   5000000000ull    /* BSY after SRST (spec: up to 31 s) */
#define ATA_CMD_TIMEOUT_NS     5000000000ull    /* each interrupt of a command */
#define ATA_DRQ_TIMEOUT_NS     1000000000ull    /* the first block of a write */
#define ATA_MAX_SECTORS        256              /* per command: LBA28's count 0 */
#define ATA_WHY_MAX            96

struct ata_channel {
	uint16_t cmd;           /* command block base: 0x1f0, 0x170 */
	uint16_t ctl;           /* control block: 0x3f6, 0x376 */
	/* Sleeps until the channel's IRQ (or any of the driver's: the caller
	 * checks BSY); 0 or -ATXF_ETIMEDOUT. */
	int (*wait_irq)(void *ctx, uint64_t timeout_ns);
	void *ctx;
	uint32_t irqs;          /* waits an interrupt ended */
	char why[ATA_WHY_MAX];  /* the last failure's registers, for *why */
};

enum ata_kind { ATA_NONE = 0, ATA_DISK, ATA_PACKET, ATA_UNKNOWN };

struct ata_drive {
	struct ata_channel *ch;
	uint8_t slave;          /* 0: device 0 (master), 1: device 1 (slave) */
	uint16_t signature;     /* LBA high << 8 | LBA mid after the reset */
	struct ata_identity id;
};

/*
 * Resets both devices of ch (SRST, §9.2) with interrupts off, then turns
 * them on (nIEN clear). 0; -ATXF_ENODEV when the channel floats (0xff:
 * nothing decodes it); -ATXF_ETIMEDOUT when BSY stays set.
 */
int ata_channel_reset(struct ata_channel *ch);

/* INTRQ off (nIEN): the channel interrupts no more. */
void ata_channel_quiet(struct ata_channel *ch);

/* What sits at slave after the reset, by status and signature. */
enum ata_kind ata_detect(struct ata_channel *ch, unsigned slave, uint16_t *signature);

/*
 * IDENTIFY DEVICE into d->id. 0; -ATXF_EIO with *why when the device
 * aborts it or its data is not a disk's, -ATXF_ETIMEDOUT.
 */
int ata_identify(struct ata_drive *d, const char **why);

/*
 * count sectors at lba, PIO, from the device into buf (to it from buf):
 * LBA28 when the range fits it, else LBA48, at most ATA_MAX_SECTORS per
 * command. 0, -ATXF_ERANGE beyond the disk, -ATXF_EIO (or what
 * ata_status_result makes of the registers) on a device error, with *why
 * for the caller's log line, -ATXF_ETIMEDOUT (after which the channel is
 * reset, so the next command finds it idle).
 */
int ata_read(struct ata_drive *d, uint64_t lba, uint32_t count, void *buf, const char **why);
int ata_write(struct ata_drive *d, uint64_t lba, uint32_t count, const void *buf,
	      const char **why);

/* FLUSH CACHE EXT (or FLUSH CACHE): 0 once the write cache is on the medium. */
int ata_flush(struct ata_drive *d, const char **why);

#endif
