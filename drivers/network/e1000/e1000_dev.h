/*
 * The e1000 family's device logic (e1000_reg.h): reset, the MAC from the
 * EEPROM, legacy receive and transmit rings in DMA memory, link status.
 * Shared by drivers/network/e1000 (82540EM, INTx) and e1000e (82574L,
 * MSI-X): the 82574L keeps the legacy descriptor formats while RFCTL.EXSTEN
 * and the descriptors' DEXT stay 0. No framework here, only <atxf/hw.h>.
 */
#ifndef E1000_DEV_H
#define E1000_DEV_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/hw.h>
#include "e1000_reg.h"
#include "nic_lib.h"

#define E1K_RX_DESCS    64          /* a power of two, RDLEN a multiple of 128 */
#define E1K_TX_DESCS    64
#define E1K_BUF_SIZE    2048        /* RCTL.BSIZE 00: every frame fits one buffer */
#define E1K_RING_BYTES  ((E1K_RX_DESCS + E1K_TX_DESCS) * 16u)

/* What a driver's manifest must grant: descriptor rings and both buffer pools. */
#define E1K_DMA_BYTES   (4096u + (E1K_RX_DESCS + E1K_TX_DESCS) * E1K_BUF_SIZE)

struct e1k {
	volatile uint8_t *regs;     /* BAR 0, mapped */
	struct atxf_dma rings;      /* receive descriptors, then transmit ones */
	struct e1000_rx_desc *rx;
	struct e1000_tx_desc *tx;
	struct nic_bufs rxb, txb;   /* one buffer per descriptor */
	uint32_t rx_next;           /* the next receive descriptor the device fills */
	struct nic_ring txr;        /* transmit descriptors the device holds */
	uint8_t mac[NIC_MAC_LEN];
	uint8_t eerd_8257x;         /* EERD as the 82571..82574 lay it out (set before e1k_read_mac) */
	uint64_t rx_frames, rx_bad, tx_frames;
};

/* Reads the MAC: EEPROM words 0-2 (EERD); -ATXF_ETIMEDOUT, -ATXF_EIO if unusable. */
int e1k_read_mac(struct e1k *e);

/*
 * Resets the controller (CTRL.RST), masks every interrupt cause, programs
 * receive address 0 with e->mac, clears the multicast table, sets up both
 * rings (allocated on the first start) and enables receive and transmit;
 * the interrupt causes in ims are enabled last. 0 or -ATXF_E*.
 */
int e1k_start(struct e1k *e, const struct atxf_dma_tag *tag, uint32_t ims);

/* Stops receive and transmit and masks interrupts; the device does no more DMA. */
void e1k_quiesce(struct e1k *e);
/* e1k_quiesce, then the memory freed. */
void e1k_stop(struct e1k *e);

/* Queues one frame (copied into a transmit buffer): 0, -ATXF_EAGAIN (ring full). */
int e1k_send(struct e1k *e, const void *frame, size_t len);

/*
 * The next received frame: 1 and *frame, *len (valid until e1k_rx_done), or
 * 0 when the device has filled no more. Descriptors of bad frames (errors,
 * no EOP: larger than a buffer) are skipped and counted.
 */
int e1k_rx_next(struct e1k *e, const uint8_t **frame, uint32_t *len);
/* Gives the descriptor e1k_rx_next returned back to the device. */
void e1k_rx_done(struct e1k *e);

/* ICR: the pending causes, cleared by the read. */
uint32_t e1k_causes(struct e1k *e);
int e1k_link_up(struct e1k *e);
void e1k_set_promisc(struct e1k *e, int on);

static inline uint32_t e1k_rd(const struct e1k *e, uint32_t reg)
{
	return atxf_mmio_read32(e->regs + reg);
}

static inline void e1k_wr(struct e1k *e, uint32_t reg, uint32_t v)
{
	atxf_mmio_write32(e->regs + reg, v);
}

#endif
