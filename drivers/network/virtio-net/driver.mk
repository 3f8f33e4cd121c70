# virtio-net on the SDK's virtio library and the NIC library (drivers/collect.mk).
DRIVER_NAME   := virtio-net
DRIVER_SRCS   := drivers/network/virtio-net/virtio_net.c drivers/network/virtio-net/vnet.c \
		 drivers/network/lib/nic_lib.c
DRIVER_CFLAGS := -Idrivers/network/lib
DRIVER_BOOT   := yes
