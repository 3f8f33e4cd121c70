# e1000 (82540EM, INTx) on the e1000 family logic and the NIC library.
DRIVER_NAME   := e1000
DRIVER_SRCS   := drivers/network/e1000/e1000.c drivers/network/e1000/e1k_net.c \
		 drivers/network/e1000/e1000_dev.c drivers/network/lib/nic_lib.c
DRIVER_CFLAGS := -Idrivers/network/lib
DRIVER_BOOT   := yes
# The family logic against a fake 8254x register file: EEPROM, reset,
# rings, bad descriptors, a full transmit ring (tests/unit/test_e1000.c).
DRIVER_TESTS  := test_e1000
DRIVER_TEST_test_e1000 := tests/unit/test_e1000.c drivers/network/e1000/e1000_dev.c \
		 drivers/network/lib/nic_lib.c
