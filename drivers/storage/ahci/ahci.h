/*
 * The AHCI driver's state and its device logic (hba.c, port.c, queue.c,
 * recover.c): one HBA, each port with a disk a block device of its own.
 * Data moves by DMA straight to and from the client's buffer
 * (<atxf/driver/block_dma.h>); a buffer the PRDT cannot describe (an odd
 * address: PRD data addresses are word aligned) goes through the port's
 * one bounce buffer, a command at a time: the rare path, so it waits for
 * the buffer rather than every slot holding a bounce buffer of its own.
 */
#ifndef AHCI_H
#define AHCI_H

#include <stdbool.h>
#include <stdint.h>
#include <atxf/driver.h>
#include <atxf/hw.h>
#include <ata/ata.h>
#include "ahci_reg.h"

#define AHCI_MAX_SECTORS 512                         /* per command: 256 KiB */
#define AHCI_BOUNCE      (AHCI_MAX_SECTORS * ATA_SECTOR_SIZE)
/* A port's control buffer (port.c): command list, received FISes, tables; whole pages. */
#define AHCI_CTL_BYTES   ((2048 + AHCI_MAX_SLOTS * sizeof(struct ahci_cmd_table) + 4095) / 4096 * 4096)
#define AHCI_QUEUE       256                         /* requests waiting for a slot */
#define AHCI_CMD_NS      5000000000ull               /* the watchdog: a command's limit */
#define AHCI_TIMEOUT_NS  30000000000ull              /* the framework's, per request: last resort */

enum ahci_op { AHCI_OP_READ, AHCI_OP_WRITE, AHCI_OP_FLUSH };

/* One request: waiting in the queue, or in a command slot. */
struct ahci_io {
	struct atxf_request *req;   /* NULL: its client is gone; drop it */
	void *buf;                  /* the client's bytes (READ/WRITE) */
	uint64_t lba;
	uint32_t count;
	uint8_t op;                 /* enum ahci_op */
	uint8_t solo;               /* after a port error: alone, not queued */
	unsigned binding;           /* its client bytes' DMA mapping (block_dma); 0: bounce */
};

struct ahci_slot {
	struct ahci_io io;
	bool busy;
	bool queued;                /* an FPDMA command: completion clears PxSACT */
	bool bounced;               /* its data is in the port's bounce buffer */
	uint64_t started_ns;        /* when it was issued, for the watchdog */
};

struct ahci_port {
	struct ahci_hba *hba;
	volatile uint8_t *regs;     /* its 0x80 bytes of ABAR */
	unsigned no;
	struct atxf_device *dev;    /* its block device; NULL: no disk */
	struct atxf_dma ctl;        /* command list, received FIS, command tables */
	struct atxf_dma bounce;     /* AHCI_BOUNCE bytes, for one command at a time */
	bool bounce_busy;
	struct ahci_cmd_header *hdr;
	struct ahci_cmd_table *tbl;
	uint64_t tbl_bus;
	struct ata_identity id;
	unsigned nslots;
	bool ncq;                   /* FPDMA commands: the HBA and the disk offer them */
	uint32_t busy;              /* slots issued */
	struct ahci_slot slot[AHCI_MAX_SLOTS];
	struct ahci_io queue[AHCI_QUEUE];
	unsigned qhead, qlen;
	unsigned recoveries;
	unsigned direct, bounced;   /* transfers each way, for the log */
};

struct ahci_hba {
	volatile uint8_t *abar;
	uint32_t cap, pi;
	struct atxf_dma_tag tag;
	struct atxf_device *dev;    /* the controller: the driver's first device */
	struct ahci_port port[AHCI_MAX_PORTS];
};

/* hba.c */
int ahci_hba_reset(struct ahci_hba *h);
void ahci_hba_irq(struct ahci_hba *h);
void ahci_hba_stop(struct ahci_hba *h);
uint32_t ahci_rd(const struct ahci_port *p, unsigned reg);
void ahci_wr(struct ahci_port *p, unsigned reg, uint32_t v);
int ahci_wait(const struct ahci_port *p, unsigned reg, uint32_t mask, uint32_t want,
	      unsigned ms);

/* port.c: bring-up, command slots */
int ahci_port_init(struct ahci_port *p);
int ahci_port_engines(struct ahci_port *p, bool on);
void ahci_port_free(struct ahci_port *p);
struct atxf_block_sg;
void ahci_slot_issue(struct ahci_port *p, unsigned s, const struct ata_cmd *c, uint32_t bytes,
		     const struct atxf_block_sg *sg);
void *ahci_bounce_buf(struct ahci_port *p);

/* queue.c: requests into slots and back */
int ahci_submit(struct ahci_port *p, struct ahci_io *io);
void ahci_kick(struct ahci_port *p);
void ahci_port_events(struct ahci_port *p, uint32_t is);
void ahci_slot_finish(struct ahci_port *p, unsigned s, int status);
void ahci_slot_release(struct ahci_port *p, unsigned s);
void ahci_forget(struct ahci_port *p, struct atxf_request *req);
bool ahci_requeue_front(struct ahci_port *p, const struct ahci_io *io);

/* recover.c */
void ahci_port_recover(struct ahci_port *p, int failed_slot, const char *why);
void ahci_watchdog(struct ahci_port *p, uint64_t now_ns);

#endif
