/*
 * The fake virtio device's transport (<atxf/fake_virtio.h>): its PCI
 * configuration space with the four virtio capabilities, and BAR 4 with
 * the common configuration, ISR, device configuration and notification
 * areas at QEMU's offsets (VIRTIO 1.1 §4.1.4). The queues' device side is
 * fake_virtio_queue.c.
 */
#include <string.h>
#include <atxf/errors.h>
#include <atxf/pci_regs.h>
#include "fake_internal.h"
#include <atxf/fake_virtio.h>

/* A virtio_pci_cap at config offset at, chained to next. */
static void put_cap(struct atxf_fake_virtio *d, uint8_t at, uint8_t next, uint8_t type,
		    uint32_t offset, uint32_t length)
{
	uint8_t *c = d->config + at;

	c[0] = PCI_CAP_ID_VENDOR;
	c[1] = next;
	c[2] = type == VIRTIO_PCI_CAP_NOTIFY_CFG ? VIRTIO_CAP_NOTIFY_LEN : VIRTIO_CAP_LEN;
	c[VIRTIO_CAP_CFG_TYPE] = type;
	c[VIRTIO_CAP_BAR] = ATXF_FAKE_VIRTIO_BAR;
	memcpy(c + VIRTIO_CAP_OFFSET, &offset, 4);
	memcpy(c + VIRTIO_CAP_LENGTH, &length, 4);
	if (type == VIRTIO_PCI_CAP_NOTIFY_CFG) {
		uint32_t mult = ATXF_FAKE_VIRTIO_NOTIFY_MULT;

		memcpy(c + VIRTIO_CAP_NOTIFY_MULT, &mult, 4);
	}
}

static void put_config(struct atxf_fake_virtio *d, uint16_t device_id)
{
	uint16_t vendor = VIRTIO_PCI_VENDOR;

	memcpy(d->config + PCI_VENDOR_ID, &vendor, 2);
	memcpy(d->config + PCI_DEVICE_ID, &device_id, 2);
	d->config[PCI_STATUS] = PCI_STATUS_CAP_LIST;
	d->config[PCI_CAP_PTR] = 0x40;
	put_cap(d, 0x40, 0x50, VIRTIO_PCI_CAP_COMMON_CFG, ATXF_FAKE_VIRTIO_COMMON_AT, 0x1000);
	put_cap(d, 0x50, 0x60, VIRTIO_PCI_CAP_ISR_CFG, ATXF_FAKE_VIRTIO_ISR_AT, 0x1000);
	put_cap(d, 0x60, 0x70, VIRTIO_PCI_CAP_DEVICE_CFG, ATXF_FAKE_VIRTIO_DEVICE_AT,
		ATXF_FAKE_VIRTIO_CFG_SIZE);
	put_cap(d, 0x70, 0x00, VIRTIO_PCI_CAP_NOTIFY_CFG, ATXF_FAKE_VIRTIO_NOTIFY_AT, 0x1000);
}

/* §4.1.4.3.1: writing 0 resets the device: queues, vectors, features. */
static void reset(struct atxf_fake_virtio *d)
{
	d->resets++;
	if (d->stuck_in_reset)
		return;
	d->status = 0;
	d->isr = 0;
	d->accepted = 0;
	d->msix_config = VIRTIO_MSI_NO_VECTOR;
	for (unsigned i = 0; i < ATXF_FAKE_VIRTIO_QUEUES; i++) {
		struct atxf_fake_virtq *q = &d->q[i];

		*q = (struct atxf_fake_virtq){ .max_size = q->max_size,
					       .vector = VIRTIO_MSI_NO_VECTOR };
	}
}

static void write_status(struct atxf_fake_virtio *d, uint8_t v)
{
	if (v == 0) {
		reset(d);
		return;
	}
	/* FEATURES_OK sticks only for features the device offered. */
	if ((v & VIRTIO_STATUS_FEATURES_OK) && !(d->status & VIRTIO_STATUS_FEATURES_OK) &&
	    (d->refuse_features || (d->accepted & ~d->offered)))
		v &= (uint8_t)~VIRTIO_STATUS_FEATURES_OK;
	/* NEEDS_RESET is the device's; the driver cannot clear it but by a reset. */
	d->status = (uint8_t)(v | (d->status & VIRTIO_STATUS_NEEDS_RESET));
}

