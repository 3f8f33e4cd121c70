# virtio-rng, on the SDK's virtio library (drivers/collect.mk).
DRIVER_NAME   := virtio-rng
DRIVER_SRCS   := drivers/misc/virtio-rng/virtio_rng.c drivers/misc/virtio-rng/vrng.c
DRIVER_BOOT   := yes
# The buffer pool on the fake virtio device: every byte given out once,
# buffers recycled, a hostile device and DEVICE_NEEDS_RESET recovered from.
DRIVER_TESTS  := test_virtio_rng
DRIVER_TEST_test_virtio_rng := tests/unit/test_virtio_rng.c tests/unit/test_virtio_util.c \
		 drivers/misc/virtio-rng/vrng.c
