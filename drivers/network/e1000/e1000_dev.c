/*
 * The e1000 family's device logic: see e1000_dev.h. QEMU: -device e1000
 * (hw/net/e1000.c) and -device e1000e (hw/net/e1000e_core.c).
 */
#include <string.h>
#include <atxf/errors.h>
#include "e1000_dev.h"

#define EERD_POLLS      1000        /* 1 us apart: QEMU answers at once, silicon in us */
#define RESET_POLLS     1000

/* §5.3.1: one EEPROM word through EERD. */
static int eeprom_word(struct e1k *e, uint32_t addr, uint16_t *out)
{
	uint32_t shift = e->eerd_8257x ? E1000_EERD_ADDR_SHIFT_8257X : E1000_EERD_ADDR_SHIFT;
	uint32_t done = e->eerd_8257x ? E1000_EERD_DONE_8257X : E1000_EERD_DONE;

	e1k_wr(e, E1000_EERD, addr << shift | E1000_EERD_START);
	for (unsigned i = 0; i < EERD_POLLS; i++) {
		uint32_t v = e1k_rd(e, E1000_EERD);

		if (v & done) {
			*out = (uint16_t)(v >> E1000_EERD_DATA_SHIFT);
			return 0;
		}
		atxf_delay_us(1);
	}
	return -ATXF_ETIMEDOUT;
}

int e1k_read_mac(struct e1k *e)
{
	for (unsigned w = 0; w < 3; w++) {
		uint16_t v;
		int err = eeprom_word(e, E1000_EEPROM_MAC + w, &v);

		if (err)
			return err;
		e->mac[2 * w] = (uint8_t)v;
		e->mac[2 * w + 1] = (uint8_t)(v >> 8);
	}
	return nic_mac_usable(e->mac) ? 0 : -ATXF_EIO;
}

/* §14.9: RST clears itself when the reset is done; every cause masked after it. */
static int reset(struct e1k *e)
{
	e1k_wr(e, E1000_IMC, 0xffffffffu);
	e1k_wr(e, E1000_RCTL, 0);
	e1k_wr(e, E1000_TCTL, 0);
	e1k_wr(e, E1000_CTRL, e1k_rd(e, E1000_CTRL) | E1000_CTRL_RST);
	for (unsigned i = 0; i < RESET_POLLS; i++) {
		atxf_delay_us(1);
		if (!(e1k_rd(e, E1000_CTRL) & E1000_CTRL_RST))
			break;
	}
	if (e1k_rd(e, E1000_CTRL) & E1000_CTRL_RST)
		return -ATXF_ETIMEDOUT;
	e1k_wr(e, E1000_IMC, 0xffffffffu);
	(void)e1k_rd(e, E1000_ICR);
	e1k_wr(e, E1000_CTRL, e1k_rd(e, E1000_CTRL) | E1000_CTRL_SLU);
	return 0;
}

/* §13.4.62: our address in RA[0], valid; the multicast table empty. */
static void set_address(struct e1k *e)
{
	const uint8_t *m = e->mac;

	e1k_wr(e, E1000_RAL0, m[0] | m[1] << 8 | m[2] << 16 | (uint32_t)m[3] << 24);
	e1k_wr(e, E1000_RAH0, m[4] | m[5] << 8 | E1000_RAH_AV);
	for (uint32_t i = 0; i < E1000_MTA_WORDS; i++)
		e1k_wr(e, E1000_MTA + 4 * i, 0);
}

static int alloc(struct e1k *e, const struct atxf_dma_tag *tag)
{
	int err;

	if (e->rings.size)
		return 0;
	err = atxf_dma_alloc(tag, E1K_RING_BYTES, &e->rings);
	if (!err)
		err = nic_bufs_alloc(&e->rxb, tag, E1K_RX_DESCS, E1K_BUF_SIZE);
	if (!err)
		err = nic_bufs_alloc(&e->txb, tag, E1K_TX_DESCS, E1K_BUF_SIZE);
	if (err)
		e1k_stop(e);
	return err;
}

/* §14.4: every receive descriptor given to the device, the tail one short of the head. */
static void rx_setup(struct e1k *e)
{
	uint64_t bus = e->rings.bus_addr;

	e->rx = (struct e1000_rx_desc *)(uintptr_t)e->rings.vaddr;
	for (unsigned i = 0; i < E1K_RX_DESCS; i++)
		e->rx[i] = (struct e1000_rx_desc){ .addr = nic_buf_bus(&e->rxb, i) };
	e1k_wr(e, E1000_RDBAL, (uint32_t)bus);
	e1k_wr(e, E1000_RDBAH, (uint32_t)(bus >> 32));
	e1k_wr(e, E1000_RDLEN, E1K_RX_DESCS * 16u);
	e1k_wr(e, E1000_RDH, 0);
	e1k_wr(e, E1000_RDT, E1K_RX_DESCS - 1);
	e1k_wr(e, E1000_RDTR, 0);
	e->rx_next = 0;
	/* QEMU's e1000 then holds frames back for 1 s (flush_queue_timer), queued, not lost. */
	e1k_wr(e, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC);
}

