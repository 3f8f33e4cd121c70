/*
 * A fake legacy IDE channel for the ATA PIO host tests (tests/unit/
 * test_ata_pio.c): the task file the two devices share, the device
 * register choosing which one answers, status and alternate status, nIEN
 * and SRST, and the PIO data-in and data-out protocols (ATA/ATAPI-6 §9),
 * played by the rules the driver depends on: BSY while a block is on its
 * way, INTRQ when it is ready or a command ends, lowered by a status read;
 * writes to the command block ignored while the selected device is busy;
 * an absent device reads status 0. Its disks keep a few sectors each
 * (the ones written), so a disk can be larger than memory.
 *
 * Work the device does "later" (a block read from the medium, one written)
 * happens when the driver waits for the interrupt: fake_ide_wait_irq is
 * the channel's wait_irq.
 */
#ifndef TESTS_UNIT_ATA_FAKE_CHANNEL_H
#define TESTS_UNIT_ATA_FAKE_CHANNEL_H

#include <stdbool.h>
#include <stdint.h>

#define FAKE_IDE_KEPT 640               /* sectors a disk keeps */

enum fake_ide_kind { FAKE_IDE_ABSENT, FAKE_IDE_DISK, FAKE_IDE_CDROM };
enum fake_ide_later { LATER_NONE, LATER_READ, LATER_WRITTEN };

struct fake_ide_sector {
	uint64_t lba;
	uint8_t data[512];
};

struct fake_ide_dev {
	enum fake_ide_kind kind;
	uint64_t sectors;
	uint8_t status, error;
	uint16_t signature;             /* its LBA high:mid registers, as reset left them */
	struct fake_ide_sector kept[FAKE_IDE_KEPT];
	unsigned nkept;
	uint64_t bad_lba;               /* reading it fails with UNC; 0: none */
};

struct fake_ide {
	uint16_t base, ctl;
	bool floating;                  /* nothing on the bus: everything reads 0xff */
	bool no_irq;                    /* the device never interrupts (a broken line) */
	bool wedged;                    /* the device never finishes what it started */
	uint64_t reset_ns;              /* a reset ends this long after SRST clears */
	uint64_t reset_done_at;         /* when the reset under way ends; 0: none */
	struct fake_ide_dev dev[2];
	unsigned sel;                   /* the selected device */
	uint8_t control;                /* nIEN, SRST as written */
	/* the task file, with the previous ("HOB") bytes of an LBA48 load */
	uint8_t features, count, lba[3], device;
	uint8_t prev_count, prev_lba[3];
	bool intrq;                     /* the INTRQ line */
	/* the command in progress */
	uint8_t command;
	uint64_t cur_lba;
	uint32_t left;                  /* blocks still to move */
	enum fake_ide_later later;
	uint8_t buf[512];
	unsigned pos;                   /* bytes of buf moved */
	bool data_in, data_out;         /* DRQ's direction */
	/* what the test checks */
	unsigned commands[16], ncommands;
	unsigned irqs_raised;
	unsigned waits;
};

/* Claims the ports (atxf_fake_io_add); the devices are set by the test. */
void fake_ide_attach(struct fake_ide *f, uint16_t base, uint16_t ctl);
/* ata_channel.wait_irq: does the pending work, 0 if INTRQ is up, else the
 * whole timeout passes on the fake clock and -ATXF_ETIMEDOUT. */
int fake_ide_wait_irq(void *ctx, uint64_t timeout_ns);
/* The byte a kept or never-written sector holds: written data, else 0. */
const uint8_t *fake_ide_sector(struct fake_ide_dev *d, uint64_t lba);

#endif
