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

/* Status and error bits, and the commands: drivers/lib/ata/ata.h, shared
 * with AHCI. */

/* Device control (§7.9). */
#define ATA_CTL_NIEN       0x02 /* 1: INTRQ disabled */
#define ATA_CTL_SRST       0x04 /* software reset of both devices */
#define ATA_CTL_HOB        0x80 /* read back the high bytes of an LBA48 address */

/* Device (§7.10): bit 4 selects device 1 (the slave); bits 7 and 5 are
 * obsolete ones that older devices want set; bit 6 (LBA) comes with the
 * command (ATA_DEV_LBA, <ata/ata.h>). */
#define ATA_DEV_OBS        0xa0
#define ATA_DEV_SLAVE      0x10

/* Signatures in LBA mid/high after a reset (§9.12; SATA for 0x3c/0xc3). */
#define ATA_SIG_ATA        0x0000
#define ATA_SIG_ATAPI      0xeb14
#define ATA_SIG_SATA       0xc33c
#define ATA_SIG_SATAPI     0x9669

#endif
