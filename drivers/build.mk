# drivers/: the user-space ATXF drivers, each built the way a user builds one
# (rule 4: the staged x86_64-atxf-gcc, crt0, libatxf, atxf.ld, elf2atxf)
# into build/drivers/NAME.atxf, with NAME.atxf.elf beside it for gdb. Each
# driver's folder says what it is made of in its driver.mk, which
# drivers/collect.mk has read (DRIVERS, DRIVER_SRCS_name, ...).
#
# The QEMU scenarios boot programs from build/progs, so each driver is also
# copied there (PROGS_ALL): include this file after tests/qemu/progs/build.mk
# and before tests/qemu/build.mk.
# Their device logic is host-tested by tests/unit/drivers.mk.

# $(1): a driver's name. Its folder's sources get its flags.
define driver_rules
ACFLAGS_$$(DRIVER_DIR_$(1)) := $$(DRIVER_CFLAGS_$(1))
$$(eval $$(call atxf_program,$$(DRIVERS_OUT)/$(1).atxf,$$(DRIVER_SRCS_$(1))))
endef

$(foreach d,$(DRIVERS),$(eval $(call driver_rules,$(d))))

I8042_DIR := drivers/input/i8042
PS2KBD_SRCS := $(DRIVER_SRCS_ps2-keyboard)

# The scenarios' copies.
DRIVERS_PROGS := $(DRIVERS_ATXF:$(DRIVERS_OUT)/%=$(PROGS_DIR)/%)
$(DRIVERS_PROGS): $(PROGS_DIR)/%.atxf: $(DRIVERS_OUT)/%.atxf
	@mkdir -p $(@D)
	$(call run,CP,$@) cp $< $@

# Test builds of the keyboard driver that misbehave on one key (never the
# real driver): $(1) the build's name, $(2) the macro ps2_keyboard.c tests,
# $(3) the key. The recovery scenarios boot them as ps2-keyboard.atxf.
define ps2kbd_test_build
PS2KBD_$(2)_OBJ := $$(ATXFOBJ)/$(1)-build/ps2_keyboard.o
$$(PS2KBD_$(2)_OBJ): drivers/input/ps2-keyboard/ps2_keyboard.c $$(ATXF_DEPS) \
		| $$(SYSROOT_STAMP)
	@mkdir -p $$(@D)
	$$(call run,CC,$$< [atxf $(1)-on-$(3)]) $$(ATXF_CC) $$(ATXF_CFLAGS) -I$$(I8042_DIR) \
		-D$(2)=ATXF_KEY_$(3) -c $$< -o $$@
$$(PROGS_DIR)/ps2-keyboard-$(1).atxf: $$(PS2KBD_$(2)_OBJ) \
		$$(call atxf_objects,$$(filter-out %/ps2_keyboard.c,$$(PS2KBD_SRCS))) $$(SYSROOT_STAMP)
	@mkdir -p $$(@D)
	$$(call run,ATXF,$$@) $$(ATXF_CC) $$(filter %.o,$$^) -o $$@
endef

# Crashes (a page fault) on F12: scenario shell-crash-keyboard.
PS2KBD_CRASH := $(PROGS_DIR)/ps2-keyboard-crash.atxf
$(eval $(call ps2kbd_test_build,crash,PS2KBD_CRASH_ON_KEY,F12))
# Spins forever on F11, for devmgr's heartbeat: scenario shell-hang-keyboard.
PS2KBD_HANG := $(PROGS_DIR)/ps2-keyboard-hang.atxf
$(eval $(call ps2kbd_test_build,hang,PS2KBD_HANG_ON_KEY,F11))

# The scenarios' clients (tests/qemu/progs/input-events.c, char-write.c).
# They live here until tests/qemu/progs/build.mk lists them in PROGS_NAMES.
DRIVERS_CLIENT := $(PROGS_DIR)/input-events.atxf $(PROGS_DIR)/char-write.atxf
$(foreach c,input-events char-write,$(eval $(call atxf_program,$(PROGS_DIR)/$(c).atxf,tests/qemu/progs/$(c).c)))

