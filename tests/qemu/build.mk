# tests/qemu: boot scenarios (tests/qemu/scenarios.py, shell_scenarios.py and
# each scenarios_AREA.py) run by harness.py, and
# the interactive QEMU targets. Every QEMU command line comes from
# tests/qemu/qemu.py, so `make run` and the tests boot the same machine.
#
#   make run        boot build/image/{kernel.elf,boot.tar} on the terminal (Ctrl-A X
#                   quits); ARGS="..." sets the kernel command line, e.g. ARGS=ktest=threads
#   make run-iso    the same from build/atxf.iso (through GRUB)
#   make run-gdb    QEMU halted with a gdb stub on :1234; then `gdb -x .gdbinit`
#   make check-qemu run every scenario (QEMU_TESTS="a b" for some); each boots
#                   init and the programs it names (build/progs) from its own archive.
#                   QEMU_REPEAT=N runs each N times and reports failures per
#                   scenario; QEMU_LOAD=1 runs them beside a CPU hog on every core
#   make check-signals  a signal to make run, harness.py or terminal.py leaves no QEMU
# ATXF_ACCEL=kvm|tcg forces the accelerator (default: KVM if usable).

QEMU_PY := $(PYTHON) tests/qemu/qemu.py

.PHONY: run run-iso run-gdb check-qemu

# The run targets exec qemu.py, which execs QEMU: QEMU is then the recipe's
# own process, which make sends SIGTERM on to (a shell in between would die
# and leave QEMU running). SIGHUP and SIGINT come from the terminal, which
# signals the whole job, QEMU too; make itself does not pass them on.

# Like `make check`, the run targets first install (or name) missing packages.
run run-iso run-gdb: | deps

run: $(KERNEL_ELF) $(BOOT_TAR)
	$(call run,QEMU,$(KERNEL_ELF)) exec $(QEMU_PY) --kernel $(KERNEL_ELF) --initrd $(BOOT_TAR) \
		$(if $(ARGS),--append "$(ARGS)")

run-iso: $(ATXF_ISO)
	$(call run,QEMU,$(ATXF_ISO)) exec $(QEMU_PY) --iso $(ATXF_ISO)

# gdb reads .gdbinit from the top of the tree (ignored by git). Use hbreak for
# the first breakpoint: software breakpoints need the page tables the kernel
# only builds once it runs.
run-gdb: $(KERNEL_ELF) $(BOOT_TAR)
	@$(PYTHON) sysroot/atxf-run/gdbinit.py --kernel $(KERNEL_ELF) --hbreak kmain --by 'make run-gdb' \
		-o .gdbinit $(BUILD)/services $(BUILD)/drivers $(BUILD)/progs
	@echo "run-gdb: wrote .gdbinit; in another terminal: gdb -x .gdbinit"
	$(call run,QEMU,$(KERNEL_ELF) halted for gdb) exec $(QEMU_PY) --kernel $(KERNEL_ELF) \
		--initrd $(BOOT_TAR) --gdb $(if $(ARGS),--append "$(ARGS)")

# The scenarios' programs: init (services/build.mk) and build/progs
# (tests/qemu/progs/build.mk, PROGS_ALL).
QEMU_TEST_DEPS := $(KERNEL_ELF) $(ATXF_ISO) $(BOOT_TAR) $(INIT_ATXF) $(PROGS_ALL)

check-qemu: $(QEMU_TEST_DEPS)
	@$(PYTHON) tests/qemu/harness.py $(if $(QEMU_REPEAT),--repeat $(QEMU_REPEAT)) \
		$(if $(filter-out 0,$(QEMU_LOAD)),--load) $(QEMU_TESTS)

CHECK_BUILD += $(QEMU_TEST_DEPS)
CHECK_STEPS += check-qemu
CLEAN_EXTRA += .gdbinit

# A signal to `make run`, to the harness or to terminal.py ends their QEMU:
# tests/qemu/sigcheck.py signals the command alone and checks, by pid, that
# nothing of it is left. (atxf-run's own cases are in tests/sdk/check-sdk.sh.)
# The make below is a fresh one: the jobserver of this one is not for it.
SIGCHECK := env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(PYTHON) tests/qemu/sigcheck.py
MAKE_RUN := make -s --no-print-directory run
KERNEL_LINE := '^\[ *[0-9]+\.[0-9]+\] '

.PHONY: check-signals
check-signals: $(KERNEL_ELF) $(BOOT_TAR) $(QEMU_TEST_DEPS)
	@status=0; \
	$(SIGCHECK) --name 'signals: kill -TERM of make run ends its QEMU' --signal TERM \
		--ready $(KERNEL_LINE) -- $(MAKE_RUN) || status=1; \
	for sig in TERM INT; do \
		$(SIGCHECK) --name "signals: kill -$$sig of harness.py ends its QEMU" --signal $$sig \
			--below 1 -- $(PYTHON) tests/qemu/harness.py shell-keyboard || status=1; \
	done; \
	$(SIGCHECK) --name 'signals: kill -TERM of terminal.py ends its make run and QEMU' \
		--signal TERM --below 2 -- $(PYTHON) tests/qemu/terminal.py --timeout 600 \
		--ready 'a line that never comes' --type x --expect x -- $(MAKE_RUN) || status=1; \
	exit $$status

CHECK_STEPS += check-signals
