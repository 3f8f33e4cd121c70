/*
 * Host test of virtio-net's device logic (drivers/network/virtio-net/
 * vnet.c) on the SDK's fake virtio device (<atxf/fake_virtio.h>), laid out
 * as QEMU's virtio-net-pci: receiveq1 and transmitq1 of 64 entries, MAC
 * and STATUS in the device configuration. The test plays the device: it
 * takes the receive buffers and fills them, and takes the frames sent.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include <atxf/fake_virtio.h>
#include "test_virtio_util.h"
#include "vnet.h"

static struct vnet v;
static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0xab, 0x10, 0x41 };

static int setup(void **state)
{
	atxf_fake_reset();
	memset(&v, 0, sizeof(v));
	(void)state;
	assert_int_equal(atxf_fake_virtio_add(&dev, VIRTIO_PCI_NET, BAR4_PADDR), 0);
	assert_int_equal(atxf_fake_virtio_grant(&dev, bars), 0);
	dev.q[1].max_size = 64;
	dev.offered |= 1ull << VIRTIO_NET_F_MAC | 1ull << VIRTIO_NET_F_STATUS;
	memcpy(dev.device_cfg, mac, 6);
	dev.device_cfg[VIRTIO_NET_CFG_STATUS] = VIRTIO_NET_S_LINK_UP;
	assert_int_equal(atxf_virtio_find(&v.vd, dev.pci, bars), 0);
	return 0;
}

/* The device receives a frame into the next receive buffer: that buffer's head. */
static uint16_t deliver(const uint8_t *frame, uint32_t len, uint32_t used_len)
{
	struct atxf_fake_virtio_chain c;

	assert_int_equal(atxf_fake_virtio_pop(&dev, VNET_RXQ, &c), 0);
	assert_int_equal(c.nseg, 1);
	assert_true(c.seg[0].write);
	memset(c.seg[0].mem, 0, VIRTIO_NET_HDR_LEN);
	memcpy(c.seg[0].mem + VIRTIO_NET_HDR_LEN, frame, len);
	atxf_fake_virtio_push(&dev, VNET_RXQ, c.head, used_len);
	return c.head;
}

static void frame_of(uint8_t *f, uint32_t len, uint8_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		f[i] = (uint8_t)(seed + i * 13);
}

