# sdk/lib/libc: the small C library inside libatxf, built for the target by
# the shared $(TGTOBJ) rule and TARGET_CFLAGS (mk/common.mk). Its public
# headers (include/) are what ATXF programs see as <stdio.h> and the rest.
# LIBC_TARGET_OBJS goes into libatxf.a; the host tests (tests/unit/libc.mk)
# compile the core files for the host and link these objects renamed.

LIBC_SRCS        := $(wildcard sdk/lib/libc/*.c)
LIBC_TARGET_OBJS := $(LIBC_SRCS:%.c=$(TGTOBJ)/%.o)

# The files the printf engine (format.c) needs for floating point, for
# the host tests that compile it alone.
LIBC_FORMAT_FP := format_fp format_dec format_hex decimal fp_bits

# The only symbols the libc may need from outside itself: the runtime hooks
# declared in sdk/lib/libc/hooks.h, the TLS image's bounds that
# ldscripts/atxf.ld defines (tls.c), and _GLOBAL_OFFSET_TABLE_, which the
# assembler names in every object with a TLS variable's debug information
# (the linker defines it; a static ATXF program has no GOT to fill).
LIBC_HOOKS := atxf_debug_write atxf_heap_grow atxf_heap_release atxf_exit atxf_yield \
	atxf_clock_ns atxf_sleep_ns atxf_futex_wait atxf_futex_wake atxf_thread_create atxf_thread_exit \
	atxf_stdin_read \
	atxf_tls_set __atxf_tls_image __atxf_tls_image_size __atxf_tls_size __atxf_tls_align \
	_GLOBAL_OFFSET_TABLE_

# Fails if the objects need anything but each other and the hooks (a host
# libc function, __stack_chk_fail, a libgcc helper, ...).
.PHONY: check-libc-symbols
check-libc-symbols: $(LIBC_TARGET_OBJS)
	@nm -P -g --defined-only $^ | awk 'NF >= 2 {print $$1}' | sort -u > $(TGTOBJ)/libc.defined
	@nm -P -u $^ | awk 'NF >= 2 {print $$1}' | sort -u > $(TGTOBJ)/libc.undefined
	@extra=$$(comm -23 $(TGTOBJ)/libc.undefined $(TGTOBJ)/libc.defined | \
		grep -vxF $(addprefix -e ,$(LIBC_HOOKS))); \
	if [ -n "$$extra" ]; then \
		echo "FAIL libc: undefined symbols besides the runtime hooks:" $$extra >&2; exit 1; \
	else echo "  OK      libc needs only: $(LIBC_HOOKS)"; fi

ALL_TARGETS += $(LIBC_TARGET_OBJS)
CHECK_STEPS += check-libc-symbols

# docs/libc.md's measured block: the headers against the symbols the built
# libraries define (scripts/libc-doc). `make libc-doc` rewrites it;
# check-libc-doc fails when it is out of date or a header promises a
# function no library defines.
.PHONY: libc-doc check-libc-doc
libc-doc: $(LIBATXF) sysroot
	@scripts/libc-doc --write && echo "  GEN     docs/libc.md"

check-libc-doc: $(LIBATXF) sysroot
	@scripts/libc-doc --check && echo "  OK      docs/libc.md matches the libc"

CHECK_STEPS += check-libc-doc
