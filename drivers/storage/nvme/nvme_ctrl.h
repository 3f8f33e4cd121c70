/*
 * An NVMe controller (NVMe 1.4 §7.6.1): reset and enable with the admin
 * queue, IDENTIFY of the controller, its active namespaces and each
 * namespace, the number of I/O queues (Set Features), and one I/O queue
 * pair per MSI-X vector after the admin queue's. Admin commands are
 * polled (they run at start and at recovery only); I/O completes from
 * interrupts (nvme_io.c). Device logic only, host-testable.
 */
#ifndef NVME_CTRL_H
#define NVME_CTRL_H

#include <stdint.h>
#include <atxf/cap.h>
#include "nvme_queue.h"

#define NVME_MAX_IOQ    3           /* I/O queue pairs: MSI-X vectors 1..3 */
#define NVME_ADMIN_QD   16          /* admin queue entries */
#define NVME_IO_QD      128         /* I/O queue entries, if CAP.MQES allows */
#define NVME_ADMIN_NS   10000000000ull  /* an admin command's time limit */

/* The controller's DMA memory: admin SQ, admin CQ, an identify page, then
 * per I/O queue its SQ (NVME_IO_QD * 64 bytes) and CQ (a page). */
#define NVME_CTRL_DMA_BYTES (3u * 4096u + NVME_MAX_IOQ * (NVME_IO_QD * 64u + 4096u))

struct nvme_ns_id {
	uint64_t blocks;            /* NSZE */
	uint32_t block_size;        /* 2^LBADS of the format FLBAS selects */
};

struct nvme_ctrl {
	volatile uint8_t *regs;     /* BAR0, mapped */
	struct atxf_dma_tag tag;    /* the controller's reach */
	struct atxf_dma mem;        /* NVME_CTRL_DMA_BYTES, laid out as above */
	uint64_t cap;               /* CAP as read at the last start */
	unsigned stride;            /* doorbell stride, bytes */
	uint64_t ready_ns;          /* CAP.TO: how long CSTS.RDY may take */
	struct nvme_queue admin;
	struct nvme_queue io[NVME_MAX_IOQ];
	unsigned nioq;              /* I/O queue pairs created: qid 1..nioq, vector qid */
	unsigned want_ioq;          /* how many the driver asks for (MSI-X vectors - 1) */
	uint16_t io_qd;             /* entries per I/O queue */
	uint16_t admin_cid;
	uint32_t max_bytes;         /* MDTS in bytes; 0: no limit */
	uint32_t nn;                /* NN: namespaces the controller may have */
	int vwc;                    /* a volatile write cache: FLUSH matters */
	char serial[21], model[41];
	const char *why;            /* what failed last, for the log */
	uint16_t last_status;       /* the failed admin command's status field */
};

/* Takes the registers and allocates the DMA memory: 0 or -ATXF_E*. */
int nvme_ctrl_init(struct nvme_ctrl *c, volatile uint8_t *regs, atxf_handle_t pci,
		   unsigned want_ioq);

/*
 * Resets and enables the controller (§7.6.1), identifies it and creates
 * the I/O queues; again after a fatal status or a timeout (no command the
 * controller held survives). 0, or -ATXF_E* with c->why.
 */
int nvme_ctrl_start(struct nvme_ctrl *c);

/* The active NSIDs (CNS 2), up to max: how many, or -ATXF_E*. */
int nvme_ctrl_namespaces(struct nvme_ctrl *c, uint32_t *nsid, unsigned max);

/* Namespace nsid's size and block size (CNS 0): 0 or -ATXF_E*. */
int nvme_ctrl_identify_ns(struct nvme_ctrl *c, uint32_t nsid, struct nvme_ns_id *out);

/* Whether CSTS says the controller failed (CFS, or all ones: it is gone). */
int nvme_ctrl_failed(const struct nvme_ctrl *c);

/* §7.6.2: a normal shutdown, then disable; the controller does no more DMA. */
void nvme_ctrl_stop(struct nvme_ctrl *c);

/* The DMA memory back; after nvme_ctrl_stop. */
void nvme_ctrl_free(struct nvme_ctrl *c);

#endif
