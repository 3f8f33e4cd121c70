# services/: the system's own ATXF programs, built with the staged SDK
# wrapper like any user's program (rule 4), and the reference boot archive.
# Needs sysroot/build.mk (atxf_program) included before this file.
#
#   $(INIT_ATXF)  build/services/init.atxf (and init.atxf.elf for gdb)
#   $(BOOT_TAR)   build/image/boot.tar: the reference system's boot archive,
#                 the one multiboot module beside kernel.elf (docs/boot.md):
#                 init, services/init/boot.cfg, devmgr, the console and the
#                 drivers devmgr starts from their manifests; `make image`
#                 builds kernel and archive

INIT_ATXF := $(BUILD)/services/init.atxf
INIT_SRCS := services/init/main.c services/init/bootcfg.c services/init/programs.c \
	     services/init/names.c services/init/name_wait.c services/init/bootcap.c \
	     services/init/grants.c services/init/runs.c
BOOT_CFG  := services/init/boot.cfg
BOOT_TAR  := $(BUILD)/image/boot.tar
BOOTFS_PY := tests/qemu/bootfs.py

$(eval $(call atxf_program,$(INIT_ATXF),$(INIT_SRCS)))

# The other members, named here because their build.mk files come later;
# the drivers are those whose driver.mk says DRIVER_BOOT := yes (drivers/collect.mk).
BOOT_MEMBERS := $(INIT_ATXF) $(BUILD)/services/devmgr.atxf $(BUILD)/services/console.atxf \
		$(DRIVERS_BOOT)

$(BOOT_TAR): $(BOOT_MEMBERS) $(BOOT_CFG) $(BOOTFS_PY)
	@mkdir -p $(@D)
	$(call run,TAR,$@) $(PYTHON) $(BOOTFS_PY) $@ --cfg $(BOOT_CFG) $(BOOT_MEMBERS)

.PHONY: image
image: $(BOOT_TAR)

ALL_TARGETS += $(INIT_ATXF) $(BOOT_TAR)

# devmgr: device manager and driver supervisor, started by init
# with `start devmgr.atxf with root` (docs/devmgr.md).
DEVMGR_ATXF := $(BUILD)/services/devmgr.atxf
DEVMGR_SRCS := $(addprefix services/devmgr/,main.c pci.c legacy.c legacy_table.c log.c \
	       drivers.c match.c plan_msix.c backoff.c supervise.c spawn.c serve.c \
	       heartbeat.c naming.c events.c dmafault.c aml.c prt.c intx.c intx_setup.c piix.c \
	       tree.c props.c hotplug.c driver_wait.c ide_compat.c disks.c)
$(eval $(call atxf_program,$(DEVMGR_ATXF),$(DEVMGR_SRCS)))
ALL_TARGETS += $(DEVMGR_ATXF)

# The console service and its shell: services/console/build.mk.
include services/console/build.mk

# The TCP/IP service: services/netstack/build.mk.
include services/netstack/build.mk
