# tests/fuzz: libFuzzer targets (clang -fsanitize=fuzzer,address,undefined).
#
#   make check-fuzz            part of `make check`: each target for FUZZ_CHECK_SECONDS
#   make fuzz FUZZ_SECONDS=60  a longer run, with libFuzzer's progress shown
#
# A target is compiled together with the code it fuzzes, so that code is
# instrumented too. When clang cannot build a libFuzzer program here,
# check-fuzz says "skipped" (it passes nothing) and `make fuzz` fails.
# The seed corpus is converted at build time from the unit test fixtures;
# what libFuzzer finds goes to build/fuzz/corpus, crashes to build/fuzz/artifacts.

FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 60
FUZZ_CHECK_SECONDS ?= 15
FUZZ_DIR           := $(BUILD)/fuzz
FUZZ_FLAGS         := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
		      -fno-sanitize-recover=all $(WARNINGS) -Isdk/include

FUZZ_READER   := $(FUZZ_DIR)/fuzz_reader
FUZZ_SEED_DIR := $(FUZZ_DIR)/seeds/reader
FUZZ_SEEDS    := $(addprefix $(FUZZ_SEED_DIR)/,prog-gcc-O2.atxf prog-manifest.atxf tiny.atxf)

$(FUZZ_READER): tests/fuzz/fuzz_reader.c $(FORMAT_SRCS) \
		$(wildcard sdk/format/*.h sdk/include/atxf/*.h)
	@mkdir -p $(@D)
	$(call run,FUZZCC,$@) $(FUZZ_CC) $(FUZZ_FLAGS) tests/fuzz/fuzz_reader.c $(FORMAT_SRCS) -o $@

# The boot-archive path: ustar, then the ATXF reader, then the manifest.
FUZZ_BOOTFS      := $(FUZZ_DIR)/fuzz_bootfs
FUZZ_BOOTFS_SEED := $(FUZZ_DIR)/seeds/bootfs/seed.tar

$(FUZZ_BOOTFS): tests/fuzz/fuzz_bootfs.c $(FORMAT_SRCS) \
		$(wildcard sdk/format/*.h sdk/include/atxf/*.h)
	@mkdir -p $(@D)
	$(call run,FUZZCC,$@) $(FUZZ_CC) $(FUZZ_FLAGS) tests/fuzz/fuzz_bootfs.c $(FORMAT_SRCS) -o $@

$(FUZZ_BOOTFS_SEED): $(FUZZ_SEEDS) tests/qemu/bootfs.py
	@mkdir -p $(@D)
	$(call run,TAR,$@) $(PYTHON) tests/qemu/bootfs.py $@ $(filter %.atxf,$^)

$(FUZZ_SEED_DIR)/%.atxf: $(UNIT_FIX)/%.elf $(ELF2ATXF)
	@mkdir -p $(@D)
	$(call run,ATXF,$@) $(ELF2ATXF) $< -o $@

# devmgr's DSDT reader (the INTx routing), seeded with the unit test's
# q35-shaped table (test_devmgr_prt --seed).
FUZZ_PRT      := $(FUZZ_DIR)/fuzz_prt
FUZZ_PRT_SEED := $(FUZZ_DIR)/seeds/prt/q35.aml
FUZZ_PRT_SRCS := $(addprefix services/devmgr/,aml.c prt.c)

$(FUZZ_PRT): tests/fuzz/fuzz_prt.c $(FUZZ_PRT_SRCS) $(wildcard services/devmgr/*.h)
	@mkdir -p $(@D)
	$(call run,FUZZCC,$@) $(FUZZ_CC) $(FUZZ_FLAGS) -Iservices/devmgr tests/fuzz/fuzz_prt.c \
		$(FUZZ_PRT_SRCS) -o $@

$(FUZZ_PRT_SEED): $(TEST_DEVMGR_PRT)
	@mkdir -p $(@D)
	$(call run,GEN,$@) $(TEST_DEVMGR_PRT) --seed $@

# The netstack's packet parsers, seeded with an ARP request and a ping
# written by tests/fuzz/net_seeds.py.
FUZZ_NET      := $(FUZZ_DIR)/fuzz_net
FUZZ_NET_SEED := $(FUZZ_DIR)/seeds/net/arp-request
FUZZ_NET_SRCS := $(addprefix services/netstack/,checksum.c eth.c arp.c ipv4.c icmp.c iface.c)

$(FUZZ_NET): tests/fuzz/fuzz_net.c $(FUZZ_NET_SRCS) $(wildcard services/netstack/*.h)
	@mkdir -p $(@D)
	$(call run,FUZZCC,$@) $(FUZZ_CC) $(FUZZ_FLAGS) -Iservices/netstack tests/fuzz/fuzz_net.c \
		$(FUZZ_NET_SRCS) -o $@

$(FUZZ_NET_SEED): tests/fuzz/net_seeds.py
	@mkdir -p $(@D)
	$(call run,GEN,$(@D)) $(PYTHON) tests/fuzz/net_seeds.py $(@D)

# Can clang link a libFuzzer program here? (It may be missing, or lack compiler-rt.)
fuzz_probe = mkdir -p $(FUZZ_DIR) && printf '%s\n' \
	'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);' \
	'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)' \
	'{ (void)d; (void)n; return 0; }' \
	| $(FUZZ_CC) $(FUZZ_FLAGS) -x c - -o $(FUZZ_DIR)/probe >/dev/null 2>&1

.PHONY: check-fuzz fuzz fuzz-run
FUZZ_UNAVAILABLE := clang libFuzzer not available ($(FUZZ_CC) -fsanitize=fuzzer cannot link)

check-fuzz: $(FUZZ_SEEDS) $(FUZZ_BOOTFS_SEED) $(FUZZ_PRT_SEED) $(FUZZ_NET_SEED)
	@if $(fuzz_probe); then \
		$(MAKE) --no-print-directory fuzz-run FUZZ_SECONDS=$(FUZZ_CHECK_SECONDS) \
			FUZZ_QUIET=--quiet; \
	else \
		echo "  FUZZ    skipped: $(FUZZ_UNAVAILABLE); nothing was fuzzed"; \
	fi

fuzz: $(FUZZ_SEEDS) $(FUZZ_BOOTFS_SEED) $(FUZZ_PRT_SEED) $(FUZZ_NET_SEED)
	@$(fuzz_probe) || { echo "make fuzz: $(FUZZ_UNAVAILABLE)" >&2; exit 1; }
	@$(MAKE) --no-print-directory fuzz-run

fuzz-run: $(FUZZ_READER) $(FUZZ_BOOTFS) $(FUZZ_PRT) $(FUZZ_NET) $(FUZZ_SEEDS) \
		$(FUZZ_BOOTFS_SEED) $(FUZZ_PRT_SEED) $(FUZZ_NET_SEED)
	@tests/fuzz/run $(FUZZ_QUIET) $(FUZZ_READER) $(FUZZ_SECONDS) $(FUZZ_DIR) $(FUZZ_SEED_DIR) \
		-dict=tests/fuzz/reader.dict
	@tests/fuzz/run $(FUZZ_QUIET) $(FUZZ_BOOTFS) $(FUZZ_SECONDS) $(FUZZ_DIR) $(dir $(FUZZ_BOOTFS_SEED))
	@tests/fuzz/run $(FUZZ_QUIET) $(FUZZ_PRT) $(FUZZ_SECONDS) $(FUZZ_DIR) $(dir $(FUZZ_PRT_SEED))
	@tests/fuzz/run $(FUZZ_QUIET) $(FUZZ_NET) $(FUZZ_SECONDS) $(FUZZ_DIR) $(dir $(FUZZ_NET_SEED))

.PHONY: fuzz-seeds
fuzz-seeds: $(FUZZ_SEEDS) $(FUZZ_BOOTFS_SEED) $(FUZZ_PRT_SEED) $(FUZZ_NET_SEED)
	@:

CHECK_BUILD += fuzz-seeds
CHECK_STEPS += check-fuzz
