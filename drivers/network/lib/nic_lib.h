/*
 * What the NIC drivers (drivers/network/e1000, e1000e, virtio-net) share:
 * a pool of equal DMA buffers for frames, the bookkeeping of a descriptor
 * ring the driver fills and the device empties, MAC address checks and
 * formatting, and turning on the PCI function's bus mastering (the kernel
 * turns it off when a driver dies, so each start must set it again).
 * Only <atxf/hw.h>: the host tests build it against libatxf-fake.
 */
#ifndef NIC_LIB_H
#define NIC_LIB_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>

#define NIC_MAC_LEN     6
#define NIC_MAC_STR     18          /* "52:54:00:12:34:56" and its NUL */
#define NIC_FRAME_MIN   14          /* an Ethernet header */

/* count buffers of size bytes each, one DMA allocation. */
struct nic_bufs {
	struct atxf_dma dma;
	unsigned count;
	uint32_t size;
};

/* 0, -ATXF_EINVAL (none, or a size not a multiple of 16) or the allocation's error. */
int nic_bufs_alloc(struct nic_bufs *b, const struct atxf_dma_tag *tag, unsigned count,
		   uint32_t size);
void nic_bufs_free(struct nic_bufs *b);

static inline uint8_t *nic_buf(const struct nic_bufs *b, unsigned i)
{
	return (uint8_t *)(uintptr_t)b->dma.vaddr + (size_t)i * b->size;
}

static inline uint64_t nic_buf_bus(const struct nic_bufs *b, unsigned i)
{
	return b->dma.bus_addr + (uint64_t)i * b->size;
}

/*
 * A descriptor ring the driver fills at tail and the device hands back at
 * head (transmit: sent frames to reclaim). size is a power of two; one
 * entry stays empty, so head == tail means nothing outstanding.
 */
struct nic_ring {
	uint32_t size;
	uint32_t head;              /* the oldest entry the device still owns */
	uint32_t tail;              /* the next entry the driver fills */
};

static inline uint32_t nic_ring_used(const struct nic_ring *r)
{
	return (r->tail - r->head) & (r->size - 1);
}

static inline uint32_t nic_ring_room(const struct nic_ring *r)
{
	return r->size - 1 - nic_ring_used(r);
}

static inline uint32_t nic_ring_next(const struct nic_ring *r, uint32_t i)
{
	return (i + 1) & (r->size - 1);
}

/* A MAC a station may use as its own: not multicast (bit 0 of byte 0), not zero. */
int nic_mac_usable(const uint8_t mac[NIC_MAC_LEN]);

/* "xx:xx:xx:xx:xx:xx" into out; returns out. */
char *nic_mac_format(const uint8_t mac[NIC_MAC_LEN], char out[NIC_MAC_STR]);

/* PCI command: memory decoding and bus mastering on (INTx left as it is). */
void nic_pci_enable(atxf_handle_t pci);

#endif
