# nvme: NVM Express controllers, each active namespace a block device (drivers/collect.mk).
DRIVER_NAME   := nvme
DRIVER_SRCS   := drivers/storage/nvme/nvme.c drivers/storage/nvme/nvme_ctrl.c \
		 drivers/storage/nvme/nvme_io.c drivers/storage/nvme/nvme_queue.c \
		 drivers/storage/nvme/nvme_prp.c
DRIVER_BOOT   := yes
