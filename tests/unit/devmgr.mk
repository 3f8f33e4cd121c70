# tests/unit: devmgr's pure parts on the host (services/devmgr): manifest
# matching and least-privilege planning against the legacy table and
# hand-made PCI functions, and the restart backoff, each driven by a table
# of named cases.
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) and sdk/format/build.mk
# (FORMAT_HOST_LIB, for atxf_resource_kind_name) included before this.

TEST_DEVMGR_MATCH   := $(BUILD)/tests/unit/test_devmgr_match
TEST_DEVMGR_BACKOFF := $(BUILD)/tests/unit/test_devmgr_backoff

$(HOSTOBJ)/tests/unit/test_devmgr_match.o $(HOSTOBJ)/tests/unit/test_devmgr_backoff.o: \
	HOST_CFLAGS += -Iservices/devmgr

$(TEST_DEVMGR_MATCH): $(HOSTOBJ)/tests/unit/test_devmgr_match.o \
		$(HOSTOBJ)/services/devmgr/match.o $(HOSTOBJ)/services/devmgr/plan_msix.o \
		$(HOSTOBJ)/services/devmgr/legacy_table.o \
		$(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

$(TEST_DEVMGR_BACKOFF): $(HOSTOBJ)/tests/unit/test_devmgr_backoff.o \
		$(HOSTOBJ)/services/devmgr/backoff.o
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

UNIT_TESTS  += $(TEST_DEVMGR_MATCH) $(TEST_DEVMGR_BACKOFF)
CHECK_BUILD += $(TEST_DEVMGR_MATCH) $(TEST_DEVMGR_BACKOFF)
