/*
 * Host test of the e1000 family's device logic (drivers/network/e1000/
 * e1000_dev.c), shared by the e1000 and e1000e drivers, against a fake
 * 8254x register file the test plays here: EERD answers from an EEPROM
 * (in the 82540EM's or the 8257x's layout), CTRL.RST clears itself, ICR
 * clears on read, and the test plays the DMA side: it fills receive
 * descriptors at RDH and sends what lies between TDH and TDT.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/errors.h>
#include <atxf/fake.h>
#include "e1000_dev.h"

#define REGS_PADDR 0xfebc0000ull
#define REGS_SIZE  0x20000u
#define RW         (ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)

struct fake_e1000 {
	uint32_t reg[REGS_SIZE / 4];
	uint16_t eeprom[64];
	int layout_8257x;           /* EERD: DONE bit 1, address from bit 2 */
	int rst_sticks;             /* CTRL.RST never clears */
	int tx_stalled;             /* transmit descriptors are left alone */
	uint8_t sent[8][2048];
	uint32_t sent_len[8];
	unsigned nsent;
};

static struct fake_e1000 hw;
static struct e1k e;
static struct atxf_dma_tag tag;
static uint8_t pci_config[256];

static uint32_t *reg(uint32_t off)
{
	return &hw.reg[off / 4];
}

static void eerd_write(uint32_t v)
{
	uint32_t shift = hw.layout_8257x ? 2 : 8, done = hw.layout_8257x ? 2 : 16;
	uint32_t addr = (v >> shift) & 0xff;

	*reg(E1000_EERD) = v;
	if ((v & 1) && addr < 64)
		*reg(E1000_EERD) = (uint32_t)hw.eeprom[addr] << 16 | done | addr << shift;
}

/* What the device sends: every descriptor from TDH up to the new TDT. */
static void tdt_write(uint32_t v)
{
	*reg(E1000_TDT) = v;
	if (hw.tx_stalled)
		return;
	while (*reg(E1000_TDH) != v) {
		uint64_t base = (uint64_t)*reg(E1000_TDBAH) << 32 | *reg(E1000_TDBAL);
		struct e1000_tx_desc *d = atxf_fake_dma_to_host(base + 16u * *reg(E1000_TDH), 16);

		if (hw.nsent < 8) {
			memcpy(hw.sent[hw.nsent], atxf_fake_dma_to_host(d->addr, d->length), d->length);
			hw.sent_len[hw.nsent++] = d->length;
		}
		d->status |= E1000_TXD_DD;
		*reg(E1000_TDH) = (*reg(E1000_TDH) + 1) % (*reg(E1000_TDLEN) / 16);
	}
}

static uint64_t hw_read(void *ctx, uint64_t off, unsigned width)
{
	uint32_t v = *reg((uint32_t)off);

	(void)ctx;
	(void)width;
	if (off == E1000_ICR)
		*reg(E1000_ICR) = 0;
	return v;
}

static void hw_write(void *ctx, uint64_t off, unsigned width, uint64_t value)
{
	uint32_t v = (uint32_t)value;

	(void)ctx;
	(void)width;
	switch (off) {
	case E1000_EERD: eerd_write(v); break;
	case E1000_CTRL: *reg(E1000_CTRL) = hw.rst_sticks ? v : v & ~E1000_CTRL_RST; break;
	case E1000_IMS: *reg(E1000_IMS) |= v; break;
	case E1000_IMC: *reg(E1000_IMS) &= ~v; break;
	case E1000_TDT: tdt_write(v); break;
	default: *reg((uint32_t)off) = v;
	}
}

/* The device receives a frame into the descriptor at RDH: 0, or -1 if it owns none. */
static int deliver(const void *frame, uint16_t len, uint8_t status, uint8_t errors)
{
	uint32_t rdh = *reg(E1000_RDH), n = *reg(E1000_RDLEN) / 16;
	uint64_t base = (uint64_t)*reg(E1000_RDBAH) << 32 | *reg(E1000_RDBAL);
	struct e1000_rx_desc *d;

	if (rdh == *reg(E1000_RDT))
		return -1;
	d = atxf_fake_dma_to_host(base + 16u * rdh, 16);
	memcpy(atxf_fake_dma_to_host(d->addr, len), frame, len);
	d->length = len;
	d->errors = errors;
	d->status = status;
	*reg(E1000_RDH) = (rdh + 1) % n;
	return 0;
}

static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

static int setup(void **state)
{
	atxf_handle_t mmio;

	(void)state;
	atxf_fake_reset();
	memset(&hw, 0, sizeof(hw));
	memset(&e, 0, sizeof(e));
	for (int w = 0; w < 3; w++)
		hw.eeprom[w] = (uint16_t)(mac[2 * w] | mac[2 * w + 1] << 8);
	*reg(E1000_STATUS) = E1000_STATUS_LU;
	assert_non_null(atxf_fake_mmio_add(REGS_PADDR, REGS_SIZE, hw_read, hw_write, NULL));
	mmio = atxf_fake_cap_add(ATXF_CAP_MMIO, RW, REGS_PADDR, REGS_SIZE);
	e.regs = atxf_mmio_map(mmio, 0, REGS_SIZE);
	tag = (struct atxf_dma_tag){ .pci = atxf_fake_cap_pci(0x88, pci_config, sizeof(pci_config),
							       NULL, NULL), .addr_bits = 64 };
	return 0;
}

