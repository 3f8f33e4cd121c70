# tests/unit: the driver manifest codec (sdk/format/manifest.c).

TEST_MANIFEST := $(BUILD)/tests/unit/test_manifest

$(TEST_MANIFEST): $(HOSTOBJ)/tests/unit/test_manifest.o $(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ -lcmocka -o $@

UNIT_TESTS  += $(TEST_MANIFEST)
CHECK_BUILD += $(TEST_MANIFEST)
