/*
 * Physical Region Page entries (NVMe 1.4 §4.3): how a command names its
 * data. PRP1 is the first page (it may start inside it); a transfer that
 * ends in the second page has that page in PRP2; a longer one has in PRP2
 * the bus address of a PRP list, one 8-byte entry per further page, each
 * page-aligned. Pure arithmetic, host-tested.
 */
#ifndef NVME_PRP_H
#define NVME_PRP_H

#include <stdint.h>
#include <atxf/cap.h>

/* Entries one PRP list page holds: the driver never chains lists. */
#define NVME_PRP_LIST_MAX (4096u / 8u)

/*
 * The PRPs for len bytes in the segments seg[0..nseg) (bus addresses, in
 * order): every segment but the first starts on a page, every one but the
 * last ends on one. list (at list_bus) receives the PRP list when one is
 * needed. 0, or -ATXF_EINVAL (a gap inside a page, len 0, or more bytes
 * than the segments hold) or -ATXF_ERANGE (more pages than one list holds).
 */
int nvme_prp_build(const struct atxf_dma_seg *seg, unsigned nseg, uint32_t len,
		   uint64_t *list, uint64_t list_bus, uint64_t *prp1, uint64_t *prp2);

#endif
