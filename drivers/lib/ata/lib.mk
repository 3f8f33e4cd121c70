# drivers/lib/ata: the ATA command set shared by the AHCI and ATA PIO
# drivers (ata.h). A driver lists $(ATA_LIB_SRCS) in its DRIVER_SRCS and
# $(ATA_LIB_CFLAGS) in its DRIVER_CFLAGS, and includes <ata/ata.h>.
# Read by drivers/collect.mk before the drivers' driver.mk files.

ATA_LIB_DIR    := drivers/lib/ata
ATA_LIB_SRCS   := $(ATA_LIB_DIR)/ata_identify.c $(ATA_LIB_DIR)/ata_cmd.c $(ATA_LIB_DIR)/ata_status.c
ATA_LIB_CFLAGS := -Idrivers/lib

# Host tests, built by tests/unit/drivers.mk like a driver's:
#   test_ata_identify  IDENTIFY blocks as QEMU's ide-hd answers them, and broken ones
#   test_ata_cmd       READ/WRITE/FLUSH encodings and limits, status decoding
DRIVER_TESTS_ALL += test_ata_identify test_ata_cmd
DRIVER_TEST_test_ata_identify := tests/unit/test_ata_identify.c tests/unit/ata_ide_hd.c \
	$(ATA_LIB_SRCS)
DRIVER_TEST_test_ata_cmd := tests/unit/test_ata_cmd.c tests/unit/ata_ide_hd.c $(ATA_LIB_SRCS)
DRIVER_LIB_CFLAGS += $(ATA_LIB_CFLAGS)
