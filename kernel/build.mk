# kernel/: the microkernel, built with the host gcc as a freestanding ELF64
# (it is not an ATXF program). Objects go to build/kernel/, the image to
# build/image/kernel.elf. Targets: `make kernel`, `make image` (with the
# boot archive, services/build.mk), `make iso`, `make run`, `make run-gdb`
# (the QEMU ones are in tests/qemu/build.mk).
#
# The image is linked twice: the first link's text symbols become the kernel's
# own symbol table (kernel/tools/ksyms.py, for readable backtraces), linked
# into the second. The table sits after all code, so code addresses match
# between the two links; the recipe checks it, and kernel/tools/mbcheck.py
# checks the multiboot flat-image layout boot.S promises.

KERNEL_ELF     := $(BUILD)/image/kernel.elf
KOBJ           := $(BUILD)/kernel
KERNEL_CC      ?= gcc
KERNEL_LD      ?= ld
KERNEL_NM      ?= nm
PYTHON         ?= python3

# -nostdinc keeps the host libc's headers out; gcc's own freestanding ones
# (stdint.h, stdarg.h, ...) come back through -isystem, and the SDK's ABI
# headers (<atxf/...>) through -idirafter so they can never shadow them.
# -fno-tree-loop-distribute-patterns: gcc must not turn our memset/memcpy
# loops into calls to memset/memcpy. -mno-omit-leaf-frame-pointer and
# -fno-optimize-sibling-calls keep every function's frame on the chain, so a
# backtrace shows each caller (a tail call or a frameless leaf would drop one).
KERNEL_INC     := -nostdinc -isystem $(shell $(KERNEL_CC) -print-file-name=include) \
		  -Ikernel -idirafter sdk/include
KERNEL_CFLAGS  := -std=gnu11 -O2 -g -fno-omit-frame-pointer $(WARNINGS) \
		  -ffreestanding -nostdlib -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone \
		  -mgeneral-regs-only -fno-stack-protector -fno-builtin \
		  -fno-tree-loop-distribute-patterns -mno-omit-leaf-frame-pointer \
		  -fno-optimize-sibling-calls $(KERNEL_INC) -MMD -MP
KERNEL_ASFLAGS := -g -fno-pic -fno-pie $(KERNEL_INC) -MMD -MP
KERNEL_LDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack

KERNEL_SRCS := $(sort $(shell find kernel -name '*.c' -o -name '*.S' | grep -v '\.ld\.S$$'))
KERNEL_OBJS := $(patsubst kernel/%,$(KOBJ)/%.o,$(basename $(KERNEL_SRCS)))
ifneq ($(words $(KERNEL_OBJS)),$(words $(sort $(KERNEL_OBJS))))
  $(error kernel: a .c and a .S share a name, so they would share an object file)
