# services/: the system's own ATXF programs, built with the staged SDK
# wrapper like any user's program (rule 4), and the reference boot archive.
# Needs sysroot/build.mk (atxf_program) included before this file.
#
#   $(INIT_ATXF)  build/services/init.atxf (and init.atxf.elf for gdb)
#   $(BOOT_TAR)   build/image/boot.tar: init.atxf and services/init/boot.cfg,
#                 the one multiboot module beside kernel.elf (docs/boot.md);
#                 `make image` builds both

INIT_ATXF := $(BUILD)/services/init.atxf
INIT_SRCS := services/init/main.c services/init/bootcfg.c services/init/programs.c \
	     services/init/names.c services/init/bootcap.c services/init/grants.c
BOOT_CFG  := services/init/boot.cfg
BOOT_TAR  := $(BUILD)/image/boot.tar
BOOTFS_PY := tests/qemu/bootfs.py

$(eval $(call atxf_program,$(INIT_ATXF),$(INIT_SRCS)))

$(BOOT_TAR): $(INIT_ATXF) $(BOOT_CFG) $(BOOTFS_PY)
	@mkdir -p $(@D)
	$(call run,TAR,$@) $(PYTHON) $(BOOTFS_PY) $@ --cfg $(BOOT_CFG) $(INIT_ATXF)

.PHONY: image
image: $(BOOT_TAR)

ALL_TARGETS += $(INIT_ATXF) $(BOOT_TAR)

# devmgr (issue 6): device manager and driver supervisor, started by init
# with `start devmgr.atxf with root` (docs/devmgr.md).
DEVMGR_ATXF := $(BUILD)/services/devmgr.atxf
DEVMGR_SRCS := $(addprefix services/devmgr/,main.c pci.c legacy.c legacy_table.c log.c \
	       drivers.c match.c backoff.c supervise.c spawn.c serve.c)
$(eval $(call atxf_program,$(DEVMGR_ATXF),$(DEVMGR_SRCS)))
ALL_TARGETS += $(DEVMGR_ATXF)
