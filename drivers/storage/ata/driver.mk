# ATA PIO on the legacy IDE channels (drivers/collect.mk), on the ATA
# command set of drivers/lib/ata.
DRIVER_NAME   := ata
DRIVER_SRCS   := drivers/storage/ata/ata.c drivers/storage/ata/ata_pio.c $(ATA_LIB_SRCS)
DRIVER_CFLAGS := $(ATA_LIB_CFLAGS)
DRIVER_BOOT   := yes