static void frame_of(uint8_t *f, uint16_t len, uint8_t seed)
{
	for (uint16_t i = 0; i < len; i++)
		f[i] = (uint8_t)(seed + i * 7);
}

static void test_the_mac_comes_from_the_eeprom(void **state)
{
	(void)state;
	assert_int_equal(e1k_read_mac(&e), 0);
	assert_memory_equal(e.mac, mac, 6);
}

static void test_the_8257x_eerd_layout_is_read_as_such(void **state)
{
	(void)state;
	hw.layout_8257x = 1;
	e.eerd_8257x = 1;
	assert_int_equal(e1k_read_mac(&e), 0);
	assert_memory_equal(e.mac, mac, 6);
}

static void test_a_multicast_eeprom_mac_is_refused(void **state)
{
	(void)state;
	hw.eeprom[0] |= 1;
	assert_int_equal(e1k_read_mac(&e), -ATXF_EIO);
}

static void test_start_programs_address_rings_and_causes(void **state)
{
	(void)state;
	assert_int_equal(e1k_read_mac(&e), 0);
	*reg(E1000_MTA + 8) = 0xffffffffu;
	assert_int_equal(e1k_start(&e, &tag, E1000_INT_RXT0 | E1000_INT_LSC), 0);
	assert_int_equal(*reg(E1000_RAL0), 0x12005452u);
	assert_int_equal(*reg(E1000_RAH0), 0x5634u | E1000_RAH_AV);
	assert_int_equal(*reg(E1000_MTA + 8), 0);
	assert_int_equal(*reg(E1000_RDLEN), E1K_RX_DESCS * 16);
	assert_int_equal(*reg(E1000_RDT), E1K_RX_DESCS - 1);
	assert_int_equal(*reg(E1000_RCTL), E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC);
	assert_true(*reg(E1000_TCTL) & E1000_TCTL_EN);
	assert_true(*reg(E1000_CTRL) & E1000_CTRL_SLU);
	assert_int_equal(*reg(E1000_IMS), E1000_INT_RXT0 | E1000_INT_LSC);
	assert_int_equal(e1k_link_up(&e), 1);
	e1k_stop(&e);
	assert_int_equal(*reg(E1000_IMS), 0);
	assert_int_equal(*reg(E1000_RCTL), 0);
	assert_int_equal(atxf_fake_dma_live(), 0);
	assert_int_equal(atxf_fake_strays(), 0);
}

static void test_a_reset_that_never_ends_is_a_timeout(void **state)
{
	(void)state;
	hw.rst_sticks = 1;
	assert_int_equal(e1k_start(&e, &tag, 0), -ATXF_ETIMEDOUT);
	assert_int_equal(atxf_fake_dma_live(), 0);
}

static void test_frames_arrive_in_order_and_buffers_go_back(void **state)
{
	uint8_t f[3][1514];
	const uint8_t *got;
	uint32_t len;
	uint16_t sizes[3] = { 60, 1514, 333 };

	(void)state;
	assert_int_equal(e1k_start(&e, &tag, 0), 0);
	for (int i = 0; i < 3; i++) {
		frame_of(f[i], sizes[i], (uint8_t)i);
		assert_int_equal(deliver(f[i], sizes[i], E1000_RXD_DD | E1000_RXD_EOP, 0), 0);
	}
	for (int i = 0; i < 3; i++) {
		assert_int_equal(e1k_rx_next(&e, &got, &len), 1);
		assert_int_equal(len, sizes[i]);
		assert_memory_equal(got, f[i], sizes[i]);
		e1k_rx_done(&e);
		assert_int_equal(*reg(E1000_RDT), (uint32_t)i);  /* the buffer is the device's again */
	}
	assert_int_equal(e1k_rx_next(&e, &got, &len), 0);
	assert_int_equal(e.rx_frames, 3);
	e1k_stop(&e);
}

static void test_bad_descriptors_are_skipped_and_counted(void **state)
{
	uint8_t f[100];
	const uint8_t *got;
	uint32_t len;

	(void)state;
	frame_of(f, sizeof(f), 9);
	assert_int_equal(e1k_start(&e, &tag, 0), 0);
	assert_int_equal(deliver(f, 100, E1000_RXD_DD | E1000_RXD_EOP, 0x80), 0);  /* RXE */
	assert_int_equal(deliver(f, 100, E1000_RXD_DD, 0), 0);                     /* no EOP */
	assert_int_equal(deliver(f, 10, E1000_RXD_DD | E1000_RXD_EOP, 0), 0);      /* too short */
	assert_int_equal(deliver(f, 100, E1000_RXD_DD | E1000_RXD_EOP, 0), 0);
	assert_int_equal(e1k_rx_next(&e, &got, &len), 1);
	assert_int_equal(len, 100);
	assert_int_equal(e.rx_bad, 3);
	assert_int_equal(*reg(E1000_RDT), 2);   /* the three bad ones given back */
	e1k_stop(&e);
}

