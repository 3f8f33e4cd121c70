# ldscripts/: atxf.ld is generated from atxf.ld.S so that the load base is
# defined once, in <atxf/atxf.h>. The generated file is committed (a driver
# author can use it straight from a clone); `make ldscripts` refreshes it and
# `make check` fails if it is stale.

LDSCRIPT     := ldscripts/atxf.ld
LDSCRIPT_GEN := $(BUILD)/ldscripts/atxf.ld

$(LDSCRIPT_GEN): ldscripts/atxf.ld.S sdk/include/atxf/atxf.h
	@mkdir -p $(@D)
	$(call run,GEN,$@) { echo "/* Generated from ldscripts/atxf.ld.S by 'make ldscripts'; edit that file, not this one. */"; \
		$(HOSTCC) -E -P -undef -D__ASSEMBLER__ -x assembler-with-cpp -Isdk/include $<; } > $@

.PHONY: ldscripts check-ldscript
ldscripts: $(LDSCRIPT_GEN)
	$(call run,CP,$(LDSCRIPT)) cp $< $(LDSCRIPT)

check-ldscript: $(LDSCRIPT_GEN)
	@cmp -s $< $(LDSCRIPT) || { echo "$(LDSCRIPT) is stale: run 'make ldscripts' and commit it" >&2; exit 1; }

ALL_TARGETS += $(LDSCRIPT_GEN)
CHECK_STEPS += check-ldscript