PROGS_ALL   += $(DRIVERS_PROGS) $(DRIVERS_CLIENT) $(PS2KBD_CRASH) $(PS2KBD_HANG)
# `make progs` (listed before this file added to PROGS_ALL) builds them too.
progs: $(DRIVERS_PROGS) $(DRIVERS_CLIENT) $(PS2KBD_CRASH) $(PS2KBD_HANG)
ALL_TARGETS += $(DRIVERS_ATXF)
CHECK_BUILD += $(DRIVERS_ATXF) $(DRIVERS_PROGS) $(DRIVERS_CLIENT) $(PS2KBD_CRASH) $(PS2KBD_HANG)

# A test build of the nvme driver that drops the first Write's completion
# (NVME_TEST_LOSE_WRITE in nvme_io.c, never the real driver): scenario
# nvme-lost-completion boots it as nvme.atxf.
NVME_DIR  := drivers/storage/nvme
NVME_LOSE := $(PROGS_DIR)/nvme-lose-write.atxf
NVME_LOSE_OBJ := $(ATXFOBJ)/nvme-lose-write-build/nvme_io.o
$(NVME_LOSE_OBJ): $(NVME_DIR)/nvme_io.c $(ATXF_DEPS) | $(SYSROOT_STAMP)
	@mkdir -p $(@D)
	$(call run,CC,$< [atxf lose-write]) $(ATXF_CC) $(ATXF_CFLAGS) -DNVME_TEST_LOSE_WRITE -c $< -o $@
$(NVME_LOSE): $(NVME_LOSE_OBJ) \
		$(call atxf_objects,$(filter-out %/nvme_io.c,$(DRIVER_SRCS_nvme))) $(SYSROOT_STAMP)
	@mkdir -p $(@D)
	$(call run,ATXF,$@) $(ATXF_CC) $(filter %.o,$^) -o $@
PROGS_ALL   += $(NVME_LOSE)
CHECK_BUILD += $(NVME_LOSE)
progs: $(NVME_LOSE)

# Crash test builds of the four disk drivers, from one mechanism: the block
# framework's sdk/lib/driver/proto_block.c built with ATXF_TEST_CRASH_AFTER
# (each generation takes a page fault while serving its Nth write), linked
# ahead of libatxf, whose own proto_block.o then stays out of the program.
# build/progs/NAME-crash.atxf, never the real drivers: the scenarios
# blkrestart-NAME-crash (tests/qemu/scenarios_blkrestart.py) boot them as NAME.atxf.
# 21 with blkrestart.c's rounds of 8 writes: the first and third crashes
# come half way through a round, the second on a round's first write.
BLK_CRASH_AFTER   := 21
BLK_CRASH_DRIVERS := virtio-blk nvme ahci ata
BLK_CRASH_OBJ     := $(TGTOBJ)/blk-crash-build/proto_block.o
$(BLK_CRASH_OBJ): sdk/lib/driver/proto_block.c drivers/build.mk $(TARGET_DEPS)
	@mkdir -p $(@D)
	$(call run,CC,$< [atxf crash-after-$(BLK_CRASH_AFTER)]) $(TARGET_CC) $(TARGET_CFLAGS) \
		-Isdk/lib/driver -DATXF_TEST_CRASH_AFTER=$(BLK_CRASH_AFTER) -c $< -o $@
define blk_crash_build
$$(PROGS_DIR)/$(1)-crash.atxf: $$(BLK_CRASH_OBJ) $$(call atxf_objects,$$(DRIVER_SRCS_$(1))) \
		$$(SYSROOT_STAMP)
	@mkdir -p $$(@D)
	$$(call run,ATXF,$$@) $$(ATXF_CC) $$(filter %.o,$$^) -o $$@
endef
$(foreach d,$(BLK_CRASH_DRIVERS),$(eval $(call blk_crash_build,$(d))))
BLK_CRASH := $(BLK_CRASH_DRIVERS:%=$(PROGS_DIR)/%-crash.atxf)
PROGS_ALL   += $(BLK_CRASH)
CHECK_BUILD += $(BLK_CRASH)
progs: $(BLK_CRASH)
