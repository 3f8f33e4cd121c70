# virtio-gpu (2D), on the SDK's virtio library (drivers/collect.mk).
DRIVER_NAME   := virtio-gpu
DRIVER_SRCS   := drivers/graphics/virtio-gpu/virtio_gpu.c drivers/graphics/virtio-gpu/vgpu.c \
                 drivers/graphics/virtio-gpu/vgpu_cursor.c
DRIVER_BOOT   := yes
