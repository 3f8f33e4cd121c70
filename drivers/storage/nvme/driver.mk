# nvme: NVM Express controllers, each active namespace a block device (drivers/collect.mk).
DRIVER_NAME   := nvme
DRIVER_SRCS   := drivers/storage/nvme/nvme.c drivers/storage/nvme/nvme_ctrl.c \
		 drivers/storage/nvme/nvme_io.c drivers/storage/nvme/nvme_queue.c \
		 drivers/storage/nvme/nvme_prp.c
DRIVER_BOOT   := yes
# The device logic against a fake NVMe controller: bring-up, PRP lists,
# phase wrap, a lost completion redone after a reset, fatal status.
DRIVER_TESTS  := test_nvme
DRIVER_TEST_test_nvme := tests/unit/test_nvme.c tests/unit/fake_nvme.c \
		 drivers/storage/nvme/nvme_ctrl.c drivers/storage/nvme/nvme_io.c \
		 drivers/storage/nvme/nvme_queue.c drivers/storage/nvme/nvme_prp.c