static struct atxf_fake_virtq *selected(struct atxf_fake_virtio *d)
{
	return d->qselect < ATXF_FAKE_VIRTIO_QUEUES ? &d->q[d->qselect] : NULL;
}

static uint16_t vector_or_none(const struct atxf_fake_virtio *d, uint64_t v)
{
	return v < d->nvectors ? (uint16_t)v : VIRTIO_MSI_NO_VECTOR;
}

static uint64_t queue_read(const struct atxf_fake_virtq *q, uint64_t off)
{
	if (!q)
		return 0;
	switch (off) {
	case VIRTIO_COMMON_Q_SIZE: return q->size ? q->size : q->max_size;
	case VIRTIO_COMMON_Q_MSIX: return q->vector;
	case VIRTIO_COMMON_Q_ENABLE: return q->enabled;
	}
	return 0;
}

static uint64_t common_read(struct atxf_fake_virtio *d, uint64_t off)
{
	switch (off) {
	case VIRTIO_COMMON_DF: return d->dfselect < 2 ? (uint32_t)(d->offered >> (32 * d->dfselect)) : 0;
	case VIRTIO_COMMON_DFSELECT: return d->dfselect;
	case VIRTIO_COMMON_GFSELECT: return d->gfselect;
	case VIRTIO_COMMON_GF: return d->gfselect < 2 ? (uint32_t)(d->accepted >> (32 * d->gfselect)) : 0;
	case VIRTIO_COMMON_MSIX_CONFIG: return d->msix_config;
	case VIRTIO_COMMON_NUM_QUEUES: return ATXF_FAKE_VIRTIO_QUEUES;
	case VIRTIO_COMMON_STATUS: return d->status;
	case VIRTIO_COMMON_CFG_GEN: return d->cfg_gen;
	case VIRTIO_COMMON_Q_SELECT: return d->qselect;
	case VIRTIO_COMMON_Q_NOFF: return d->qselect;      /* queue n's doorbell: n * mult */
	}
	return queue_read(selected(d), off);
}

/* The low or high half of a 64-bit ring address (§4.1.3.1). */
static void set_half(uint64_t *field, uint64_t off, uint64_t v)
{
	unsigned shift = off % 8 ? 32 : 0;

	*field = (*field & ~(0xffffffffull << shift)) | ((v & 0xffffffffull) << shift);
}

static void queue_write(struct atxf_fake_virtio *d, struct atxf_fake_virtq *q,
			uint64_t off, uint64_t v)
{
	if (!q)
		return;
	if (off >= VIRTIO_COMMON_Q_DESC && off < VIRTIO_COMMON_SIZE) {
		uint64_t *field = off < VIRTIO_COMMON_Q_DRIVER ? &q->desc :
				  off < VIRTIO_COMMON_Q_DEVICE ? &q->driver : &q->device;

		set_half(field, off, v);
		return;
	}
	switch (off) {
	case VIRTIO_COMMON_Q_SIZE:
		/* A size the device cannot do is ignored: it keeps reading max_size. */
		if (v && v <= q->max_size && !(v & (v - 1)))
			q->size = (uint16_t)v;
		break;
	case VIRTIO_COMMON_Q_MSIX: q->vector = vector_or_none(d, v); break;
	case VIRTIO_COMMON_Q_ENABLE: q->enabled = (uint16_t)(v == 1 && q->max_size); break;
	}
}

static void common_write(struct atxf_fake_virtio *d, uint64_t off, uint64_t v)
{
	switch (off) {
	case VIRTIO_COMMON_DFSELECT: d->dfselect = (uint32_t)v; return;
	case VIRTIO_COMMON_GFSELECT: d->gfselect = (uint32_t)v; return;
	case VIRTIO_COMMON_GF:
		if (d->gfselect < 2) {
			unsigned shift = 32 * d->gfselect;

			d->accepted = (d->accepted & ~(0xffffffffull << shift)) |
				      ((v & 0xffffffffull) << shift);
		}
		return;
	case VIRTIO_COMMON_MSIX_CONFIG: d->msix_config = vector_or_none(d, v); return;
	case VIRTIO_COMMON_STATUS: write_status(d, (uint8_t)v); return;
	case VIRTIO_COMMON_Q_SELECT: d->qselect = (uint16_t)v; return;
	}
	queue_write(d, selected(d), off, v);
}

