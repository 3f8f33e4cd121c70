/*
 * virtio-net's device logic (VIRTIO 1.1 §5.1) on the SDK's virtio library
 * (<atxf/virtio.h>): receiveq1 kept full of device-writable buffers,
 * transmitq1 fed one buffer per frame (the 12-byte virtio_net_hdr, all
 * zero: no offloads, then the frame), the MAC from the device configuration
 * (VIRTIO_NET_F_MAC) and the link from its status (VIRTIO_NET_F_STATUS).
 * No framework here: the glue is virtio_net.c.
 */
#ifndef VNET_H
#define VNET_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/virtio.h>
#include "nic_lib.h"

#define VIRTIO_ID_NET           1
#define VIRTIO_PCI_NET          (VIRTIO_PCI_MODERN_BASE + VIRTIO_ID_NET)
#define VIRTIO_PCI_NET_TRANSITIONAL 0x1000
#define VIRTIO_NET_F_MAC        5           /* §5.1.3: config has mac */
#define VIRTIO_NET_F_STATUS     16          /* config has status */
#define VIRTIO_NET_CFG_MAC      0           /* §5.1.4 virtio_net_config */
#define VIRTIO_NET_CFG_STATUS   6
#define VIRTIO_NET_S_LINK_UP    1
#define VIRTIO_NET_HDR_LEN      12          /* §5.1.6: with VERSION_1, num_buffers included */

#define VNET_RXQ        0
#define VNET_TXQ        1
#define VNET_QSIZE      64
#define VNET_BUF_SIZE   2048        /* header + a 1514-byte frame, without MRG_RXBUF */
#define VNET_PAGES(x)   (((x) + 4095u) / 4096u * 4096u)
#define VNET_DMA_BYTES  (2 * VNET_PAGES(ATXF_VIRTQ_DMA_BYTES(VNET_QSIZE)) + \
			 2 * VNET_PAGES(VNET_QSIZE * VNET_BUF_SIZE))

struct vnet {
	struct atxf_virtio vd;      /* found by the caller (atxf_virtio_probe/find) */
	struct atxf_virtq q[2];     /* VNET_RXQ, VNET_TXQ */
	struct nic_bufs rxb, txb;   /* a buffer per queue entry */
	uint16_t config_vector, queue_vector;
	uint16_t tx_free[VNET_QSIZE];   /* transmit buffers not with the device */
	unsigned ntx_free;
	uint8_t mac[NIC_MAC_LEN];
	uint64_t rx_frames, rx_bad, tx_frames;
};

/* Negotiates MAC and STATUS (MAC required), sets the queues up on the
 * vectors, offers every receive buffer, DRIVER_OK. 0 or -ATXF_E* (vd.error). */
int vnet_start(struct vnet *v, uint16_t config_vector, uint16_t queue_vector);

/* 1 if the device says the link is up (always, without VIRTIO_NET_F_STATUS). */
int vnet_link_up(struct vnet *v);

/* One frame out: 0, -ATXF_EAGAIN (every buffer with the device), -ATXF_EIO. */
int vnet_send(struct vnet *v, const void *frame, size_t len);

/* The next received frame: 1 with *frame, *len and *token (for vnet_rx_done), 0 if
 * none, -ATXF_EIO if the device broke the ring rules (then vnet_restart). */
int vnet_rx_next(struct vnet *v, const uint8_t **frame, uint32_t *len, unsigned *token);
void vnet_rx_done(struct vnet *v, unsigned token);

/* Asks for an interrupt at the next received frame: 1 if one is already there. */
int vnet_want_irq(struct vnet *v);

int vnet_needs_reset(const struct vnet *v);
int vnet_restart(struct vnet *v);
/* Resets the device, so it writes no more, and frees its memory. */
void vnet_stop(struct vnet *v);

#endif
