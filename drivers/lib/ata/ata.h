/*
 * The ATA command set shared by the AHCI and ATA PIO drivers (ACS-3,
 * T13/2161-D): IDENTIFY DEVICE parsed into what a block driver needs,
 * READ/WRITE and FLUSH CACHE built as a register-level command that each
 * transport writes its own way (a taskfile for PIO, a Register H2D FIS for
 * AHCI), and the status/error registers decoded. No I/O happens here, so
 * all of it is host-tested (tests/unit/test_ata_*.c) against IDENTIFY data
 * laid out as QEMU 7.2's ide-hd answers (hw/ide/core.c, ide_identify).
 */
#ifndef DRIVERS_LIB_ATA_H
#define DRIVERS_LIB_ATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ATA_IDENTIFY_WORDS 256
#define ATA_SECTOR_SIZE    512u

/* Commands (ACS-3 §7, opcodes in Table B.2). */
#define ATA_CMD_READ_SECTORS       0x20
#define ATA_CMD_READ_SECTORS_EXT   0x24
#define ATA_CMD_READ_DMA_EXT       0x25
#define ATA_CMD_WRITE_SECTORS      0x30
#define ATA_CMD_WRITE_SECTORS_EXT  0x34
#define ATA_CMD_WRITE_DMA_EXT      0x35
#define ATA_CMD_READ_FPDMA_QUEUED  0x60
#define ATA_CMD_WRITE_FPDMA_QUEUED 0x61
#define ATA_CMD_IDENTIFY_PACKET    0xa1
#define ATA_CMD_READ_DMA           0xc8
#define ATA_CMD_WRITE_DMA          0xca
#define ATA_CMD_FLUSH_CACHE        0xe7
#define ATA_CMD_IDENTIFY           0xec
#define ATA_CMD_FLUSH_CACHE_EXT    0xea

/* Status register (ACS-3 §6.2.11; ATA8-APT for BSY/DRQ). */
#define ATA_SR_ERR  0x01   /* the command failed: see the error register */
#define ATA_SR_DRQ  0x08   /* the device wants data moved */
#define ATA_SR_DF   0x20   /* device fault */
#define ATA_SR_DRDY 0x40   /* ready for a command */
#define ATA_SR_BSY  0x80   /* the device owns the registers */

/* Error register (ACS-3 §6.2.3). */
#define ATA_ER_AMNF 0x01   /* address mark not found (obsolete) */
#define ATA_ER_NM   0x02   /* no media */
#define ATA_ER_ABRT 0x04   /* command aborted: unsupported or bad argument */
#define ATA_ER_MCR  0x08   /* media change requested */
#define ATA_ER_IDNF 0x10   /* address not found: LBA out of range */
#define ATA_ER_MC   0x20   /* media changed */
#define ATA_ER_UNC  0x40   /* uncorrectable data */
#define ATA_ER_ICRC 0x80   /* interface CRC error */

/* Device register: LBA addressing (bit 6, the old "LBA" bit; ACS-3 keeps it
 * set for every LBA command), and FUA for the FPDMA commands (bit 7). */
#define ATA_DEV_LBA 0x40
#define ATA_DEV_FUA 0x80

#define ATA_LBA28_LIMIT (1ull << 28)
#define ATA_LBA48_LIMIT (1ull << 48)
#define ATA_NCQ_TAGS    32

/* What IDENTIFY DEVICE says about a disk, in the units a driver uses. */
struct ata_identity {
	char model[41];            /* words 27-46, byte-swapped, trailing spaces cut */
	char serial[21];           /* words 10-19 */
	char firmware[9];          /* words 23-26 */
	uint64_t sectors;          /* addressable logical sectors (LBA48 if offered) */
	uint32_t logical_size;     /* bytes per logical sector (words 106, 117-118) */
	uint32_t physical_size;    /* bytes per physical sector (word 106 bits 3:0) */
	bool lba48;                /* 48-bit commands (word 83 bit 10) */
	bool dma;                  /* DMA supported (word 49 bit 8) */
	bool ncq;                  /* FPDMA QUEUED commands (word 76 bit 8) */
	uint8_t queue_depth;       /* NCQ tags, 1..32 (word 75 bits 4:0, + 1) */
	bool write_cache;          /* volatile write cache enabled (word 85 bit 5) */
	bool flush;                /* FLUSH CACHE (word 83 bit 12) */
	bool flush_ext;            /* FLUSH CACHE EXT (word 83 bit 13) */
};

int ata_identify_parse(const uint16_t words[ATA_IDENTIFY_WORDS], struct ata_identity *id);

/* How a command moves its data. */
enum ata_xfer {
	ATA_XFER_NONE,   /* no data (FLUSH) */
	ATA_XFER_PIO,    /* READ/WRITE SECTORS (EXT) */
	ATA_XFER_DMA,    /* READ/WRITE DMA (EXT) */
	ATA_XFER_NCQ,    /* READ/WRITE FPDMA QUEUED */
};

/* A command as the registers hold it (ACS-3 §6: the 48-bit register
 * model; an LBA28 command has the high halves zero and lba48 false). */
struct ata_cmd {
	uint8_t command;
	uint16_t features;         /* FPDMA: the sector count */
	uint16_t count;            /* sector count; FPDMA: tag << 3 */
	uint64_t lba;              /* bits 47:0; LBA28: bits 27:0 */
	uint8_t device;            /* ATA_DEV_*; LBA28: bits 3:0 are LBA 27:24 */
	bool lba48;                /* the "previous" (HOB) register halves matter */
	bool write;                /* data goes host to device */
	enum ata_xfer xfer;
	uint32_t sectors;          /* sectors moved (0 for no data) */
};

/* A READ or WRITE of count sectors at lba, for the disk id describes, in
 * the given transfer mode (tag: the NCQ tag, else 0). LBA28 is used when
 * it reaches (it is the faster path on old hosts and what a disk without
 * LBA48 understands), else LBA48. Refused (*cmd untouched): a count of 0
 * or over the command's limit, a range past the disk's end, NCQ on a disk
 * without it or a tag beyond its queue depth. */
int ata_build_rw(struct ata_cmd *cmd, const struct ata_identity *id, enum ata_xfer xfer,
		 bool write, uint64_t lba, uint32_t count, unsigned tag);
/* FLUSH CACHE EXT, or FLUSH CACHE on a disk without it; -ATXF_ENOTSUP on
 * a disk with neither. */
int ata_build_flush(struct ata_cmd *cmd, const struct ata_identity *id);
/* IDENTIFY DEVICE: 512 bytes of PIO data in. */
void ata_build_identify(struct ata_cmd *cmd);
/* Most sectors one command of this mode may move on this disk. */
uint32_t ata_max_sectors(const struct ata_identity *id, enum ata_xfer xfer);

/* A command's outcome from its final status and error registers: 0, or
 * -ATXF_EIO (ERR or DF: the command failed), -ATXF_ERANGE (IDNF: the
 * address is not on the disk), -ATXF_ENOTSUP (ABRT alone: the device
 * refused the command), -ATXF_EBUSY (BSY or DRQ still set: not finished). */
int ata_status_result(uint8_t status, uint8_t error);
/* "status 0x51 DRDY ERR, error 0x04 ABRT" into buf (always terminated),
 * for the one log line a person reads. Returns the length written. */
size_t ata_status_describe(uint8_t status, uint8_t error, char *buf, size_t len);

#endif
