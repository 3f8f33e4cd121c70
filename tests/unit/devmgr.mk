# tests/unit: devmgr's pure parts on the host (services/devmgr): manifest
# matching and least-privilege planning against the legacy table and
# hand-made PCI functions, the restart backoff, each driven by a table of
# named cases, and the INTx routing read from hand-assembled DSDTs.
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) and sdk/format/build.mk
# (FORMAT_HOST_LIB, for atxf_resource_kind_name) included before this.

TEST_DEVMGR_MATCH   := $(BUILD)/tests/unit/test_devmgr_match
TEST_DEVMGR_BACKOFF := $(BUILD)/tests/unit/test_devmgr_backoff
TEST_DEVMGR_PRT     := $(BUILD)/tests/unit/test_devmgr_prt
TEST_DEVMGR_TREE    := $(BUILD)/tests/unit/test_devmgr_tree
DEVMGR_TREE_HOST    := $(addprefix $(HOSTOBJ)/services/devmgr/,tree.o props.o)
DEVMGR_INTX_HOST    := $(addprefix $(HOSTOBJ)/services/devmgr/,intx.o prt.o aml.o piix.o)

$(HOSTOBJ)/tests/unit/test_devmgr_match.o $(HOSTOBJ)/tests/unit/test_devmgr_backoff.o \
$(HOSTOBJ)/tests/unit/test_devmgr_prt.o $(HOSTOBJ)/tests/unit/test_devmgr_tree.o: \
	HOST_CFLAGS += -Iservices/devmgr

$(TEST_DEVMGR_MATCH): $(HOSTOBJ)/tests/unit/test_devmgr_match.o \
		$(HOSTOBJ)/services/devmgr/match.o $(HOSTOBJ)/services/devmgr/plan_msix.o \
		$(HOSTOBJ)/services/devmgr/legacy_table.o $(HOSTOBJ)/services/devmgr/props.o \
		$(HOSTOBJ)/services/devmgr/ide_compat.o $(DEVMGR_INTX_HOST) $(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

$(TEST_DEVMGR_BACKOFF): $(HOSTOBJ)/tests/unit/test_devmgr_backoff.o \
		$(HOSTOBJ)/services/devmgr/backoff.o
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

$(TEST_DEVMGR_PRT): $(HOSTOBJ)/tests/unit/test_devmgr_prt.o $(DEVMGR_INTX_HOST)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

# The device tree: nodes, subtrees, children's properties and matching on them.
$(TEST_DEVMGR_TREE): $(HOSTOBJ)/tests/unit/test_devmgr_tree.o $(DEVMGR_TREE_HOST) \
		$(HOSTOBJ)/services/devmgr/match.o $(HOSTOBJ)/services/devmgr/plan_msix.o \
		$(DEVMGR_INTX_HOST) $(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(or $(CMOCKA_LIBS),-lcmocka) -o $@

UNIT_TESTS  += $(TEST_DEVMGR_MATCH) $(TEST_DEVMGR_BACKOFF) $(TEST_DEVMGR_PRT) $(TEST_DEVMGR_TREE)
CHECK_BUILD += $(TEST_DEVMGR_MATCH) $(TEST_DEVMGR_BACKOFF) $(TEST_DEVMGR_PRT) $(TEST_DEVMGR_TREE)
