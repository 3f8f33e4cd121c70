/*
 * NVMe I/O commands (NVMe 1.4 §6: Read, Write, Flush) in flight on the
 * controller's I/O queues. Each command has a slot: its submission entry
 * as sent (so it can be sent again after a controller reset), the request
 * it answers, the binding of the client's bytes it moves (their bus
 * addresses go straight into its PRPs: no copy) and its PRP list page.
 * The slot number is the command identifier. Device logic only,
 * host-testable: completions are handed to a callback, which gives the
 * binding back even when the request was cancelled meanwhile.
 */
#ifndef NVME_IO_H
#define NVME_IO_H

#include <stdint.h>
#include "nvme_ctrl.h"

/* Commands in flight at once: as many as the framework holds requests
 * (ATXF_DRIVER_MAX_REQUESTS), so several clients' rings together never get
 * EAGAIN as a completion (two clients of 64 each, blkconf-nvme-queue); 3
 * queue pairs of 128 entries have room for all of them. */
#define NVME_CMDS       256
#define NVME_XFER       524288u     /* bytes per command at most: 128 pages, one PRP list page */
/* A command's time limit before a reset: well above what QEMU takes on a
 * loaded TCG machine, well below a client's 5 s call (CLIENT_CALL_NS), so
 * the command is redone before the client gives up. */
#define NVME_IO_NS      2000000000ull
#define NVME_IO_DMA_BYTES (NVME_CMDS * 4096u)     /* a PRP list page each */

struct nvme_cmd {
	void *req;                  /* what it answers; NULL once the client gave up */
	void *owner;                /* the device whose binding it holds */
	unsigned binding;           /* the client's bytes (atxf_block_dma_get); 0: none */
	uint32_t bytes;             /* data length */
	uint8_t busy;               /* submitted, no completion yet */
	uint8_t qi;                 /* its I/O queue: c->io[qi] */
	uint64_t deadline_ns;
	struct nvme_sqe sqe;        /* as submitted */
	uint64_t *prp_list;         /* its PRP list page */
	uint64_t prp_bus;
};

/* A command's end: its req (NULL: cancelled), owner and binding, 0 or
 * -ATXF_E*, the bytes moved. */
typedef void nvme_done_fn(void *req, void *owner, unsigned binding, int status, uint32_t bytes);

/* The bytes of one Read or Write: where they are, as the device sees them. */
struct nvme_data {
	const struct atxf_dma_seg *seg;
	unsigned nseg;
	uint32_t bytes;
	void *owner;
	unsigned binding;
};

struct nvme_io {
	struct nvme_ctrl *c;
	struct atxf_dma pool;       /* the slots' PRP lists */
	struct nvme_cmd cmd[NVME_CMDS];
	unsigned next_q;            /* round robin over the I/O queues */
	uint32_t xfer_max;          /* bytes per command: NVME_XFER or MDTS */
	uint64_t strays;            /* completions naming no command in flight */
	uint64_t resubmitted;       /* commands sent again after a reset */
};

/* Allocates the slots' memory: 0 or -ATXF_ENOMEM. */
int nvme_io_init(struct nvme_io *io, struct nvme_ctrl *c);

/*
 * Starts Read or Write of nlb blocks at lba of nsid, moving d's bytes (at
 * most xfer_max). 0, or -ATXF_EAGAIN when every slot or queue is busy,
 * -ATXF_EINVAL for bytes PRPs cannot name (a start not on 4 bytes, §4.3).
 */
int nvme_io_rw(struct nvme_io *io, void *req, uint8_t opcode, uint32_t nsid, uint64_t lba,
	       uint32_t nlb, const struct nvme_data *d);

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
