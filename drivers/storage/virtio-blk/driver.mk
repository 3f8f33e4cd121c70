# virtio-blk, on the SDK's virtio library and block DMA (drivers/collect.mk).
DRIVER_NAME   := virtio-blk
DRIVER_SRCS   := drivers/storage/virtio-blk/virtio_blk.c drivers/storage/virtio-blk/vblk.c
DRIVER_BOOT   := yes
