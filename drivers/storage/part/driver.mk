# The partition driver (drivers/collect.mk): one per disk devmgr names,
# on the partition-table reader of drivers/lib/part (host-tested by
# tests/unit/test_part, tests/unit/part.mk).
DRIVER_NAME   := part
DRIVER_SRCS   := drivers/storage/part/part_main.c drivers/storage/part/part_io.c \
		 $(wildcard drivers/lib/part/*.c)
DRIVER_CFLAGS := -Idrivers/lib/part
DRIVER_BOOT   := yes
