/*
 * Host test of @NAME@'s device logic (@NAME@_dev.c). This file plays a
 * virtio-rng PCI device on the fake hardware of libatxf-fake
 * (<atxf/fake.h>): a configuration space with the virtio capabilities, and
 * BAR 4 holding the common configuration, ISR and notification areas at
 * QEMU's offsets. A notify makes the device fill the buffers the driver
 * made available, through the fake's DMA. `make test` builds and runs it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "@NAME@_dev.h"

#define BAR4_PADDR  0xfe000000ull
#define BAR4_SIZE   0x4000
#define COMMON_AT   0x0000          /* where QEMU puts each structure in BAR 4 */
#define ISR_AT      0x1000
#define NOTIFY_AT   0x3000
#define NOTIFY_MULT 4

struct fake_rng {
	uint8_t config[256];        /* PCI configuration space */
	uint32_t features[2];       /* offered: word 1 bit 0 is VERSION_1 */
	uint32_t dfselect, gfselect, driver_features[2];
	uint8_t status, isr;
	uint16_t qsize_max, qsize, qenable;
	uint16_t q_msix, msix_config;   /* MSI-X vectors: VIRTIO_MSI_NO_VECTOR until set */
	uint64_t desc, driver, device;
	uint16_t last_avail;
	int slow;                   /* notifies are not served until serve() */
	unsigned notifies;
};

static struct fake_rng dev;

static void cap(uint8_t at, uint8_t next, uint8_t type, uint32_t offset, uint32_t length)
{
	uint8_t *c = dev.config + at;

	c[0] = PCI_CAP_ID_VENDOR;
	c[1] = next;
	c[2] = type == VIRTIO_PCI_CAP_NOTIFY_CFG ? 20 : 16;
	c[3] = type;
	c[4] = 4;                   /* BAR 4 */
	memcpy(c + 8, &offset, 4);
	memcpy(c + 12, &length, 4);
	if (type == VIRTIO_PCI_CAP_NOTIFY_CFG)
		c[16] = NOTIFY_MULT;
}

/* Serves every buffer made available since last time: bytes 0xa5, 0xa6, .. */
static void serve(void)
{
	struct virtq_avail *avail = atxf_fake_dma_to_host(dev.driver, 6 + 2 * dev.qsize);
	struct virtq_desc *desc = atxf_fake_dma_to_host(dev.desc, 16 * dev.qsize);
	struct virtq_used *used = atxf_fake_dma_to_host(dev.device, 6 + 8 * dev.qsize);

	assert_non_null(avail);
	assert_non_null(desc);
	assert_non_null(used);
	for (; dev.last_avail != avail->idx; dev.last_avail++) {
		uint16_t head = avail->ring[dev.last_avail % dev.qsize];
		uint8_t *buf = atxf_fake_dma_to_host(desc[head].addr, desc[head].len);

		assert_non_null(buf);
		assert_true(desc[head].flags & VIRTQ_DESC_F_WRITE);
		for (uint32_t i = 0; i < desc[head].len; i++)
			buf[i] = (uint8_t)(0xa5 + i);
		used->ring[used->idx % dev.qsize] = (struct virtq_used_elem){ head, desc[head].len };
		used->idx++;
		dev.isr |= VIRTIO_ISR_QUEUE;
	}
}

static uint64_t common_read(uint64_t off)
{
	switch (off) {
	case VIRTIO_COMMON_DF: return dev.dfselect < 2 ? dev.features[dev.dfselect] : 0;
	case VIRTIO_COMMON_STATUS: return dev.status;
	case VIRTIO_COMMON_Q_SIZE: return dev.qsize ? dev.qsize : dev.qsize_max;
	case VIRTIO_COMMON_Q_ENABLE: return dev.qenable;
	case VIRTIO_COMMON_Q_MSIX: return dev.q_msix;
	case VIRTIO_COMMON_MSIX_CONFIG: return dev.msix_config;
	case VIRTIO_COMMON_Q_NOFF: return 0;
	default: return 0;
	}
}

