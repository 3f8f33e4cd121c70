# bochs: QEMU's std VGA and bochs-display (drivers/collect.mk).
DRIVER_NAME   := bochs
DRIVER_SRCS   := drivers/display/bochs/bochs.c drivers/display/bochs/dispi.c
DRIVER_BOOT   := yes
