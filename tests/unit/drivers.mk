# tests/unit: host tests of the drivers' device logic (drivers/), each run
# against the fake hardware of libatxf-fake and a device the test plays.
# No framework is linked: the logic alone, as an author tests it. Each
# driver's driver.mk names its tests and their sources (DRIVER_TESTS,
# DRIVER_TEST_name; drivers/collect.mk); every driver's folder and flags
# are on the include path.

DRVS_TEST_OBJ := $(BUILD)/tests/drivers
DRVS_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
DRVS_TEST_CFLAGS := $(HOST_CFLAGS) -Itests/unit $(DRVS_SANITIZE) $(DRIVER_LIB_CFLAGS) \
	$(foreach d,$(DRIVERS),-I$(DRIVER_DIR_$(d)) $(DRIVER_CFLAGS_$(d)))
DRVS_TEST_LIBS := $(DRVS_SANITIZE) $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

$(DRVS_TEST_OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(DRVS_TEST_CFLAGS) -c $< -o $@

drvs_obj = $(patsubst %.c,$(DRVS_TEST_OBJ)/%.o,$(1))

DRIVERS_UNIT_TESTS := $(addprefix $(UNIT_DIR)/,$(DRIVER_TESTS_ALL))

$(foreach t,$(DRIVER_TESTS_ALL),$(eval $(UNIT_DIR)/$(t): $(call drvs_obj,$(DRIVER_TEST_$(t)))))

$(DRIVERS_UNIT_TESTS): $(LIBATXF_FAKE)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(filter %.o,$^) $(LIBATXF_FAKE) $(DRVS_TEST_LIBS) -o $@

UNIT_TESTS  += $(DRIVERS_UNIT_TESTS)
CHECK_BUILD += $(DRIVERS_UNIT_TESTS)