static void common_write(uint64_t off, uint64_t v)
{
	switch (off) {
	case VIRTIO_COMMON_DFSELECT: dev.dfselect = (uint32_t)v; break;
	case VIRTIO_COMMON_GFSELECT: dev.gfselect = (uint32_t)v; break;
	case VIRTIO_COMMON_GF: if (dev.gfselect < 2) dev.driver_features[dev.gfselect] = (uint32_t)v; break;
	case VIRTIO_COMMON_STATUS: dev.status = (uint8_t)v; break;
	case VIRTIO_COMMON_Q_SIZE: dev.qsize = (uint16_t)v; break;
	case VIRTIO_COMMON_Q_ENABLE: dev.qenable = (uint16_t)v; break;
	case VIRTIO_COMMON_Q_MSIX: dev.q_msix = (uint16_t)v; break;
	case VIRTIO_COMMON_MSIX_CONFIG: dev.msix_config = (uint16_t)v; break;
	case VIRTIO_COMMON_Q_DESC: case VIRTIO_COMMON_Q_DESC + 4:
	case VIRTIO_COMMON_Q_DRIVER: case VIRTIO_COMMON_Q_DRIVER + 4:
	case VIRTIO_COMMON_Q_DEVICE: case VIRTIO_COMMON_Q_DEVICE + 4: {
		uint64_t *field = off < VIRTIO_COMMON_Q_DRIVER ? &dev.desc :
				  off < VIRTIO_COMMON_Q_DEVICE ? &dev.driver : &dev.device;
		unsigned shift = off % 8 ? 32 : 0;

		*field = (*field & ~(0xffffffffull << shift)) | (v << shift);
		break;
	}
	default: break;
	}
}

static uint64_t bar_read(void *ctx, uint64_t off, unsigned width)
{
	uint8_t isr = dev.isr;

	(void)ctx;
	(void)width;
	if (off < ISR_AT)
		return common_read(off - COMMON_AT);
	if (off == ISR_AT) {
		dev.isr = 0;            /* 4.1.4.5.1: reading clears it */
		return isr;
	}
	return 0;
}

static void bar_write(void *ctx, uint64_t off, unsigned width, uint64_t value)
{
	(void)ctx;
	(void)width;
	if (off < ISR_AT) {
		common_write(off - COMMON_AT, value);
	} else if (off >= NOTIFY_AT) {
		assert_int_equal(value, 0);     /* queue 0 */
		dev.notifies++;
		if (!dev.slow)
			serve();
	}
}

/* Each test starts with a fresh device and its BAR mapped, as devmgr and the framework would. */
static struct @IDENT@_bar bars[6];
static atxf_handle_t pci;

static int setup(void **state)
{
	atxf_handle_t mmio;

	(void)state;
	atxf_fake_reset();
	memset(&dev, 0, sizeof(dev));
	dev.features[1] = VIRTIO_F_VERSION_1_BIT;
	dev.qsize_max = 64;
	dev.q_msix = dev.msix_config = VIRTIO_MSI_NO_VECTOR;
	dev.config[PCI_STATUS] = PCI_STATUS_CAP_LIST;
	dev.config[PCI_CAP_PTR] = 0x40;
	cap(0x40, 0x50, VIRTIO_PCI_CAP_COMMON_CFG, COMMON_AT, 0x1000);
	cap(0x50, 0x60, VIRTIO_PCI_CAP_ISR_CFG, ISR_AT, 0x1000);
	cap(0x60, 0x00, VIRTIO_PCI_CAP_NOTIFY_CFG, NOTIFY_AT, 0x1000);
	pci = atxf_fake_cap_pci(0x0018, dev.config, sizeof(dev.config), NULL, NULL);
	assert_true(pci >= 0);
	assert_non_null(atxf_fake_mmio_add(BAR4_PADDR, BAR4_SIZE, bar_read, bar_write, NULL));
	mmio = atxf_fake_cap_add(ATXF_CAP_MMIO, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE, BAR4_PADDR, BAR4_SIZE);
	assert_true(mmio >= 0);
	memset(bars, 0, sizeof(bars));
	bars[4].base = (volatile uint8_t *)atxf_mmio_map(mmio, 0, BAR4_SIZE);
	bars[4].size = BAR4_SIZE;
	assert_non_null(bars[4].base);
	return 0;
}

