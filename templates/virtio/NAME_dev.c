/*
 * @NAME@_dev.c: a virtio-pci 1.x entropy device (QEMU: -device
 * virtio-rng-pci). Section numbers refer to VIRTIO 1.1; registers and ring
 * layouts are in @NAME@_reg.h.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/hw.h>
#include "@NAME@_dev.h"

#define RESET_TIMEOUT_NS  100000000ull  /* 100 ms for the device to come out of reset */

/* Where the rings live in the one DMA allocation (2.6: 16/2/4-byte alignment). */
#define DMA_SIZE          4096
#define AVAIL_OFFSET      256
#define USED_OFFSET       512
#define BUF_OFFSET        1024

/* One virtio capability, as read from configuration space (4.1.4). */
struct vcap {
	uint8_t type, bar;
	uint32_t offset, length, mult;
};

static void read_cap(atxf_handle_t pci, uint8_t at, struct vcap *c)
{
	c->type = (uint8_t)(atxf_pci_read32(pci, at) >> 24);
	c->bar = (uint8_t)atxf_pci_read32(pci, at + VIRTIO_CAP_BAR);
	c->offset = atxf_pci_read32(pci, at + VIRTIO_CAP_OFFSET);
	c->length = atxf_pci_read32(pci, at + VIRTIO_CAP_LENGTH);
	c->mult = c->type == VIRTIO_PCI_CAP_NOTIFY_CFG ?
		  atxf_pci_read32(pci, at + VIRTIO_CAP_NOTIFY_MULT) : 0;
}

/* The structure a capability describes, if it lies inside a mapped BAR. */
static volatile uint8_t *locate(const struct vcap *c, const struct @IDENT@_bar bars[6],
				uint32_t min_length)
{
	if (c->bar > 5 || !bars[c->bar].base || c->length < min_length ||
	    (uint64_t)c->offset + c->length > bars[c->bar].size)
		return NULL;
	return bars[c->bar].base + c->offset;
}

static void take_cap(struct @IDENT@_rng *r, const struct vcap *c, const struct @IDENT@_bar bars[6])
{
	/* 4.1.4: the first capability of each type is the one to use. */
	if (c->type == VIRTIO_PCI_CAP_COMMON_CFG && !r->common)
		r->common = locate(c, bars, VIRTIO_COMMON_SIZE);
	else if (c->type == VIRTIO_PCI_CAP_ISR_CFG && !r->isr)
		r->isr = locate(c, bars, 1);
	else if (c->type == VIRTIO_PCI_CAP_NOTIFY_CFG && !r->notify) {
		r->notify = locate(c, bars, 2);
		r->notify_mult = c->mult;
	}
}

int @IDENT@_find(struct @IDENT@_rng *r, atxf_handle_t pci, const struct @IDENT@_bar bars[6])
{
	struct vcap c;

	memset(r, 0, sizeof(*r));
	r->pci = pci;
	for (uint8_t at = atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, 0); at;
	     at = atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, at)) {
		read_cap(pci, at, &c);
		take_cap(r, &c, bars);
	}
	return r->common && r->isr && r->notify ? 0 : -ATXF_ENODEV;
}

static uint8_t status(struct @IDENT@_rng *r)
{
	return atxf_mmio_read8(r->common + VIRTIO_COMMON_STATUS);
}

static void set_status(struct @IDENT@_rng *r, uint8_t bits)
{
	atxf_mmio_write8(r->common + VIRTIO_COMMON_STATUS, bits);
}

/* 4.1.4.3.2: after writing 0, wait until the device reads back 0. */
static int reset(struct @IDENT@_rng *r)
{
	uint64_t deadline = atxf_time_ns() + RESET_TIMEOUT_NS;

	set_status(r, 0);
	while (status(r) != 0) {
		if (atxf_time_ns() >= deadline)
			return -ATXF_ETIMEDOUT;
		atxf_delay_us(100);
	}
	return 0;
}

/* 3.1.1 steps 4-6: accept VERSION_1 and nothing else; the device must agree. */
static int negotiate(struct @IDENT@_rng *r)
{
	volatile uint8_t *c = r->common;

	atxf_mmio_write32(c + VIRTIO_COMMON_DFSELECT, VIRTIO_F_VERSION_1_WORD);
	if (!(atxf_mmio_read32(c + VIRTIO_COMMON_DF) & VIRTIO_F_VERSION_1_BIT))
		return -ATXF_ENOTSUP;       /* a legacy-only device */
	atxf_mmio_write32(c + VIRTIO_COMMON_GFSELECT, 0);
	atxf_mmio_write32(c + VIRTIO_COMMON_GF, 0);
	atxf_mmio_write32(c + VIRTIO_COMMON_GFSELECT, VIRTIO_F_VERSION_1_WORD);
	atxf_mmio_write32(c + VIRTIO_COMMON_GF, VIRTIO_F_VERSION_1_BIT);
	set_status(r, status(r) | VIRTIO_STATUS_FEATURES_OK);
	return status(r) & VIRTIO_STATUS_FEATURES_OK ? 0 : -ATXF_ENOTSUP;
}

static void write64(volatile uint8_t *reg, uint64_t value)
{
	/* 4.1.3.1: a 64-bit field may be written as two 32-bit halves. */
	atxf_mmio_write32(reg, (uint32_t)value);
	atxf_mmio_write32(reg + 4, (uint32_t)(value >> 32));
}