endif
# The one ATXF and ustar reader (rule 2), freestanding, built into the
# kernel with the kernel's own flags (the loader and the boot archive).
KERNEL_FORMAT_OBJS := $(patsubst sdk/format/%.c,$(KOBJ)/sdk-format/%.o,$(wildcard sdk/format/*.c))
KERNEL_OBJS += $(KERNEL_FORMAT_OBJS)
# The SDK's PSF2 reader (sdk/lib/font), for the boot screen, likewise.
KERNEL_FONT_OBJS := $(patsubst sdk/lib/font/%.c,$(KOBJ)/sdk-font/%.o,$(wildcard sdk/lib/font/*.c))
KERNEL_OBJS += $(KERNEL_FONT_OBJS)
KERNEL_LDS  := $(KOBJ)/kernel.ld

# Objects depend on this file too: a flag change rebuilds them.
$(KERNEL_OBJS): kernel/build.mk

# The boot screen's font (kernel/lib/bootfont.S): Terminus 10x18 from
# Debian's console-setup-linux (scripts/deps), unpacked at build time.
BOOT_FONT_GZ  := /usr/share/consolefonts/Lat15-Terminus18x10.psf.gz
BOOT_FONT_PSF := $(KOBJ)/bootfont.psf
$(BOOT_FONT_PSF):
	@mkdir -p $(@D)
	@test -r $(BOOT_FONT_GZ) || { echo "kernel: missing $(BOOT_FONT_GZ): install" \
		"console-setup-linux (scripts/deps)" >&2; exit 1; }
	$(call run,GEN,$@) gzip -dc $(BOOT_FONT_GZ) > $@.tmp && mv $@.tmp $@
$(KOBJ)/lib/bootfont.o: $(BOOT_FONT_PSF)
$(KOBJ)/lib/bootfont.o: KERNEL_ASFLAGS += -DBOOT_FONT_FILE='"$(BOOT_FONT_PSF)"'

$(KOBJ)/%.o: kernel/%.c
	@mkdir -p $(@D)
	$(call run,CC,$<) $(KERNEL_CC) $(KERNEL_CFLAGS) -c $< -o $@

$(KOBJ)/sdk-format/%.o: sdk/format/%.c
	@mkdir -p $(@D)
	$(call run,CC,$< [kernel]) $(KERNEL_CC) $(KERNEL_CFLAGS) -c $< -o $@

$(KOBJ)/sdk-font/%.o: sdk/lib/font/%.c
	@mkdir -p $(@D)
	$(call run,CC,$< [kernel]) $(KERNEL_CC) $(KERNEL_CFLAGS) -c $< -o $@

$(KOBJ)/%.o: kernel/%.S
	@mkdir -p $(@D)
	$(call run,AS,$<) $(KERNEL_CC) $(KERNEL_ASFLAGS) -c $< -o $@

$(KERNEL_LDS): kernel/kernel.ld.S kernel/arch/x86_64/memlayout.h
	@mkdir -p $(@D)
	$(call run,GEN,$@) $(KERNEL_CC) -E -P -undef -D__ASSEMBLER__ -x assembler-with-cpp \
		-Ikernel $< -o $@

# Pass 1: an empty symbol table.
$(KOBJ)/ksyms_empty.S: kernel/tools/ksyms.py
	@mkdir -p $(@D)
	$(call run,GEN,$@) $(PYTHON) kernel/tools/ksyms.py < /dev/null > $@

$(KOBJ)/kernel.pass1.elf: $(KERNEL_OBJS) $(KOBJ)/ksyms_empty.o $(KERNEL_LDS)
	$(call run,LD,$@) $(KERNEL_LD) $(KERNEL_LDFLAGS) -T $(KERNEL_LDS) -o $@ \
		$(KERNEL_OBJS) $(KOBJ)/ksyms_empty.o

# Pass 2: the table of pass 1's functions.
$(KOBJ)/ksyms.S: $(KOBJ)/kernel.pass1.elf kernel/tools/ksyms.py
	$(call run,GEN,$@) $(KERNEL_NM) -n $< | $(PYTHON) kernel/tools/ksyms.py > $@

$(KOBJ)/ksyms_empty.o $(KOBJ)/ksyms.o: $(KOBJ)/%.o: $(KOBJ)/%.S
	$(call run,AS,$<) $(KERNEL_CC) $(KERNEL_ASFLAGS) -c $< -o $@

$(KERNEL_ELF): $(KERNEL_OBJS) $(KOBJ)/ksyms.o $(KERNEL_LDS) kernel/tools/mbcheck.py
	@mkdir -p $(@D)
	$(call run,LD,$@) $(KERNEL_LD) $(KERNEL_LDFLAGS) -T $(KERNEL_LDS) -o $@.tmp \
		$(KERNEL_OBJS) $(KOBJ)/ksyms.o
	@$(KERNEL_NM) -n $(KOBJ)/kernel.pass1.elf | grep ' [tTwW] ' > $(KOBJ)/text1.syms
	@$(KERNEL_NM) -n $@.tmp | grep ' [tTwW] ' > $(KOBJ)/text2.syms
	@cmp -s $(KOBJ)/text1.syms $(KOBJ)/text2.syms || \
		{ echo "kernel: code moved between the two links; ksyms would lie" >&2; exit 1; }
	$(call run,CHECK,$@) $(PYTHON) kernel/tools/mbcheck.py $@.tmp
	@mv $@.tmp $@

.PHONY: kernel image
kernel: $(KERNEL_ELF)
image: $(KERNEL_ELF)

ALL_TARGETS += $(KERNEL_ELF)

# The GRUB rescue ISO: GRUB (BIOS) loads the same kernel.elf as QEMU -kernel,
# and the same boot archive as its module (BOOT_TAR, services/build.mk,
# which must be included before this file).
ifndef BOOT_TAR
  $(error kernel/build.mk: include services/build.mk first (BOOT_TAR))
endif
ATXF_ISO  := $(BUILD)/atxf.iso
ISO_ROOT  := $(BUILD)/iso

$(ATXF_ISO): $(KERNEL_ELF) $(BOOT_TAR) kernel/arch/x86_64/grub.cfg
	@rm -rf $(ISO_ROOT) && mkdir -p $(ISO_ROOT)/boot/grub
	@cp $(KERNEL_ELF) $(ISO_ROOT)/boot/kernel.elf
	@cp $(BOOT_TAR) $(ISO_ROOT)/boot/boot.tar
	@cp kernel/arch/x86_64/grub.cfg $(ISO_ROOT)/boot/grub/grub.cfg
	$(call run,ISO,$@) grub-mkrescue -o $@ $(ISO_ROOT) > $@.log 2>&1 || \
		{ cat $@.log >&2; rm -f $@; exit 1; }

.PHONY: iso
iso: $(ATXF_ISO)
