# drivers/fs/fat: the FAT12/16/32 library (fat.h), without the server.
# The server's driver.mk lists $(FAT_LIB_SRCS) in its DRIVER_SRCS and
# $(FAT_LIB_CFLAGS) in its DRIVER_CFLAGS; tests/unit/fat.mk builds the same
# sources for the host (tests, with ASan/UBSan) and tests/fuzz/build.mk for
# the fuzz target. Only the library files: main.c and serve*.c are the server's.

FAT_LIB_DIR    := drivers/fs/fat
FAT_LIB_SRCS   := $(addprefix $(FAT_LIB_DIR)/,bpb.c cache.c table.c lfn.c time.c dir.c \
	node.c file.c rename.c volume.c)
FAT_LIB_CFLAGS := -I$(FAT_LIB_DIR)