/* §14.5: an empty transmit ring. */
static void tx_setup(struct e1k *e)
{
	uint64_t bus = e->rings.bus_addr + E1K_RX_DESCS * 16u;

	e->tx = (struct e1000_tx_desc *)(uintptr_t)(e->rings.vaddr + E1K_RX_DESCS * 16u);
	memset(e->tx, 0, E1K_TX_DESCS * 16u);
	e1k_wr(e, E1000_TDBAL, (uint32_t)bus);
	e1k_wr(e, E1000_TDBAH, (uint32_t)(bus >> 32));
	e1k_wr(e, E1000_TDLEN, E1K_TX_DESCS * 16u);
	e1k_wr(e, E1000_TDH, 0);
	e1k_wr(e, E1000_TDT, 0);
	e->txr = (struct nic_ring){ .size = E1K_TX_DESCS };
	e1k_wr(e, E1000_TIPG, E1000_TIPG_COPPER);
	e1k_wr(e, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP | E1000_TCTL_CT | E1000_TCTL_COLD);
}

int e1k_start(struct e1k *e, const struct atxf_dma_tag *tag, uint32_t ims)
{
	int err = reset(e);

	if (!err)
		err = alloc(e, tag);
	if (err)
		return err;
	set_address(e);
	rx_setup(e);
	tx_setup(e);
	e1k_wr(e, E1000_IMS, ims);
	return 0;
}

void e1k_quiesce(struct e1k *e)
{
	if (!e->regs)
		return;
	e1k_wr(e, E1000_IMC, 0xffffffffu);
	e1k_wr(e, E1000_RCTL, 0);
	e1k_wr(e, E1000_TCTL, 0);
	(void)e1k_rd(e, E1000_ICR);
}

void e1k_stop(struct e1k *e)
{
	e1k_quiesce(e);
	if (e->rings.size)
		atxf_dma_free(&e->rings);
	memset(&e->rings, 0, sizeof(e->rings));
	nic_bufs_free(&e->rxb);
	nic_bufs_free(&e->txb);
}

/* Sent frames (DD written back) leave the ring. */
static void tx_reclaim(struct e1k *e)
{
	while (nic_ring_used(&e->txr) &&
	       (__atomic_load_n(&e->tx[e->txr.head].status, __ATOMIC_ACQUIRE) & E1000_TXD_DD))
		e->txr.head = nic_ring_next(&e->txr, e->txr.head);
}

int e1k_send(struct e1k *e, const void *frame, size_t len)
{
	uint32_t i;

	if (len < NIC_FRAME_MIN || len > E1K_BUF_SIZE)
		return -ATXF_EINVAL;
	tx_reclaim(e);
	if (nic_ring_room(&e->txr) == 0)
		return -ATXF_EAGAIN;
	i = e->txr.tail;
	memcpy(nic_buf(&e->txb, i), frame, len);
	e->tx[i] = (struct e1000_tx_desc){
		.addr = nic_buf_bus(&e->txb, i), .length = (uint16_t)len,
		.cmd = E1000_TXD_EOP | E1000_TXD_IFCS | E1000_TXD_RS };
	e->txr.tail = nic_ring_next(&e->txr, i);
	/* The descriptor is in memory before the tail moves (MMIO is ordered after it). */
	e1k_wr(e, E1000_TDT, e->txr.tail);
	e->tx_frames++;
	return 0;
}

int e1k_rx_next(struct e1k *e, const uint8_t **frame, uint32_t *len)
{
	for (;;) {
		struct e1000_rx_desc *d = &e->rx[e->rx_next];
		uint8_t st = __atomic_load_n(&d->status, __ATOMIC_ACQUIRE);

		if (!(st & E1000_RXD_DD))
			return 0;
		if ((st & E1000_RXD_EOP) && !d->errors && d->length >= NIC_FRAME_MIN &&
		    d->length <= E1K_BUF_SIZE) {
			*frame = nic_buf(&e->rxb, e->rx_next);
			*len = d->length;
			e->rx_frames++;
			return 1;
		}
		e->rx_bad++;
		e1k_rx_done(e);
	}
}

void e1k_rx_done(struct e1k *e)
{
	uint32_t i = e->rx_next;

	e->rx[i] = (struct e1000_rx_desc){ .addr = nic_buf_bus(&e->rxb, i) };
	e->rx_next = (i + 1) % E1K_RX_DESCS;
	/* RDT names the last descriptor the device may fill: this one. */
	e1k_wr(e, E1000_RDT, i);
}

uint32_t e1k_causes(struct e1k *e)
{
	return e1k_rd(e, E1000_ICR);
}

int e1k_link_up(struct e1k *e)
{
	return (e1k_rd(e, E1000_STATUS) & E1000_STATUS_LU) != 0;
}

void e1k_set_promisc(struct e1k *e, int on)
{
	uint32_t r = e1k_rd(e, E1000_RCTL) & ~(E1000_RCTL_UPE | E1000_RCTL_MPE);

	e1k_wr(e, E1000_RCTL, on ? r | E1000_RCTL_UPE | E1000_RCTL_MPE : r);
}
