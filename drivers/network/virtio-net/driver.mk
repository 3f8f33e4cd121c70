# virtio-net on the SDK's virtio library and the NIC library (drivers/collect.mk).
DRIVER_NAME   := virtio-net
DRIVER_SRCS   := drivers/network/virtio-net/virtio_net.c drivers/network/virtio-net/vnet.c \
		 drivers/network/lib/nic_lib.c
DRIVER_CFLAGS := -Idrivers/network/lib
DRIVER_BOOT   := yes
# The device logic on the fake virtio device: MAC, link, header, bad used
# lengths and ids, a full transmitq (tests/unit/test_virtio_net.c).
DRIVER_TESTS  := test_virtio_net
DRIVER_TEST_test_virtio_net := tests/unit/test_virtio_net.c tests/unit/test_virtio_util.c \
		 drivers/network/virtio-net/vnet.c drivers/network/lib/nic_lib.c