/* 4.1.5.1.3: size, ring addresses and enable for queue 0. */
static int setup_queue(struct @IDENT@_rng *r)
{
	volatile uint8_t *c = r->common;
	uint16_t max, notify_off;
	int err;

	atxf_mmio_write16(c + VIRTIO_COMMON_Q_SELECT, 0);
	max = atxf_mmio_read16(c + VIRTIO_COMMON_Q_SIZE);
	if (max == 0)
		return -ATXF_ENODEV;
	/*
	 * 4.1.5.1.2: with MSI-X on (devmgr grants vector 0 of the table), a
	 * queue without a vector never interrupts. The queue takes vector 0;
	 * configuration changes none, this driver has no use for them. A device
	 * that reads NO_VECTOR back could not map it.
	 */
	atxf_mmio_write16(c + VIRTIO_COMMON_MSIX_CONFIG, VIRTIO_MSI_NO_VECTOR);
	atxf_mmio_write16(c + VIRTIO_COMMON_Q_MSIX, 0);
	if (atxf_mmio_read16(c + VIRTIO_COMMON_Q_MSIX) != 0)
		return -ATXF_ENOSPC;
	r->qsize = max < @UPPER@_QUEUE_SIZE ? max : @UPPER@_QUEUE_SIZE;
	/* 4.1.5.1.3: ring addresses are 64-bit, so the device reaches any. */
	struct atxf_dma_tag tag = { .pci = r->pci, .addr_bits = 64 };

	err = atxf_dma_alloc(&tag, DMA_SIZE, &r->dma);
	if (err)
		return err;
	r->desc = (struct virtq_desc *)(uintptr_t)r->dma.vaddr;
	r->avail = (struct virtq_avail *)(uintptr_t)(r->dma.vaddr + AVAIL_OFFSET);
	r->used = (struct virtq_used *)(uintptr_t)(r->dma.vaddr + USED_OFFSET);
	r->buf = (uint8_t *)(uintptr_t)(r->dma.vaddr + BUF_OFFSET);
	atxf_mmio_write16(c + VIRTIO_COMMON_Q_SIZE, r->qsize);
	write64(c + VIRTIO_COMMON_Q_DESC, r->dma.bus_addr);
	write64(c + VIRTIO_COMMON_Q_DRIVER, r->dma.bus_addr + AVAIL_OFFSET);
	write64(c + VIRTIO_COMMON_Q_DEVICE, r->dma.bus_addr + USED_OFFSET);
	notify_off = atxf_mmio_read16(c + VIRTIO_COMMON_Q_NOFF);
	r->qnotify = r->notify + (uint32_t)notify_off * r->notify_mult;
	atxf_mmio_write16(c + VIRTIO_COMMON_Q_ENABLE, 1);
	return 0;
}

int @IDENT@_start(struct @IDENT@_rng *r)
{
	int err = reset(r);

	if (err)
		return err;
	set_status(r, VIRTIO_STATUS_ACKNOWLEDGE);
	set_status(r, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	err = negotiate(r);
	if (!err)
		err = setup_queue(r);
	if (err) {
		/* 3.1.1: tell the device the driver gave up on it. */
		set_status(r, status(r) | VIRTIO_STATUS_FAILED);
		return err;
	}
	set_status(r, status(r) | VIRTIO_STATUS_DRIVER_OK);
	return 0;
}

int @IDENT@_request(struct @IDENT@_rng *r, size_t len)
{
	uint16_t idx = r->avail->idx;

	if (r->pending)
		return 0;
	if (len == 0)
		return -ATXF_EINVAL;
	r->pending = len < @UPPER@_BUF_SIZE ? (uint32_t)len : @UPPER@_BUF_SIZE;
	/* 2.6.13: one device-writable descriptor, made available, then the notify. */
	r->desc[0] = (struct virtq_desc){ .addr = r->dma.bus_addr + BUF_OFFSET,
					  .len = r->pending, .flags = VIRTQ_DESC_F_WRITE };
	r->avail->ring[idx % r->qsize] = 0;
	__atomic_store_n(&r->avail->idx, (uint16_t)(idx + 1), __ATOMIC_RELEASE);
	atxf_mmio_write16(r->qnotify, 0);
	return 0;
}

int @IDENT@_collect(struct @IDENT@_rng *r, void *out, size_t max)
{
	const struct virtq_used_elem *e;
	size_t n;

	if (!r->pending || __atomic_load_n(&r->used->idx, __ATOMIC_ACQUIRE) == r->last_used)
		return -ATXF_EAGAIN;
	e = &r->used->ring[r->last_used % r->qsize];
	n = e->len < r->pending ? e->len : r->pending;     /* never trust the device's len */
	n = n < max ? n : max;
	memcpy(out, r->buf, n);
	r->last_used++;
	r->pending = 0;
	return (int)n;
}

uint8_t @IDENT@_isr(struct @IDENT@_rng *r)
{
	return atxf_mmio_read8(r->isr);
}

void @IDENT@_stop(struct @IDENT@_rng *r)
{
	if (r->common)
		(void)reset(r);         /* the device stops using the rings before they go */
	if (r->dma.size)
		atxf_dma_free(&r->dma);
	r->dma.size = 0;
}
