# tests/unit: init's pure parts on the host (services/init): the boot.cfg
# parser and its capability clauses, compiled for the host as they are and
# driven by tables of cases.
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) included before this.

TEST_BOOTCFG      := $(BUILD)/tests/unit/test_bootcfg
TEST_BOOTCFG_CAPS := $(BUILD)/tests/unit/test_bootcfg_caps

$(HOSTOBJ)/tests/unit/test_bootcfg.o $(HOSTOBJ)/tests/unit/test_bootcfg_caps.o: \
	HOST_CFLAGS += -Iservices/init

$(TEST_BOOTCFG): $(HOSTOBJ)/tests/unit/test_bootcfg.o $(HOSTOBJ)/services/init/bootcfg.o
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

$(TEST_BOOTCFG_CAPS): $(HOSTOBJ)/tests/unit/test_bootcfg_caps.o $(HOSTOBJ)/services/init/bootcap.o
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

UNIT_TESTS  += $(TEST_BOOTCFG) $(TEST_BOOTCFG_CAPS)
CHECK_BUILD += $(TEST_BOOTCFG) $(TEST_BOOTCFG_CAPS)
