# tests/unit: the FAT library (drivers/fs/fat, lib.mk's FAT_LIB_SRCS) on
# images made by mkfs.fat and filled by mtools, checked after writes by
# fsck.fat and mcopy (the dosfstools and mtools packages), with ASan and
# UBSan. test_fat_corrupt mounts the images scripts/fat-corrupt makes.
#
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS, UNIT_SCRATCH) and
# drivers/fs/fat/lib.mk (FAT_LIB_SRCS) included before this.

include drivers/fs/fat/lib.mk

FAT_OBJ      := $(BUILD)/tests/fat
FAT_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
FAT_TEST_CFLAGS := $(HOST_CFLAGS) $(FAT_LIB_CFLAGS) $(FAT_SANITIZE) \
	-DATXF_TEST_SCRATCH_DIR='"$(abspath $(UNIT_SCRATCH))"' \
	-DATXF_FAT_CORRUPT='"$(abspath scripts/fat-corrupt)"'
FAT_TESTS    := test_fat_read test_fat_write
FAT_COMMON   := tests/unit/test_fat_util.c $(FAT_LIB_SRCS)

$(FAT_OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(FAT_TEST_CFLAGS) -c $< -o $@

$(FAT_TESTS:%=$(UNIT_DIR)/%): $(UNIT_DIR)/%: $(FAT_OBJ)/tests/unit/%.o $(FAT_COMMON:%.c=$(FAT_OBJ)/%.o)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(FAT_SANITIZE) $^ $(CMOCKA_LIBS) -o $@

UNIT_TESTS  += $(FAT_TESTS:%=$(UNIT_DIR)/%)
CHECK_BUILD += $(FAT_TESTS:%=$(UNIT_DIR)/%)
