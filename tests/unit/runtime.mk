# tests/unit: libatxf's runtime (sdk/lib/runtime) and the fake hardware
# (sdk/lib/fake), as cmocka programs on the host.
#
# The pure parts (strerror, messages, names, start info, the direct I/O
# rule) are compiled for the host and tested directly. The rest only runs
# on the target, so test_runtime_exec runs a real ATXF program (crt0.o +
# libatxf.a + tests/unit/test_runtime_prog.c, built by x86_64-atxf-gcc)
# as a Linux process under ptrace, translating its system calls to a
# scripted kernel (test_runtime_emu.c): start-up, exit, the console, the
# heap, port I/O on both paths and the name client run for real.
# test_runtime_link checks that program and libatxf.a themselves.
# Needs: tests/unit/build.mk (UNIT_TESTS, CMOCKA_LIBS) included before this.

RT_UNIT := $(BUILD)/tests/unit
RT_OBJ  := $(HOSTOBJ)/tests/unit
RT_SRC  := $(HOSTOBJ)/sdk/lib/runtime
RT_CMOCKA := $(or $(CMOCKA_LIBS),-lcmocka)

RUNTIME_UNIT_TESTS := $(addprefix $(RT_UNIT)/,test_runtime_strerror test_runtime_msg \
	test_runtime_names test_runtime_start test_runtime_iomap test_fake_uart \
	test_fake_hw test_pci_cap test_runtime_link test_runtime_exec)

$(RT_UNIT)/test_runtime_strerror: $(RT_OBJ)/test_runtime_strerror.o $(LIBATXF_FAKE)
$(RT_UNIT)/test_runtime_msg: $(RT_OBJ)/test_runtime_msg.o $(LIBATXF_FAKE)
$(RT_UNIT)/test_runtime_names: $(RT_OBJ)/test_runtime_names.o $(LIBATXF_FAKE)
$(RT_UNIT)/test_runtime_start: $(RT_OBJ)/test_runtime_start.o $(RT_SRC)/start_info.o
$(RT_UNIT)/test_runtime_iomap: $(RT_OBJ)/test_runtime_iomap.o $(RT_SRC)/io_bitmap.o
$(RT_UNIT)/test_fake_uart: $(RT_OBJ)/test_fake_uart.o $(LIBATXF_FAKE)
$(RT_UNIT)/test_fake_hw: $(RT_OBJ)/test_fake_hw.o $(LIBATXF_FAKE)
$(RT_UNIT)/test_pci_cap: $(RT_OBJ)/test_pci_cap.o $(LIBATXF_FAKE)
$(RT_UNIT)/test_runtime_link: $(RT_OBJ)/test_runtime_link.o $(FORMAT_HOST_LIB)
$(RT_UNIT)/test_runtime_exec: $(RT_OBJ)/test_runtime_exec.o $(RT_OBJ)/test_runtime_emu.o

$(RUNTIME_UNIT_TESTS):
	@mkdir -p $(@D)
	$(call run,LD,$@) $(HOSTCC) $(filter %.o %.a,$^) $(RT_CMOCKA) -o $@

# ---- the ATXF program the link and exec tests look at, built like any
# ATXF program of the tree: by the staged x86_64-atxf-gcc (rule 4), which
# leaves runtime-prog.atxf.elf beside it for the exec test.

RT_PROG := $(RT_UNIT)/runtime-prog
$(eval $(call atxf_program,$(RT_PROG).atxf,tests/unit/test_runtime_prog.c))

# The tests find what they examine by absolute path, like the toolchain's.
$(RT_OBJ)/test_runtime_link.o $(RT_OBJ)/test_runtime_exec.o: HOST_CFLAGS += \
	-DRT_PROG='"$(abspath $(RT_PROG))"' -DRT_LIBATXF='"$(abspath $(LIBATXF))"' \
	-DRT_ATXFDUMP='"$(abspath $(ATXFDUMP))"' \
	-DRT_SYSCALLS_MD='"$(abspath docs/syscalls.md)"'
$(RT_OBJ)/test_runtime_link.o $(RT_OBJ)/test_runtime_exec.o: tests/unit/runtime.mk

RUNTIME_UNIT_DEPS := $(RT_PROG).atxf $(LIBATXF) $(ATXFDUMP)

UNIT_TESTS  += $(RUNTIME_UNIT_TESTS)
UNIT_DEPS   += $(RUNTIME_UNIT_DEPS)
CHECK_BUILD += $(RUNTIME_UNIT_TESTS) $(RUNTIME_UNIT_DEPS)
