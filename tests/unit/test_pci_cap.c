/*
 * atxf_pci_find_cap() (<atxf/hw.h>) and the walk it shares with the kernel
 * (sdk/format/pci_cap.c), over fake configuration spaces shaped like
 * QEMU's devices: nvme's list (PM, MSI-X, PCIe), virtio's repeated vendor
 * capabilities, and broken lists that must end rather than hang or read
 * the header as a capability.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/fake.h>
#include <atxf/hw.h>
#include <atxf/pci_regs.h>

static uint8_t config[256];

static atxf_handle_t function(void)
{
	atxf_fake_reset();
	return atxf_fake_cap_pci(0x0020, config, sizeof(config), NULL, NULL);
}

static void link(uint8_t at, uint8_t id, uint8_t next)
{
	config[at + PCI_CAP_ID] = id;
	config[at + PCI_CAP_NEXT] = next;
}

static int setup(void **state)
{
	(void)state;
	memset(config, 0, sizeof(config));
	config[PCI_STATUS] = PCI_STATUS_CAP_LIST;
	config[PCI_CAP_PTR] = 0x40;
	return 0;
}

static void finds_each_capability_of_a_list(void **state)
{
	atxf_handle_t pci;

	(void)state;
	link(0x40, 0x01, 0x80);             /* power management */
	link(0x80, PCI_CAP_ID_MSIX, 0x60);
	link(0x60, PCI_CAP_ID_EXP, 0x00);
	pci = function();
	assert_int_equal(atxf_pci_find_cap(pci, 0x01, 0), 0x40);
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_MSIX, 0), 0x80);
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_EXP, 0), 0x60);
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_MSI, 0), 0);
}

static void after_gives_the_next_of_the_same_id(void **state)
{
	atxf_handle_t pci;

	(void)state;
	link(0x40, PCI_CAP_ID_VENDOR, 0x54);
	link(0x54, PCI_CAP_ID_MSIX, 0x70);
	link(0x70, PCI_CAP_ID_VENDOR, 0x84);
	link(0x84, PCI_CAP_ID_VENDOR, 0x00);
	pci = function();
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, 0), 0x40);
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, 0x40), 0x70);
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, 0x70), 0x84);
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_VENDOR, 0x84), 0);
}

static void no_list_without_the_status_bit(void **state)
{
	atxf_handle_t pci;

	(void)state;
	link(0x40, PCI_CAP_ID_MSIX, 0x00);
	config[PCI_STATUS] = 0;
	pci = function();
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_MSIX, 0), 0);
}

static void a_looping_list_ends(void **state)
{
	atxf_handle_t pci;

	(void)state;
	link(0x40, 0x01, 0x50);
	link(0x50, 0x01, 0x40);             /* back to the first */
	pci = function();
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_MSIX, 0), 0);
}

static void a_pointer_into_the_header_ends_the_list(void **state)
{
	atxf_handle_t pci;

	(void)state;
	link(0x40, 0x01, 0x0c);             /* 0x0c is in the header: not a capability */
	config[0x0c] = PCI_CAP_ID_MSIX;
	pci = function();
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_MSIX, 0), 0);
}

static void the_low_pointer_bits_are_ignored(void **state)
{
	atxf_handle_t pci;

	(void)state;
	config[PCI_CAP_PTR] = 0x43;         /* bits 1..0 reserved (PCI 3.0 §6.7) */
	link(0x40, 0x01, 0x63);
	link(0x60, PCI_CAP_ID_MSI, 0x00);
	pci = function();
	assert_int_equal(atxf_pci_find_cap(pci, PCI_CAP_ID_MSI, 0), 0x60);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(finds_each_capability_of_a_list, setup),
		cmocka_unit_test_setup(after_gives_the_next_of_the_same_id, setup),
		cmocka_unit_test_setup(no_list_without_the_status_bit, setup),
		cmocka_unit_test_setup(a_looping_list_ends, setup),
		cmocka_unit_test_setup(a_pointer_into_the_header_ends_the_list, setup),
		cmocka_unit_test_setup(the_low_pointer_bits_are_ignored, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
