/*
 * What dma-orphan.atxf and dma-orphan-check.atxf share: the request that
 * starts the orphaned transfer and the pattern it carries.
 */
#ifndef PROGS_DMA_ORPHAN_H
#define PROGS_DMA_ORPHAN_H

#include <atxf/ipc.h>

#define DMA_ORPHAN_GO    ATXF_REQUEST(ATXF_PROTO_PRIVATE_FIRST, 1)
#define DMA_ORPHAN_SALT  0xa5
#define DMA_ORPHAN_NAME  "dma-orphan"

#endif
