# ATA PIO on the legacy IDE channels (drivers/collect.mk), on the ATA
# command set of drivers/lib/ata.
DRIVER_NAME   := ata
DRIVER_SRCS   := drivers/storage/ata/ata.c drivers/storage/ata/ata_pio.c $(ATA_LIB_SRCS)
DRIVER_CFLAGS := $(ATA_LIB_CFLAGS)
DRIVER_BOOT   := yes
# The PIO transport on a fake IDE channel: reset, signatures, IDENTIFY,
# LBA28/LBA48 reads and writes, errors, a lost interrupt.
DRIVER_TESTS  := test_ata_pio
DRIVER_TEST_test_ata_pio := tests/unit/test_ata_pio.c tests/unit/ata_fake_channel.c \
		 tests/unit/ata_ide_hd.c drivers/storage/ata/ata_pio.c $(ATA_LIB_SRCS)
