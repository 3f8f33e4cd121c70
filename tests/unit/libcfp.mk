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