static void test_a_ring_without_buffers_makes_the_device_wait(void **state)
{
	uint8_t f[64];
	int taken = 0;

	(void)state;
	frame_of(f, sizeof(f), 1);
	assert_int_equal(e1k_start(&e, &tag, 0), 0);
	while (deliver(f, sizeof(f), E1000_RXD_DD | E1000_RXD_EOP, 0) == 0)
		taken++;
	assert_int_equal(taken, E1K_RX_DESCS - 1);  /* one stays empty: head == tail */
	e1k_stop(&e);
}

static void test_sent_frames_go_out_whole_with_fcs_and_status(void **state)
{
	uint8_t f[1514];

	(void)state;
	frame_of(f, sizeof(f), 3);
	assert_int_equal(e1k_start(&e, &tag, 0), 0);
	assert_int_equal(e1k_send(&e, f, 1514), 0);
	assert_int_equal(e1k_send(&e, f, 60), 0);
	assert_int_equal(hw.nsent, 2);
	assert_int_equal(hw.sent_len[0], 1514);
	assert_memory_equal(hw.sent[0], f, 1514);
	assert_int_equal(hw.sent_len[1], 60);
	assert_int_equal(e.tx[0].cmd, E1000_TXD_EOP | E1000_TXD_IFCS | E1000_TXD_RS);
	assert_int_equal(*reg(E1000_TDT), 2);
	assert_int_equal(e1k_send(&e, f, 13), -ATXF_EINVAL);
	assert_int_equal(e1k_send(&e, f, E1K_BUF_SIZE + 1), -ATXF_EINVAL);
	e1k_stop(&e);
}

static void test_a_full_ring_says_again_until_the_device_sends(void **state)
{
	uint8_t f[60] = { 0 };
	int sent = 0;

	(void)state;
	assert_int_equal(e1k_start(&e, &tag, 0), 0);
	hw.tx_stalled = 1;
	while (e1k_send(&e, f, sizeof(f)) == 0)
		sent++;
	assert_int_equal(sent, E1K_TX_DESCS - 1);
	assert_int_equal(e1k_send(&e, f, sizeof(f)), -ATXF_EAGAIN);
	hw.tx_stalled = 0;
	tdt_write(*reg(E1000_TDT));     /* the device catches up */
	assert_int_equal(e1k_send(&e, f, sizeof(f)), 0);
	e1k_stop(&e);
}

static void test_causes_clear_on_read_and_promiscuous_toggles(void **state)
{
	(void)state;
	assert_int_equal(e1k_start(&e, &tag, 0), 0);
	*reg(E1000_ICR) = E1000_INT_LSC | E1000_INT_RXT0;
	assert_int_equal(e1k_causes(&e), E1000_INT_LSC | E1000_INT_RXT0);
	assert_int_equal(e1k_causes(&e), 0);
	e1k_set_promisc(&e, 1);
	assert_true(*reg(E1000_RCTL) & E1000_RCTL_UPE);
	e1k_set_promisc(&e, 0);
	assert_false(*reg(E1000_RCTL) & (E1000_RCTL_UPE | E1000_RCTL_MPE));
	assert_true(*reg(E1000_RCTL) & E1000_RCTL_EN);
	*reg(E1000_STATUS) = 0;
	assert_int_equal(e1k_link_up(&e), 0);
	e1k_stop(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_the_mac_comes_from_the_eeprom, setup),
		cmocka_unit_test_setup(test_the_8257x_eerd_layout_is_read_as_such, setup),
		cmocka_unit_test_setup(test_a_multicast_eeprom_mac_is_refused, setup),
		cmocka_unit_test_setup(test_start_programs_address_rings_and_causes, setup),
		cmocka_unit_test_setup(test_a_reset_that_never_ends_is_a_timeout, setup),
		cmocka_unit_test_setup(test_frames_arrive_in_order_and_buffers_go_back, setup),
		cmocka_unit_test_setup(test_bad_descriptors_are_skipped_and_counted, setup),
		cmocka_unit_test_setup(test_a_ring_without_buffers_makes_the_device_wait, setup),
		cmocka_unit_test_setup(test_sent_frames_go_out_whole_with_fcs_and_status, setup),
		cmocka_unit_test_setup(test_a_full_ring_says_again_until_the_device_sends, setup),
		cmocka_unit_test_setup(test_causes_clear_on_read_and_promiscuous_toggles, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
