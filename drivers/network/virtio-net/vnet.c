/*
 * virtio-net's device logic: see vnet.h. QEMU: -device
 * virtio-net-pci,disable-legacy=on (hw/net/virtio-net.c).
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "vnet.h"

/* §5.1.6.3: one device-writable buffer per receive entry; the token is its number. */
static int offer_rx(struct vnet *v, unsigned i)
{
	struct atxf_virtq_buf b = { nic_buf_bus(&v->rxb, i), VNET_BUF_SIZE };

	return atxf_virtq_add(&v->q[VNET_RXQ], &b, 0, 1, (void *)(uintptr_t)i);
}

static int alloc(struct vnet *v)
{
	int err;

	if (v->rxb.count)
		return 0;
	err = nic_bufs_alloc(&v->rxb, &v->vd.tag, VNET_QSIZE, VNET_BUF_SIZE);
	if (!err)
		err = nic_bufs_alloc(&v->txb, &v->vd.tag, VNET_QSIZE, VNET_BUF_SIZE);
	return err;
}

static int read_mac(struct vnet *v)
{
	if (!atxf_virtio_has(&v->vd, VIRTIO_NET_F_MAC)) {
		strcpy(v->vd.error, "the device offers no VIRTIO_NET_F_MAC (QEMU: mac=)");
		return -ATXF_ENOTSUP;
	}
	return atxf_virtio_config_read(&v->vd, VIRTIO_NET_CFG_MAC, v->mac, NIC_MAC_LEN);
}

static int setup(struct vnet *v)
{
	int err = atxf_virtio_begin(&v->vd, 1ull << VIRTIO_NET_F_MAC | 1ull << VIRTIO_NET_F_STATUS);

	if (!err)
		err = read_mac(v);
	if (!err)
		err = atxf_virtio_config_vector(&v->vd, v->config_vector);
	if (!err)
		err = atxf_virtq_setup(&v->q[VNET_RXQ], &v->vd, VNET_RXQ, VNET_QSIZE, v->queue_vector);
	if (!err)
		err = atxf_virtq_setup(&v->q[VNET_TXQ], &v->vd, VNET_TXQ, VNET_QSIZE, v->queue_vector);
	if (!err)
		err = alloc(v);
	if (!err)
		err = atxf_virtio_ready(&v->vd);
	for (unsigned i = 0; !err && i < v->q[VNET_RXQ].size; i++)
		err = offer_rx(v, i);
	if (err) {
		atxf_virtio_abandon(&v->vd, v->q, 2);
		return err;
	}
	/* Sent frames are collected when the next one goes out: no interrupt for them. */
	atxf_virtq_irq_off(&v->q[VNET_TXQ]);
	v->ntx_free = 0;
	for (unsigned i = 0; i < v->q[VNET_TXQ].size; i++)
		v->tx_free[v->ntx_free++] = (uint16_t)i;
	atxf_virtq_kick(&v->q[VNET_RXQ]);
	return 0;
}

int vnet_start(struct vnet *v, uint16_t config_vector, uint16_t queue_vector)
{
	v->config_vector = config_vector;
	v->queue_vector = queue_vector;
	return setup(v);
}

int vnet_link_up(struct vnet *v)
{
	uint16_t st;

	if (!atxf_virtio_has(&v->vd, VIRTIO_NET_F_STATUS))
		return 1;
	if (atxf_virtio_config_read(&v->vd, VIRTIO_NET_CFG_STATUS, &st, sizeof(st)))
		return 0;
	return (st & VIRTIO_NET_S_LINK_UP) != 0;
}

/* Transmit buffers the device is done with come back to the free list. */
static int tx_reclaim(struct vnet *v)
{
	void *tok;
	uint32_t len;
	int err;

	while ((err = atxf_virtq_get(&v->q[VNET_TXQ], &tok, &len)) == 0)
		v->tx_free[v->ntx_free++] = (uint16_t)(uintptr_t)tok;
	return err == -ATXF_EAGAIN ? 0 : err;
}

int vnet_send(struct vnet *v, const void *frame, size_t len)
{
	struct atxf_virtq_buf b;
	unsigned i;
	int err = tx_reclaim(v);

	if (err)
		return err;
	if (len < NIC_FRAME_MIN || len > VNET_BUF_SIZE - VIRTIO_NET_HDR_LEN)
		return -ATXF_EINVAL;
	if (v->ntx_free == 0)
		return -ATXF_EAGAIN;
	i = v->tx_free[--v->ntx_free];
	/* §5.1.6.2: flags 0, gso_type NONE: the frame goes as it is. */
	memset(nic_buf(&v->txb, i), 0, VIRTIO_NET_HDR_LEN);
	memcpy(nic_buf(&v->txb, i) + VIRTIO_NET_HDR_LEN, frame, len);
	b = (struct atxf_virtq_buf){ nic_buf_bus(&v->txb, i), (uint32_t)(VIRTIO_NET_HDR_LEN + len) };
	err = atxf_virtq_add(&v->q[VNET_TXQ], &b, 1, 0, (void *)(uintptr_t)i);
	if (err) {
		v->tx_free[v->ntx_free++] = (uint16_t)i;
		return err;
	}
	atxf_virtq_kick(&v->q[VNET_TXQ]);
	v->tx_frames++;
	return 0;
}

int vnet_rx_next(struct vnet *v, const uint8_t **frame, uint32_t *len, unsigned *token)
{
	void *tok;
	uint32_t n;
	int err;

	while ((err = atxf_virtq_get(&v->q[VNET_RXQ], &tok, &n)) == 0) {
		unsigned i = (unsigned)(uintptr_t)tok;

		if (n >= VIRTIO_NET_HDR_LEN + NIC_FRAME_MIN) {
			*frame = nic_buf(&v->rxb, i) + VIRTIO_NET_HDR_LEN;
			*len = n - VIRTIO_NET_HDR_LEN;
			*token = i;
			v->rx_frames++;
			return 1;
		}
		v->rx_bad++;            /* shorter than a header: give it back */
		vnet_rx_done(v, i);
	}
	return err == -ATXF_EAGAIN ? 0 : err;
}

void vnet_rx_done(struct vnet *v, unsigned token)
{
	if (offer_rx(v, token) == 0)
		atxf_virtq_kick(&v->q[VNET_RXQ]);
}

int vnet_want_irq(struct vnet *v)
{
	return atxf_virtq_irq_on(&v->q[VNET_RXQ]);
}

int vnet_needs_reset(const struct vnet *v)
{
	return atxf_virtio_needs_reset(&v->vd);
}

int vnet_restart(struct vnet *v)
{
	int err = atxf_virtio_reset(&v->vd);

	/* After the reset the device holds none of our buffers. */
	atxf_virtq_release(&v->q[VNET_RXQ]);
	atxf_virtq_release(&v->q[VNET_TXQ]);
	return err ? err : setup(v);
}

void vnet_stop(struct vnet *v)
{
	/* §2.1.2: after a reset the device touches none of our memory. */
	if (v->vd.common)
		(void)atxf_virtio_reset(&v->vd);
	atxf_virtq_release(&v->q[VNET_RXQ]);
	atxf_virtq_release(&v->q[VNET_TXQ]);
	nic_bufs_free(&v->rxb);
	nic_bufs_free(&v->txb);
}
