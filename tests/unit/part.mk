# tests/unit: the partition-table reader (drivers/lib/part) on tables the
# test builds byte by byte and on disks laid out by the host's sfdisk
# (the fdisk package, scripts/deps), with ASan and UBSan.
#
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) included before this.

PART_LIB_DIR  := drivers/lib/part
PART_LIB_SRCS := $(wildcard $(PART_LIB_DIR)/*.c)
PART_OBJ      := $(BUILD)/tests/part
PART_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
PART_TEST_CFLAGS := $(HOST_CFLAGS) -I$(PART_LIB_DIR) $(PART_SANITIZE)
PART_TEST_SRCS := tests/unit/test_part.c $(PART_LIB_SRCS) sdk/lib/runtime/strerror.c

$(PART_OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(PART_TEST_CFLAGS) -c $< -o $@

$(UNIT_DIR)/test_part: $(PART_TEST_SRCS:%.c=$(PART_OBJ)/%.o)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(PART_SANITIZE) $^ $(CMOCKA_LIBS) -o $@

UNIT_TESTS  += $(UNIT_DIR)/test_part
CHECK_BUILD += $(UNIT_DIR)/test_part
