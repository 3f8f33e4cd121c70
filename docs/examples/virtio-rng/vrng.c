/*
 * virtio-rng device logic (Virtio 1.0 §5.4, through the legacy PCI
 * interface of §4.1.4.8): one virtqueue, one descriptor, one page the
 * device fills with random bytes. QEMU: -device virtio-rng-pci.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "virtio_rng_reg.h"
#include "vrng.h"

static struct vring_desc *ring_desc(const struct vrng *v)
{
	return (struct vring_desc *)(uintptr_t)v->ring.vaddr;
}

static volatile struct vring_avail *ring_avail(const struct vrng *v)
{
	return (volatile struct vring_avail *)(uintptr_t)(v->ring.vaddr + 16u * v->qsize);
}

static volatile struct vring_used *ring_used(const struct vrng *v)
{
	return (volatile struct vring_used *)(uintptr_t)(v->ring.vaddr + VRING_USED_OFFSET(v->qsize));
}

void vrng_pci_enable(atxf_handle_t pci)
{
	uint16_t cmd = atxf_pci_read16(pci, PCI_COMMAND);

	atxf_pci_write16(pci, PCI_COMMAND, cmd | PCI_COMMAND_IO | PCI_COMMAND_MASTER);
}

static void add_status(const struct vrng *v, uint8_t bits)
{
	atxf_outb(v->io + VIO_DEVICE_STATUS, (uint8_t)(atxf_inb(v->io + VIO_DEVICE_STATUS) | bits));
}

/* §4.1.5.1.3 (legacy): select the queue, take its size, give it memory. */
static int setup_queue(struct vrng *v)
{
	uint16_t size;
	int err;

	atxf_outw(v->io + VIO_QUEUE_SELECT, VRNG_QUEUE);
	size = atxf_inw(v->io + VIO_QUEUE_SIZE);
	/* A legacy device fixes the size; ours must fit the DMA budget. */
	if (size == 0 || size > VRNG_MAX_QUEUE)
		return -ATXF_ENODEV;
	v->qsize = size;
	err = atxf_dma_alloc(&v->tag, VRING_BYTES(size), &v->ring);
	if (err)
		return err;
	/* The address register holds a 32-bit page number. */
	if (v->ring.bus_addr % VRING_ALIGN || v->ring.bus_addr / VRING_ALIGN > UINT32_MAX) {
		atxf_dma_free(&v->ring);
		return -ATXF_ERANGE;
	}
	atxf_outl(v->io + VIO_QUEUE_ADDRESS, (uint32_t)(v->ring.bus_addr / VRING_ALIGN));
	return 0;
}

int vrng_start(struct vrng *v, atxf_handle_t pci, uint16_t io)
{
	int err;

	memset(v, 0, sizeof(*v));
	v->io = io;
	/* §4.1.4.8 (legacy): the queue address is a 32-bit page number. */
	v->tag = (struct atxf_dma_tag){ .pci = pci, .addr_bits = 32 + 12 };
	/* §3.1.1: reset, ACKNOWLEDGE, DRIVER, features, queues, DRIVER_OK. */
	atxf_outb(io + VIO_DEVICE_STATUS, 0);
	add_status(v, VIO_STATUS_ACKNOWLEDGE);
	add_status(v, VIO_STATUS_DRIVER);
	/* §5.4.3: the entropy device defines no feature bits; accept none. */
	atxf_outl(io + VIO_DRIVER_FEATURES, 0);
	err = setup_queue(v);
	if (err)
		goto out_failed;
	err = atxf_dma_alloc(&v->tag, VRNG_BUF_SIZE, &v->buf);
	if (err)
		goto out_free_ring;
	add_status(v, VIO_STATUS_DRIVER_OK);
	return 0;

out_free_ring:
	atxf_dma_free(&v->ring);
out_failed:
	add_status(v, VIO_STATUS_FAILED);
	return err;
}

int vrng_post(struct vrng *v, size_t len)
{
	volatile struct vring_avail *avail = ring_avail(v);

	if (len == 0 || len > VRNG_BUF_SIZE)
		return -ATXF_ERANGE;
	if (v->posted)
		return 0;       /* still out since an earlier request timed out */
	ring_desc(v)[0] = (struct vring_desc){
		.addr = v->buf.bus_addr, .len = (uint32_t)len, .flags = VRING_DESC_F_WRITE,
	};
	avail->ring[v->avail_idx % v->qsize] = 0;
	/* §2.4.7.2: the device must see the entry before the index that publishes it. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	avail->idx = ++v->avail_idx;
	v->posted = (uint32_t)len;
	atxf_outw(v->io + VIO_QUEUE_NOTIFY, VRNG_QUEUE);
	return 0;
}

int vrng_collect(struct vrng *v, void *out, size_t len)
{
	volatile struct vring_used *used = ring_used(v);
	uint32_t got;

	if (!v->posted || used->idx == v->used_idx)
		return -ATXF_EAGAIN;
	/* §2.4.8.2: read the element only after seeing the index move. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	got = used->ring[v->used_idx % v->qsize].len;
	v->used_idx++;
	/* The device's word is not trusted past the buffer it was given. */
	if (got > v->posted)
		got = v->posted;
	v->posted = 0;
	if (got > len)
		got = (uint32_t)len;
	memcpy(out, (const void *)(uintptr_t)v->buf.vaddr, got);
	return (int)got;
}

uint8_t vrng_isr(struct vrng *v)
{
	return atxf_inb(v->io + VIO_ISR_STATUS);
}

void vrng_stop(struct vrng *v)
{
	/* §2.1.2: after a reset the device touches none of our memory. */
	atxf_outb(v->io + VIO_DEVICE_STATUS, 0);
	if (v->buf.vaddr)
		atxf_dma_free(&v->buf);
	if (v->ring.vaddr)
		atxf_dma_free(&v->ring);
	v->posted = 0;
}
