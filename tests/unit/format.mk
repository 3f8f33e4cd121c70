# tests/unit: the shared format code besides the ATXF reader: the driver
# manifest codec (sdk/format/manifest.c) and the ustar reader.

TEST_MANIFEST := $(BUILD)/tests/unit/test_manifest

$(TEST_MANIFEST): $(HOSTOBJ)/tests/unit/test_manifest.o $(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ -lcmocka -o $@

UNIT_TESTS  += $(TEST_MANIFEST)
CHECK_BUILD += $(TEST_MANIFEST)

# The boot archive reader (sdk/format/ustar.c) against GNU tar's output.
TEST_USTAR := $(BUILD)/tests/unit/test_ustar

$(TEST_USTAR): $(HOSTOBJ)/tests/unit/test_ustar.o $(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ -lcmocka -o $@

UNIT_TESTS  += $(TEST_USTAR)
CHECK_BUILD += $(TEST_USTAR)
