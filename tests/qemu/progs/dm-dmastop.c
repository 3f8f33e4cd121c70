/*
 * dm-dmastop.atxf: dm-dmabad.atxf (see there) whose manifest says
 * ATXF_MANIFEST_F_NO_RESTART, so that devmgr keeps it stopped after the
 * DMA fault of its first generation: scenario dma-fault-devmgr-stop.
 */
#define DMABAD_NAME  "dm-dmastop"
#define DMABAD_FLAGS ATXF_MANIFEST_F_NO_RESTART
#include "dm-dmabad.c"
