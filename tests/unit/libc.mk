# tests/unit: host tests of the libc (sdk/lib/libc).
#
# Every test runs our code, never glibc's, in one of two ways:
#  - the core files, which have internal names (the printf engine, the
#    streams, the heap), are compiled for the host with ASan and UBSan and
#    called directly: test_libc_format, test_libc_stream, test_libc_heap;
#  - everything else is tested as shipped: the target objects
#    ($(LIBC_TARGET_OBJS)) with every symbol renamed tlibc_* by objcopy, so
#    that they link beside glibc, and test_libc_hooks.c playing the runtime
#    (console, heap pages, exit): test_libc_stdio, _malloc, _string, _ctype,
#    _stdlib. Those objects are not position-independent: -no-pie.
# Random tests print their seed; LIBC_TEST_SEED=n reruns one.

LIBC_TEST_BIN := $(BUILD)/tests/unit
LIBC_TEST_OBJ := $(BUILD)/tests/libc
LIBC_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
LIBC_TEST_CFLAGS := $(HOST_CFLAGS) -Isdk/lib/libc $(LIBC_SANITIZE)
LIBC_TEST_LIBS := $(LIBC_SANITIZE) $(or $(CMOCKA_LIBS),-lcmocka)

libc_test_obj = $(patsubst %,$(LIBC_TEST_OBJ)/%.o,$(1))
libc_core_obj = $(patsubst %,$(LIBC_TEST_OBJ)/core/%.o,$(1))

$(LIBC_TEST_OBJ)/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(call run,CC,$<) $(HOSTCC) $(LIBC_TEST_CFLAGS) -c $< -o $@

$(LIBC_TEST_OBJ)/core/%.o: sdk/lib/libc/%.c
	@mkdir -p $(@D)
	$(call run,CC,$< [host]) $(HOSTCC) $(LIBC_TEST_CFLAGS) -c $< -o $@

# The shipped libc, renamed: memcpy becomes tlibc_memcpy, and so on.
LIBC_RENAMED := $(LIBC_TARGET_OBJS:$(TGTOBJ)/sdk/lib/libc/%=$(LIBC_TEST_OBJ)/tlibc/%)
LIBC_RENAMED_LIB := $(LIBC_TEST_OBJ)/libtlibc.a

$(LIBC_TEST_OBJ)/tlibc/%.o: $(TGTOBJ)/sdk/lib/libc/%.o
	@mkdir -p $(@D)
	$(call run,OBJCOPY,$@) objcopy --prefix-symbols=tlibc_ $< $@

$(LIBC_RENAMED_LIB): $(LIBC_RENAMED)
	$(call run,AR,$@) rm -f $@ && $(AR) rcs $@ $^

LIBC_CORE_TESTS := $(addprefix $(LIBC_TEST_BIN)/,test_libc_format test_libc_stream test_libc_heap \
	test_libc_heap_big)
LIBC_SHIPPED_TESTS := $(addprefix $(LIBC_TEST_BIN)/,test_libc_stdio test_libc_malloc \
	test_libc_string test_libc_ctype test_libc_stdlib test_libc_time test_libc_wchar test_libc_stdin test_libc_ssp \
	test_libc_posix)

$(LIBC_TEST_BIN)/test_libc_format: $(call libc_core_obj,format vsnprintf $(LIBC_FORMAT_FP))
$(LIBC_TEST_BIN)/test_libc_stream: $(call libc_core_obj,stream format $(LIBC_FORMAT_FP))
$(LIBC_TEST_BIN)/test_libc_heap:   $(call libc_core_obj,heap heap_big heap_check)
$(LIBC_TEST_BIN)/test_libc_heap_big: $(call libc_core_obj,heap heap_big heap_check)

$(LIBC_CORE_TESTS): $(LIBC_TEST_BIN)/%: $(LIBC_TEST_OBJ)/%.o $(call libc_test_obj,test_libc_hooks)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(LIBC_TEST_LIBS) -o $@

$(LIBC_SHIPPED_TESTS): $(LIBC_TEST_BIN)/%: $(LIBC_TEST_OBJ)/%.o \
		$(call libc_test_obj,test_libc_hooks) $(LIBC_RENAMED_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) -no-pie $^ $(LIBC_TEST_LIBS) -o $@

UNIT_TESTS  += $(LIBC_CORE_TESTS) $(LIBC_SHIPPED_TESTS)
CHECK_BUILD += $(LIBC_CORE_TESTS) $(LIBC_SHIPPED_TESTS)