static uint64_t bar_read(void *ctx, uint64_t off, unsigned width)
{
	struct atxf_fake_virtio *d = ctx;
	uint64_t v = 0;

	if (off < ATXF_FAKE_VIRTIO_ISR_AT)
		return common_read(d, off - ATXF_FAKE_VIRTIO_COMMON_AT);
	if (off == ATXF_FAKE_VIRTIO_ISR_AT) {
		uint8_t isr = d->isr;

		d->isr = 0;             /* §4.1.4.5.1: reading clears it */
		return isr;
	}
	off -= ATXF_FAKE_VIRTIO_DEVICE_AT;
	if (off < ATXF_FAKE_VIRTIO_CFG_SIZE && off + width <= ATXF_FAKE_VIRTIO_CFG_SIZE)
		memcpy(&v, d->device_cfg + off, width);
	return v;
}

static void notify(struct atxf_fake_virtio *d, uint64_t off, uint64_t v)
{
	uint64_t qi = off / ATXF_FAKE_VIRTIO_NOTIFY_MULT;

	/* §4.1.5.2: the driver writes the queue's index at the queue's doorbell. */
	if (off % ATXF_FAKE_VIRTIO_NOTIFY_MULT || qi >= ATXF_FAKE_VIRTIO_QUEUES || v != qi) {
		__atxf_fake_stray("virtio notify of %llu at doorbell offset %#llx",
				  (unsigned long long)v, (unsigned long long)off);
		return;
	}
	d->q[qi].notifies++;
	if (d->on_notify)
		d->on_notify(d, (uint16_t)qi);
}

static void bar_write(void *ctx, uint64_t off, unsigned width, uint64_t v)
{
	struct atxf_fake_virtio *d = ctx;

	(void)width;
	if (off < ATXF_FAKE_VIRTIO_ISR_AT)
		common_write(d, off - ATXF_FAKE_VIRTIO_COMMON_AT, v);
	else if (off >= ATXF_FAKE_VIRTIO_NOTIFY_AT)
		notify(d, off - ATXF_FAKE_VIRTIO_NOTIFY_AT, v);
	/* Writes to the ISR or the device configuration change nothing here. */
}

int atxf_fake_virtio_add(struct atxf_fake_virtio *d, uint16_t device_id, uint64_t paddr)
{
	memset(d, 0, sizeof(*d));
	put_config(d, device_id);
	d->offered = VIRTIO_FEATURE(VIRTIO_F_VERSION_1) | VIRTIO_FEATURE(VIRTIO_F_INDIRECT_DESC) |
		     VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX);
	d->nvectors = 2;
	d->irq_line_base = -1;
	d->q[0].max_size = 64;
	d->pci = d->mmio = ATXF_HANDLE_NONE;
	d->paddr = paddr;
	reset(d);
	d->resets = 0;
	if (!atxf_fake_mmio_add(paddr, ATXF_FAKE_VIRTIO_BAR_SIZE, bar_read, bar_write, d))
		return -ATXF_EBUSY;
	return 0;
}

int atxf_fake_virtio_grant(struct atxf_fake_virtio *d, struct atxf_virtio_bar bars[PCI_BARS])
{
	volatile void *mapped;

	d->pci = atxf_fake_cap_pci(0x0018, d->config, sizeof(d->config), NULL, NULL);
	if (d->pci < 0)
		return (int)d->pci;
	d->mmio = atxf_fake_cap_add(ATXF_CAP_MMIO, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, d->paddr,
				    ATXF_FAKE_VIRTIO_BAR_SIZE);
	if (d->mmio < 0)
		return (int)d->mmio;
	if (!bars)
		return 0;
	mapped = atxf_mmio_map(d->mmio, 0, ATXF_FAKE_VIRTIO_BAR_SIZE);
	if (!mapped)
		return -ATXF_ENOMEM;
	memset(bars, 0, sizeof(struct atxf_virtio_bar) * PCI_BARS);
	bars[ATXF_FAKE_VIRTIO_BAR] = (struct atxf_virtio_bar){ (volatile uint8_t *)mapped,
							       ATXF_FAKE_VIRTIO_BAR_SIZE };
	return 0;
}
