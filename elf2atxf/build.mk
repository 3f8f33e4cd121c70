# elf2atxf/: the host tools elf2atxf (ELF -> ATXF, via libelf) and atxfdump.

ELF2ATXF := $(BIN)/elf2atxf
ATXFDUMP := $(BIN)/atxfdump

LIBELF_CFLAGS := $(shell $(PKG_CONFIG) --cflags libelf 2>/dev/null)
LIBELF_LIBS   := $(shell $(PKG_CONFIG) --libs libelf 2>/dev/null || echo -lelf)
CFLAGS_elf2atxf := $(LIBELF_CFLAGS)

ELF2ATXF_OBJS := $(patsubst %.c,$(HOSTOBJ)/%.o,elf2atxf/elf2atxf.c elf2atxf/checks.c \
		 elf2atxf/layout.c elf2atxf/output.c)
ATXFDUMP_OBJS := $(patsubst %.c,$(HOSTOBJ)/%.o,elf2atxf/atxfdump.c elf2atxf/dump_text.c \
		 elf2atxf/dump_json.c elf2atxf/dump_manifest.c)

$(ELF2ATXF): $(ELF2ATXF_OBJS) $(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ $(LIBELF_LIBS) -o $@

$(ATXFDUMP): $(ATXFDUMP_OBJS) $(FORMAT_HOST_LIB)
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $^ -o $@

ALL_TARGETS += $(ELF2ATXF) $(ATXFDUMP)