static void test_start_reads_the_mac_and_fills_receiveq(void **state)
{
	(void)state;
	assert_int_equal(vnet_start(&v, 0, 1), 0);
	assert_true(dev.status & VIRTIO_STATUS_DRIVER_OK);
	assert_memory_equal(v.mac, mac, 6);
	assert_true(atxf_virtio_has(&v.vd, VIRTIO_NET_F_STATUS));
	assert_int_equal(dev.msix_config, 0);
	assert_int_equal(dev.q[VNET_RXQ].vector, 1);
	assert_int_equal(dev.q[VNET_TXQ].vector, 1);
	assert_int_equal(atxf_virtq_in_flight(&v.q[VNET_RXQ]), VNET_QSIZE);
	assert_int_equal(vnet_link_up(&v), 1);
	vnet_stop(&v);
	assert_int_equal(dev.status, 0);
	assert_int_equal(atxf_fake_dma_live(), 0);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void test_a_device_without_a_mac_is_refused_with_the_reason(void **state)
{
	(void)state;
	dev.offered &= ~(1ull << VIRTIO_NET_F_MAC);
	assert_int_equal(vnet_start(&v, 0, 1), -ATXF_ENOTSUP);
	assert_non_null(strstr(atxf_virtio_error(&v.vd), "VIRTIO_NET_F_MAC"));
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_the_link_follows_the_status_field(void **state)
{
	(void)state;
	assert_int_equal(vnet_start(&v, 0, 1), 0);
	dev.device_cfg[VIRTIO_NET_CFG_STATUS] = 0;
	assert_int_equal(vnet_link_up(&v), 0);
	vnet_stop(&v);
}

static void test_without_status_the_link_is_always_up(void **state)
{
	(void)state;
	dev.offered &= ~(1ull << VIRTIO_NET_F_STATUS);
	dev.device_cfg[VIRTIO_NET_CFG_STATUS] = 0;
	assert_int_equal(vnet_start(&v, 0, 1), 0);
	assert_int_equal(vnet_link_up(&v), 1);
	vnet_stop(&v);
}

static void test_frames_come_without_the_header_and_buffers_go_back(void **state)
{
	uint8_t f[2][1514];
	const uint8_t *got;
	uint32_t len, sizes[2] = { 1514, 60 };
	unsigned tok;

	(void)state;
	assert_int_equal(vnet_start(&v, 0, 1), 0);
	for (int i = 0; i < 2; i++) {
		frame_of(f[i], sizes[i], (uint8_t)i);
		deliver(f[i], sizes[i], VIRTIO_NET_HDR_LEN + sizes[i]);
	}
	for (int i = 0; i < 2; i++) {
		assert_int_equal(vnet_rx_next(&v, &got, &len, &tok), 1);
		assert_int_equal(len, sizes[i]);
		assert_memory_equal(got, f[i], sizes[i]);
		vnet_rx_done(&v, tok);
	}
	assert_int_equal(vnet_rx_next(&v, &got, &len, &tok), 0);
	assert_int_equal(atxf_virtq_in_flight(&v.q[VNET_RXQ]), VNET_QSIZE);
	vnet_stop(&v);
}

static void test_a_used_length_shorter_than_a_frame_is_dropped(void **state)
{
	uint8_t f[60];
	const uint8_t *got;
	uint32_t len;
	unsigned tok;

	(void)state;
	frame_of(f, sizeof(f), 5);
	assert_int_equal(vnet_start(&v, 0, 1), 0);
	deliver(f, sizeof(f), VIRTIO_NET_HDR_LEN + 13);
	assert_int_equal(vnet_rx_next(&v, &got, &len, &tok), 0);
	assert_int_equal(v.rx_bad, 1);
	assert_int_equal(atxf_virtq_in_flight(&v.q[VNET_RXQ]), VNET_QSIZE);
	vnet_stop(&v);
}

static void test_a_used_id_not_in_flight_breaks_the_queue(void **state)
{
	const uint8_t *got;
	uint32_t len;
	unsigned tok;

	(void)state;
	assert_int_equal(vnet_start(&v, 0, 1), 0);
	atxf_fake_virtio_push(&dev, VNET_RXQ, 200, 100);
	assert_int_equal(vnet_rx_next(&v, &got, &len, &tok), -ATXF_EIO);
	assert_int_equal(vnet_restart(&v), 0);
	assert_int_equal(atxf_virtq_in_flight(&v.q[VNET_RXQ]), VNET_QSIZE);
	vnet_stop(&v);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_a_sent_frame_follows_a_zero_header(void **state)
{
	struct atxf_fake_virtio_chain c;
	static const uint8_t zero[VIRTIO_NET_HDR_LEN];
	uint8_t f[333];

	(void)state;
	frame_of(f, sizeof(f), 7);
	assert_int_equal(vnet_start(&v, 0, 1), 0);
	assert_int_equal(vnet_send(&v, f, sizeof(f)), 0);
	assert_int_equal(atxf_fake_virtio_pop(&dev, VNET_TXQ, &c), 0);
	assert_int_equal(c.nseg, 1);
	assert_false(c.seg[0].write);
	assert_int_equal(c.seg[0].len, VIRTIO_NET_HDR_LEN + sizeof(f));
	assert_memory_equal(c.seg[0].mem, zero, VIRTIO_NET_HDR_LEN);
	assert_memory_equal(c.seg[0].mem + VIRTIO_NET_HDR_LEN, f, sizeof(f));
	assert_int_equal(vnet_send(&v, f, 13), -ATXF_EINVAL);
	vnet_stop(&v);
}

static void test_a_full_transmitq_says_again_until_the_device_sends(void **state)
{
	struct atxf_fake_virtio_chain c;
	uint8_t f[60] = { 0 };
	int sent = 0;

	(void)state;
	assert_int_equal(vnet_start(&v, 0, 1), 0);
	while (vnet_send(&v, f, sizeof(f)) == 0)
		sent++;
	assert_int_equal(sent, VNET_QSIZE);
	assert_int_equal(vnet_send(&v, f, sizeof(f)), -ATXF_EAGAIN);
	assert_int_equal(atxf_fake_virtio_pop(&dev, VNET_TXQ, &c), 0);
	atxf_fake_virtio_push(&dev, VNET_TXQ, c.head, 0);
	assert_int_equal(vnet_send(&v, f, sizeof(f)), 0);
	vnet_stop(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_start_reads_the_mac_and_fills_receiveq, setup),
		cmocka_unit_test_setup(test_a_device_without_a_mac_is_refused_with_the_reason, setup),
		cmocka_unit_test_setup(test_the_link_follows_the_status_field, setup),
		cmocka_unit_test_setup(test_without_status_the_link_is_always_up, setup),
		cmocka_unit_test_setup(test_frames_come_without_the_header_and_buffers_go_back, setup),
		cmocka_unit_test_setup(test_a_used_length_shorter_than_a_frame_is_dropped, setup),
		cmocka_unit_test_setup(test_a_used_id_not_in_flight_breaks_the_queue, setup),
		cmocka_unit_test_setup(test_a_sent_frame_follows_a_zero_header, setup),
		cmocka_unit_test_setup(test_a_full_transmitq_says_again_until_the_device_sends, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
