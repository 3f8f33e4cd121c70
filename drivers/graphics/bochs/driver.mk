# bochs: QEMU's std VGA and bochs-display (drivers/collect.mk).
DRIVER_NAME   := bochs
DRIVER_SRCS   := drivers/graphics/bochs/bochs.c drivers/graphics/bochs/dispi.c
DRIVER_BOOT   := yes
# Mode setting against a fake DISPI that fixes registers up as QEMU does.
DRIVER_TESTS  := test_bochs_dispi
DRIVER_TEST_test_bochs_dispi := tests/unit/test_bochs_dispi.c drivers/graphics/bochs/dispi.c
