/*
 * NVMe I/O commands (NVMe 1.4 §6: Read, Write, Flush) in flight on the
 * controller's I/O queues. Each command has a slot: its submission entry
 * as sent (so it can be sent again after a controller reset), the request
 * it answers, its PRP list page and a bounce buffer in the driver's own
 * DMA memory, so a client that goes away mid-command leaves the device
 * writing only into the driver's pages. The slot number is the command
 * identifier. Device logic only, host-testable: completions are handed to
 * a callback.
 */
#ifndef NVME_IO_H
#define NVME_IO_H

#include <stdint.h>
#include "nvme_ctrl.h"

#define NVME_CMDS       64          /* commands in flight at once */
#define NVME_XFER       65536u      /* bytes per command at most: 16 pages, a PRP list */
#define NVME_IO_NS      5000000000ull   /* a command's time limit before a reset */
#define NVME_IO_DMA_BYTES (NVME_CMDS * (NVME_XFER + 4096u))

struct nvme_cmd {
	void *req;                  /* what it answers; NULL once the client gave up */
	void *buf;                  /* the client's bytes: read into at completion */
	uint32_t bytes;             /* data length */
	uint8_t busy;               /* submitted, no completion yet */
	uint8_t qi;                 /* its I/O queue: c->io[qi] */
	uint64_t deadline_ns;
	struct nvme_sqe sqe;        /* as submitted */
	uint64_t *prp_list;         /* its PRP list page */
	uint64_t prp_bus;
	uint8_t *bounce;            /* NVME_XFER bytes */
	uint64_t bounce_bus;
};

/* A command's end: its req, 0 or -ATXF_E*, the bytes moved. */
typedef void nvme_done_fn(void *req, int status, uint32_t bytes);

struct nvme_io {
	struct nvme_ctrl *c;
	struct atxf_dma pool;       /* the slots' PRP lists and bounce buffers */
	struct nvme_cmd cmd[NVME_CMDS];
	unsigned next_q;            /* round robin over the I/O queues */
	uint32_t xfer_max;          /* bytes per command: NVME_XFER or MDTS */
	uint64_t strays;            /* completions naming no command in flight */
	uint64_t resubmitted;       /* commands sent again after a reset */
};

/* Allocates the slots' memory: 0 or -ATXF_ENOMEM. */
int nvme_io_init(struct nvme_io *io, struct nvme_ctrl *c);

/*
 * Starts Read or Write of nlb blocks (bytes in all, at most xfer_max) at
 * lba of nsid; buf is the client's (a write's bytes are copied now).
 * 0, or -ATXF_EAGAIN when every slot or queue is busy.
 */
int nvme_io_rw(struct nvme_io *io, void *req, uint8_t opcode, uint32_t nsid, uint64_t lba,
	       uint32_t nlb, uint32_t bytes, void *buf);

/* Starts Flush of nsid: 0 or -ATXF_EAGAIN. */
int nvme_io_flush(struct nvme_io *io, void *req, uint32_t nsid);

/* Ends the commands I/O queue qi completed, through done. */
void nvme_io_complete(struct nvme_io *io, unsigned qi, nvme_done_fn *done);

/* The client gave up on req: its command ends without telling anyone. */
void nvme_io_forget(struct nvme_io *io, const void *req);

/* Whether a command has waited past its time limit at now. */
int nvme_io_overdue(const struct nvme_io *io, uint64_t now_ns);

/* After nvme_ctrl_start made new queues: sends every command in flight again. */
void nvme_io_resubmit(struct nvme_io *io);

/* Ends every command in flight with status (the controller is lost). */
void nvme_io_fail_all(struct nvme_io *io, int status, nvme_done_fn *done);

/* The slots' memory back; after the controller stopped. */
void nvme_io_free(struct nvme_io *io);

#endif
