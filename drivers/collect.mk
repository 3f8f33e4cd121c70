# drivers/collect.mk: every driver describes itself in its own folder's
# driver.mk, collected here by wildcard, so a new driver edits no central
# build file. A driver.mk sets, for its folder (paths relative to the tree):
#
#   DRIVER_NAME        the driver: build/drivers/NAME.atxf
#   DRIVER_SRCS        its sources, this folder's and shared ones
#   DRIVER_CFLAGS      extra compiler flags (-I for shared code), optional
#   DRIVER_BOOT        yes: it goes into the reference boot archive
#   DRIVER_TESTS       host tests (tests/unit/NAME), optional, each with
#   DRIVER_TEST_NAME   the sources of test NAME (the test, the device logic
#                      it tests, any fake device); built by tests/unit/drivers.mk
#
# Read before services/build.mk, which puts DRIVERS_BOOT into the archive;
# the build rules are in drivers/build.mk.

DRIVERS_OUT  := $(BUILD)/drivers
DRIVER_MKS   := $(sort $(wildcard drivers/*/*/driver.mk))
DRIVERS      :=
DRIVERS_BOOT :=
DRIVER_TESTS_ALL :=

# $(1): a driver.mk. Its variables are cleared first, then kept per driver.
define collect_driver
DRIVER_NAME :=
DRIVER_SRCS :=
DRIVER_CFLAGS :=
DRIVER_BOOT :=
DRIVER_TESTS :=
include $(1)
$$(if $$(DRIVER_NAME),,$$(error $(1): no DRIVER_NAME))
$$(if $$(filter $$(DRIVER_NAME),$$(DRIVERS)),$$(error $(1): a second driver named $$(DRIVER_NAME)))
DRIVERS += $$(DRIVER_NAME)
DRIVER_DIR_$$(DRIVER_NAME) := $(patsubst %/,%,$(dir $(1)))
DRIVER_SRCS_$$(DRIVER_NAME) := $$(DRIVER_SRCS)
DRIVER_CFLAGS_$$(DRIVER_NAME) := $$(DRIVER_CFLAGS)
DRIVERS_BOOT += $$(if $$(filter yes,$$(DRIVER_BOOT)),$$(DRIVERS_OUT)/$$(DRIVER_NAME).atxf)
DRIVER_TESTS_ALL += $$(DRIVER_TESTS)
endef

# Code several drivers share (drivers/lib/NAME/lib.mk): its sources and
# flags, for the drivers' driver.mk files to name, and its host tests.
DRIVER_LIB_CFLAGS :=
include $(sort $(wildcard drivers/lib/*/lib.mk))

$(foreach mk,$(DRIVER_MKS),$(eval $(call collect_driver,$(mk))))

DRIVERS_ATXF := $(DRIVERS:%=$(DRIVERS_OUT)/%.atxf)
