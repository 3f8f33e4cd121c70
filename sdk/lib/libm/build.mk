# sdk/lib/libm: the C library's <math.h> and <fenv.h> functions, built for
# the target by the shared $(TGTOBJ) rule into build/target/lib/libm.a, so
# that `-lm` works as on Linux (the wrapper's specs search the SDK's lib
# directory). The headers are the libc's (sdk/lib/libc/include). The host
# tests (tests/unit/libm.mk) build the same sources for the host.

LIBM_SRCS        := $(wildcard sdk/lib/libm/*.c)
LIBM_TARGET_OBJS := $(LIBM_SRCS:%.c=$(TGTOBJ)/%.o)
LIBM             := $(BUILD)/target/lib/libm.a

$(LIBM): $(LIBM_TARGET_OBJS)
	@mkdir -p $(@D)
	$(call run,AR,$@) rm -f $@ && $(AR) rcs $@ $^

ALL_TARGETS += $(LIBM)
