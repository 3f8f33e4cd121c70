# ahci: SATA disks on an AHCI HBA (q35's ICH9 at 00:1f.2, -device ahci),
# on the shared ATA command set (drivers/lib/ata).
DRIVER_NAME   := ahci
DRIVER_SRCS   := drivers/storage/ahci/ahci.c drivers/storage/ahci/hba.c \
		 drivers/storage/ahci/port.c drivers/storage/ahci/queue.c \
		 drivers/storage/ahci/recover.c $(ATA_LIB_SRCS)
DRIVER_CFLAGS := $(ATA_LIB_CFLAGS)
