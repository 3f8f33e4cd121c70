# tests/unit: init's pure parts on the host (services/init): the boot.cfg
# parser, compiled for the host as it is and driven by a table of cases.
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) included before this.

TEST_BOOTCFG := $(BUILD)/tests/unit/test_bootcfg

$(HOSTOBJ)/tests/unit/test_bootcfg.o: HOST_CFLAGS += -Iservices/init

$(TEST_BOOTCFG): $(HOSTOBJ)/tests/unit/test_bootcfg.o $(HOSTOBJ)/services/init/bootcfg.o
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

UNIT_TESTS  += $(TEST_BOOTCFG)
CHECK_BUILD += $(TEST_BOOTCFG)
