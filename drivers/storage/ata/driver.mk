# ATA PIO on the legacy IDE channels (drivers/collect.mk).
DRIVER_NAME   := ata
DRIVER_SRCS   := drivers/storage/ata/ata.c drivers/storage/ata/ata_pio.c \
		 drivers/storage/ata/ata_ident.c
DRIVER_BOOT   := yes
