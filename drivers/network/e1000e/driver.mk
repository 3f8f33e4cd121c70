# e1000e (82574L, MSI-X) on e1000's family logic and the NIC library.
# Not in the reference boot archive yet: q35's default NIC is an e1000e,
# so it would start in every boot (see scenarios_net.py for its scenario).
DRIVER_NAME   := e1000e
DRIVER_SRCS   := drivers/network/e1000e/e1000e.c drivers/network/e1000/e1k_net.c \
		 drivers/network/e1000/e1000_dev.c drivers/network/lib/nic_lib.c
DRIVER_CFLAGS := -Idrivers/network/lib -Idrivers/network/e1000
DRIVER_BOOT   := no
