/*
 * The ATA task-file registers of one legacy IDE channel as the host sees
 * them through port I/O (ATA/ATAPI-6, T13/1410D, §7: "Register
 * descriptions"; §9.x for the PIO protocols). The command block is eight
 * ports from 0x1f0 (primary) or 0x170 (secondary); the control block is
 * one port, 0x3f6 or 0x376. QEMU: hw/ide/core.c, ide_ioport_read/write,
 * ide_status_read, ide_ctrl_write.
 */
#ifndef ATA_REG_H
#define ATA_REG_H

/* Command block, offsets from its base (§7.1, Table 19). */
#define ATA_REG_DATA       0    /* 16-bit PIO data */
#define ATA_REG_ERROR      1    /* read: error (§7.11) */
#define ATA_REG_FEATURES   1    /* write */
#define ATA_REG_COUNT      2    /* sector count (LBA48: written twice, high byte first) */
#define ATA_REG_LBA_LOW    3    /* LBA 7:0 (then 31:24) */
#define ATA_REG_LBA_MID    4    /* LBA 15:8 (then 39:32); signature byte 1 */
#define ATA_REG_LBA_HIGH   5    /* LBA 23:16 (then 47:40); signature byte 2 */
#define ATA_REG_DEVICE     6    /* device/head (§7.10) */
#define ATA_REG_STATUS     7    /* read: status, and the read clears INTRQ (§7.15) */
#define ATA_REG_COMMAND    7    /* write */
#define ATA_CMD_PORTS      8

/* Control block: one port. A read is alternate status (no INTRQ clear,
 * §7.3); a write is device control (§7.9). */
#define ATA_REG_ALTSTATUS  0
#define ATA_REG_CONTROL    0
#define ATA_CTL_PORTS      1

/* Status (§7.15). */
#define ATA_SR_ERR         0x01 /* the command failed: see the error register */
#define ATA_SR_DRQ         0x08 /* the device wants a data block moved */
#define ATA_SR_DF          0x20 /* device fault */
#define ATA_SR_DRDY        0x40 /* device ready for a command */
#define ATA_SR_BSY         0x80 /* the device owns the registers */

/* Error (§7.11): ABRT is what a command the device refuses sets. */
#define ATA_ER_ABRT        0x04
#define ATA_ER_IDNF        0x10 /* address not found: beyond the medium */
#define ATA_ER_UNC         0x40 /* uncorrectable data */

/* Device control (§7.9). */
#define ATA_CTL_NIEN       0x02 /* 1: INTRQ disabled */
#define ATA_CTL_SRST       0x04 /* software reset of both devices */
#define ATA_CTL_HOB        0x80 /* read back the high bytes of an LBA48 address */

/* Device (§7.10): bit 6 LBA addressing, bit 4 device 1 (the slave);
 * bits 7 and 5 are obsolete ones that older devices want set. */
#define ATA_DEV_OBS        0xa0
#define ATA_DEV_LBA        0x40
#define ATA_DEV_SLAVE      0x10

/* Commands (§8) this driver issues. */
#define ATA_CMD_READ_SECTORS       0x20 /* §8.27, PIO data-in, LBA28 */
#define ATA_CMD_READ_SECTORS_EXT   0x24 /* §8.28, PIO data-in, LBA48 */
#define ATA_CMD_WRITE_SECTORS      0x30 /* §8.62, PIO data-out, LBA28 */
#define ATA_CMD_WRITE_SECTORS_EXT  0x34 /* §8.63, PIO data-out, LBA48 */
#define ATA_CMD_FLUSH_CACHE        0xe7 /* §8.10, non-data */
#define ATA_CMD_FLUSH_CACHE_EXT    0xea /* §8.11, non-data, LBA48 devices */
#define ATA_CMD_IDENTIFY           0xec /* §8.15, PIO data-in, one block */

/* Signatures in LBA mid/high after a reset (§9.12; SATA for 0x3c/0xc3). */
#define ATA_SIG_ATA        0x0000
#define ATA_SIG_ATAPI      0xeb14
#define ATA_SIG_SATA       0xc33c
#define ATA_SIG_SATAPI     0x9669

#define ATA_SECTOR         512  /* bytes of one PIO data block */

#endif
