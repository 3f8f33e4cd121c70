# tests/unit: the libc's floating point (printf's %f %e %g %a, strtod and
# friends, scanf) against glibc, as shipped (renamed tlibc_*, see libc.mk),
# and the extreme cases again on the core files under ASan and UBSan.

LIBCFP_SHIPPED_TESTS := $(addprefix $(LIBC_TEST_BIN)/,test_libc_fp_printf test_libc_fp_strtod \
	test_libc_fp_scanf)

$(LIBCFP_SHIPPED_TESTS): $(LIBC_TEST_BIN)/%: $(LIBC_TEST_OBJ)/%.o \
		$(call libc_test_obj,test_libc_hooks) $(LIBC_RENAMED_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) -no-pie $^ $(LIBC_TEST_LIBS) -lm -o $@

UNIT_TESTS  += $(LIBCFP_SHIPPED_TESTS)
CHECK_BUILD += $(LIBCFP_SHIPPED_TESTS)

# libm: its target objects renamed tlibc_* like the libc's (they call the
# libc, whose renamed names they then find), measured against glibc's libm.
LIBM_RENAMED := $(LIBM_TARGET_OBJS:$(TGTOBJ)/sdk/lib/libm/%=$(LIBC_TEST_OBJ)/tlibm/%)
LIBM_RENAMED_LIB := $(LIBC_TEST_OBJ)/libtlibm.a

$(LIBC_TEST_OBJ)/tlibm/%.o: $(TGTOBJ)/sdk/lib/libm/%.o
	@mkdir -p $(@D)
	$(call run,OBJCOPY,$@) objcopy --prefix-symbols=tlibc_ $< $@

$(LIBM_RENAMED_LIB): $(LIBM_RENAMED)
	$(call run,AR,$@) rm -f $@ && $(AR) rcs $@ $^

LIBM_TEST := $(LIBC_TEST_BIN)/test_libm_ulp

$(LIBC_TEST_OBJ)/test_libm_ulp.o: CFLAGS_EXTRA_LIBM := -DLIBM_DOC='"$(abspath docs/libc.md)"'
$(LIBC_TEST_OBJ)/test_libm_ulp.o: tests/unit/test_libm_ulp.c
	@mkdir -p $(@D)
	$(call run,CC,$<) $(HOSTCC) $(LIBC_TEST_CFLAGS) $(CFLAGS_EXTRA_LIBM) -fno-builtin -c $< -o $@

$(LIBM_TEST): $(LIBC_TEST_OBJ)/test_libm_ulp.o $(call libc_test_obj,test_libc_hooks) \
		$(LIBM_RENAMED_LIB) $(LIBC_RENAMED_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) -no-pie $^ $(LIBC_TEST_LIBS) -lm -o $@

UNIT_TESTS  += $(LIBM_TEST)
CHECK_BUILD += $(LIBM_TEST)