static void start_does_the_handshake(void **state)
{
	struct @IDENT@_rng r;

	(void)state;
	assert_int_equal(@IDENT@_find(&r, pci, bars), 0);
	assert_int_equal(@IDENT@_start(&r), 0);
	assert_int_equal(dev.status, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
			 VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK);
	assert_int_equal(dev.driver_features[0], 0);
	assert_int_equal(dev.driver_features[1], VIRTIO_F_VERSION_1_BIT);
	assert_int_equal(dev.qsize, @UPPER@_QUEUE_SIZE);
	assert_int_equal(dev.qenable, 1);
	assert_int_equal(dev.q_msix, 0);             /* its interrupts: MSI-X vector 0 */
	assert_int_equal(dev.msix_config, VIRTIO_MSI_NO_VECTOR);
	assert_non_null(atxf_fake_dma_to_host(dev.desc, 16 * dev.qsize));
	@IDENT@_stop(&r);
	assert_int_equal(dev.status, 0);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void legacy_only_device_is_refused(void **state)
{
	struct @IDENT@_rng r;

	(void)state;
	dev.features[1] = 0;
	assert_int_equal(@IDENT@_find(&r, pci, bars), 0);
	assert_int_equal(@IDENT@_start(&r), -ATXF_ENOTSUP);
	assert_true(dev.status & VIRTIO_STATUS_FAILED);
}

static void no_virtio_structures_no_device(void **state)
{
	struct @IDENT@_rng r;

	(void)state;
	dev.config[PCI_STATUS] = 0;                 /* no capability list */
	assert_int_equal(@IDENT@_find(&r, pci, bars), -ATXF_ENODEV);
}

static void read_brings_the_device_bytes(void **state)
{
	struct @IDENT@_rng r;
	uint8_t out[16];

	(void)state;
	assert_int_equal(@IDENT@_find(&r, pci, bars), 0);
	assert_int_equal(@IDENT@_start(&r), 0);
	for (int round = 0; round < 3 * @UPPER@_QUEUE_SIZE; round++) {     /* around the ring */
		memset(out, 0, sizeof(out));
		assert_int_equal(@IDENT@_request(&r, sizeof(out)), 0);
		assert_int_equal(@IDENT@_collect(&r, out, sizeof(out)), sizeof(out));
		assert_int_equal(out[0], 0xa5);
		assert_int_equal(out[15], 0xa5 + 15);
	}
	assert_int_equal(@IDENT@_isr(&r), VIRTIO_ISR_QUEUE);
	assert_int_equal(@IDENT@_isr(&r), 0);      /* read clears */
}

static void collect_waits_for_the_device(void **state)
{
	struct @IDENT@_rng r;
	uint8_t out[4];

	(void)state;
	assert_int_equal(@IDENT@_find(&r, pci, bars), 0);
	assert_int_equal(@IDENT@_start(&r), 0);
	dev.slow = 1;
	assert_int_equal(@IDENT@_request(&r, sizeof(out)), 0);
	assert_int_equal(@IDENT@_collect(&r, out, sizeof(out)), -ATXF_EAGAIN);
	assert_int_equal(@IDENT@_request(&r, sizeof(out)), 0);     /* still the one in flight */
	assert_int_equal(dev.notifies, 1);
	serve();
	assert_int_equal(@IDENT@_collect(&r, out, sizeof(out)), sizeof(out));
	assert_int_equal(out[3], 0xa5 + 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(start_does_the_handshake, setup),
		cmocka_unit_test_setup(legacy_only_device_is_refused, setup),
		cmocka_unit_test_setup(no_virtio_structures_no_device, setup),
		cmocka_unit_test_setup(read_brings_the_device_bytes, setup),
		cmocka_unit_test_setup(collect_waits_for_the_device, setup),
	};

	return cmocka_run_group_tests_name("@NAME@", tests, NULL, NULL);
}
