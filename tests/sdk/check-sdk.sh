#!/bin/bash
# tests/sdk/check-sdk.sh: the SDK as a user meets it.
#
# Installs the SDK, moves the installation, and then, with only the moved
# bin/ on PATH and nothing else from this tree in the environment: builds a
# program, checks that no installed file names the source or build tree,
# scaffolds, builds and tests every template, builds with CMake, asks
# pkg-config, checks that atxf-new refuses bad input without writing, and
# boots a program with atxf-run (skipped, and said so, while the tree has no
# build/services/init.atxf for the kernel to start), checks that a program's
# output in atxf-run is byte for byte its host build's, and boots the
# reference system alone, typing to its shell on a terminal.
# One OK or FAIL line per case; exit 1 if any failed.
#
# Run by `make check` (tests/sdk/build.mk) with MAKE and BUILD set.
set -u

SRC=$(cd "$(dirname "$0")/../.." && pwd -P)
BUILD=${BUILD:-$SRC/build}
MAKE=${MAKE:-make}
T=$(mktemp -d "${TMPDIR:-/tmp}/atxf-sdk-check.XXXXXX")
trap 'rm -rf "$T"' EXIT
LOG=$T/log
PREFIX=$T/moved
fails=0

ok() { printf '  OK      sdk: %s\n' "$1"; }

fail() {
	printf '  FAIL    sdk: %s\n' "$1"
	[ -s "$LOG" ] && tail -n 20 "$LOG" | sed 's/^/          | /'
	fails=$((fails + 1))
}

# check NAME COMMAND...: one case; its output goes to $LOG, shown on failure.
check() {
	local name=$1
	shift
	if "$@" >"$LOG" 2>&1; then ok "$name"; else fail "$name"; fi
}

# user DIR COMMAND...: runs COMMAND in DIR as a user with only the installed
# SDK (and the system's own tools) on PATH, and no variable of ours.
user() {
	local dir=$1
	shift
	(cd "$dir" && env -i HOME="$T/home" TMPDIR="$T" PATH="$PREFIX/bin:/usr/bin:/bin" "$@")
}

workdir() {
	mkdir -p "$T/work/$1" && printf '%s' "$T/work/$1"
}

# --- install -----------------------------------------------------------------

install_and_move() {
	"$MAKE" -C "$SRC" --no-print-directory install PREFIX="$T/opt" &&
	mv "$T/opt" "$PREFIX" && test -x "$PREFIX/bin/x86_64-atxf-gcc"
}

install_destdir() {
	"$MAKE" -C "$SRC" --no-print-directory install DESTDIR="$T/dest" PREFIX=/opt/atxf &&
	test -x "$T/dest/opt/atxf/bin/x86_64-atxf-gcc" &&
	cmp "$T/dest/opt/atxf/x86_64-atxf/lib/libatxf.a" "$PREFIX/x86_64-atxf/lib/libatxf.a"
}

layout() {
	local f missing=0

	for f in bin/x86_64-atxf-gcc bin/x86_64-atxf-cc bin/elf2atxf bin/atxfdump bin/atxf-new \
		 x86_64-atxf/include/stdio.h x86_64-atxf/include/atxf/driver.h \
		 x86_64-atxf/lib/libatxf.a x86_64-atxf/lib/crt0.o x86_64-atxf/lib/atxf.ld \
		 x86_64-atxf/include/atxf/virtio.h include/atxf/virtio.h include/atxf/fake_virtio.h \
		 x86_64-atxf/lib/atxf.specs include/atxf/hw.h include/atxf/fake.h \
		 lib/libatxf-fake.a lib/pkgconfig/atxf.pc lib/pkgconfig/atxf-fake.pc \
		 share/atxf/cmake/atxf-toolchain.cmake share/atxf/cmake/atxf-system.cmake \
		 share/atxf/cmake/Platform/ATXF.cmake share/atxf/templates/isa/TEMPLATE \
		 share/man/man1/x86_64-atxf-gcc.1 share/man/man1/elf2atxf.1 \
		 share/man/man1/atxfdump.1 share/man/man1/atxf-new.1 \
		 bin/atxf-run share/atxf/kernel.elf share/atxf/boot.tar \
		 share/atxf/python/qemu.py share/atxf/python/bootfs.py \
		 share/atxf/python/gdbinit.py share/man/man1/atxf-run.1; do
		[ -e "$PREFIX/$f" ] || { echo "missing: $f"; missing=1; }
	done
	# Host tests must not see the SDK's libc headers, only <atxf/...>.
	[ ! -e "$PREFIX/include/stdio.h" ] || { echo "include/stdio.h would shadow the host's"; missing=1; }
	return $missing
}

# No installed file may name the tree it came from, or where it was installed.
relocatable() {
	local p found=0

	for p in "$SRC" "$(cd "$BUILD" && pwd -P)" "$T/opt"; do
		if grep -rlF -- "$p" "$PREFIX"; then
			echo "^ these installed files contain $p"
			found=1
		fi
	done
	return $found
}

# Each installed header compiles on its own: <atxf/...> with the host's cc
# (as host tests use them) and every target header with the wrapper.
headers_alone() {
	local h bad=0

	for h in $(cd "$PREFIX/include" && find atxf -name '*.h' | sort); do
		printf '#include <%s>\n' "$h" | user "$T" cc -std=gnu11 -Wall -Wextra -Werror \
			-fsyntax-only -I "$PREFIX/include" -x c - || { echo "host: $h"; bad=1; }
	done
	for h in $(cd "$PREFIX/x86_64-atxf/include" && find . -name '*.h' | sed 's|^\./||' | sort); do
		printf '#include <%s>\n' "$h" | user "$T" x86_64-atxf-gcc -std=gnu11 -Wall -Wextra \
			-Werror -fsyntax-only -x c - || { echo "target: $h"; bad=1; }
	done
	return $bad
}

# --- the compiler wrapper ----------------------------------------------------

hello() {
	local d
	d=$(workdir hello)
	cat > "$d/hello.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[64];
	char *p = malloc(32);

	if (!p)
		return 1;
	snprintf(p, 32, "%d + %u = %#x", 40, 2u, 42);
	snprintf(line, sizeof(line), "[%s]", p);
	printf("hello, ATXF: %s %zu\n", line, sizeof(line));
	free(p);
	return 0;
}
EOF
	user "$d" x86_64-atxf-gcc -O2 hello.c -o hello.atxf &&
	user "$d" atxfdump hello.atxf &&
	test -f "$d/hello.atxf.elf"
}

separate_link() {
	local d
	d=$(workdir separate)
	printf 'int twice(int x);\nint main(void) { return twice(21) - 42; }\n' > "$d/a.c"
	printf 'int twice(int x) { return 2 * x; }\n' > "$d/b.c"
	user "$d" x86_64-atxf-gcc -O2 -c a.c &&
	user "$d" x86_64-atxf-gcc -O2 -c b.c &&
	user "$d" x86_64-atxf-cc a.o b.o -o prog.atxf &&
	user "$d" atxfdump prog.atxf
}

# Several sources, -I, -D, -g, -Wl, and file names with spaces in them.
multi_source() {
	local d
	d=$(workdir "multi source")
	mkdir -p "$d/my inc"
	printf '#define ANSWER (VALUE + 1)\n' > "$d/my inc/answer.h"
	printf '#include <answer.h>\nint answer(void) { return ANSWER; }\n' > "$d/part one.c"
	printf 'int answer(void);\nint main(void) { return answer() != 42; }\n' > "$d/main.c"
	user "$d" x86_64-atxf-gcc -O1 -g -I "my inc" -DVALUE=41 "part one.c" main.c \
		-Wl,-Map,prog.map -o "my prog.atxf" &&
	user "$d" atxfdump "my prog.atxf" && test -s "$d/prog.map" && test -f "$d/my prog.atxf.elf"
}

prefix_found() {
	local d
	d=$(workdir prefix)
	[ "$(user "$d" x86_64-atxf-gcc --atxf-print-prefix)" = "$PREFIX" ]
}

# -E stops before the link and sees the SDK's headers, not the host's.
preprocess_only() {
	local d
	d=$(workdir preprocess)
	printf '#include <stdio.h>
#ifdef __linux__
#error host macro
#endif
int x = __atxf__;
' > "$d/p.c"
	user "$d" x86_64-atxf-gcc -E p.c -o p.i &&
	grep -qF "$PREFIX/x86_64-atxf/include/stdio.h" "$d/p.i" && ! grep -q '/usr/include' "$d/p.i" &&
	[ ! -e "$d/p.i.elf" ]
}

# ATXF_CC chooses the compiler; one that cannot run is reported with status 127.
chosen_compiler() {
	local d status
	d=$(workdir compiler)
	printf 'int main(void) { return 0; }
' > "$d/c.c"
	user "$d" env ATXF_CC=/usr/bin/gcc x86_64-atxf-gcc c.c -o c.atxf || return 1
	user "$d" env ATXF_CC=/nonexistent/cc x86_64-atxf-gcc c.c -o d.atxf
	status=$?
	echo "exit status $status"
	[ "$status" -eq 127 ] && grep -q "cannot run '/nonexistent/cc'" "$LOG" && [ ! -e "$d/d.atxf" ]
}

# A failed link reports the linker's error and leaves no output behind.
failed_link() {
	local d status
	d=$(workdir failed)
	printf 'int missing(void);\nint main(void) { return missing(); }\n' > "$d/bad.c"
	echo stale > "$d/bad.atxf"
	user "$d" x86_64-atxf-gcc bad.c -o bad.atxf
	status=$?
	echo "exit status $status"
	[ "$status" -ne 0 ] && [ ! -e "$d/bad.atxf" ]
}

# The host's libraries are out of reach: -lm must not find glibc's libm.a.
# -lm links the SDK's own libm.a (ld's --trace names every file it opens:
# the host's libgcc.a is meant, its libc and libm are not); -lc, which
# only the host has, is still out of reach.
no_host_libs() {
	local d
	d=$(workdir hostlibs)
	printf '#include <math.h>\nint main(int c, char **v) { (void)v; return (int)sqrt(c * 4.0); }\n' \
		> "$d/m.c"
	user "$d" x86_64-atxf-gcc m.c -lm -o m.atxf -Wl,--trace > "$d/trace" &&
	grep -q "x86_64-atxf/lib/libm.a" "$d/trace" &&
	! grep -v "x86_64-atxf/lib/" "$d/trace" | grep -q "/lib[cm][.-]" &&
	! user "$d" x86_64-atxf-gcc m.c -lc -o c.atxf
}

# --- templates, CMake, pkg-config ----------------------------------------------

template() {
	local t=$1 d
	d=$(workdir "tpl-$t")
	user "$d" atxf-new driver --template "$t" mydrv &&
	user "$d/mydrv" make &&
	user "$d/mydrv" make test
}

template_manifest() {
	local d
	d="$T/work/tpl-$1/mydrv"
	user "$d" atxfdump mydrv.atxf && grep -q '^ *driver *mydrv$' "$LOG"
}

# add_executable(hello ...) makes hello.atxf: CMAKE_EXECUTABLE_SUFFIX is .atxf.
cmake_project() {
	local d
	d=$(workdir cmake)
	cp "$T/work/hello/hello.c" "$d/"
	cat > "$d/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.13)
project(hello C)
add_executable(hello hello.c)
atxf_add_executable(hello2 hello.c)
message(STATUS "executable suffix: [${CMAKE_EXECUTABLE_SUFFIX}]")
EOF
	user "$d" cmake -S . -B build \
		-DCMAKE_TOOLCHAIN_FILE="$PREFIX/share/atxf/cmake/atxf-toolchain.cmake" &&
	grep -qxF -- '-- executable suffix: [.atxf]' "$LOG" &&
	user "$d" cmake --build build &&
	user "$d" atxfdump build/hello.atxf && user "$d" atxfdump build/hello2.atxf &&
	test -f "$d/build/hello.atxf.elf" && [ ! -e "$d/build/hello" ]
}

# A template's own CMakeLists.txt finds the toolchain through the wrapper on PATH.
cmake_template() {
	user "$T/work/tpl-virtio/mydrv" cmake -S . -B build &&
	user "$T/work/tpl-virtio/mydrv" cmake --build build &&
	user "$T/work/tpl-virtio/mydrv" atxfdump build/mydrv.atxf
}

pkgconfig() {
	local pkg=$1 flags f
	flags=$(user "$T" env PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" pkg-config --cflags --libs "$pkg") || return 1
	echo "pkg-config --cflags --libs $pkg: $flags"
	[ -n "$flags" ] || return 1
	for f in $flags; do     # every directory it names exists in the moved prefix
		case $f in
		-I*|-L*) f=${f:2} ;;
		/*) ;;
		*) continue ;;
		esac
		[ -d "$f" ] || { echo "no such directory: $f"; return 1; }
	done
}

# --- atxf-new refusals -------------------------------------------------------

refuses_name() {
	local d name=$1 status
	d=$(workdir "names")
	user "$d" atxf-new driver --template isa "$name"
	status=$?
	[ "$status" -eq 1 ] && grep -qF '[a-z][a-z0-9_-]{0,30}' "$LOG" &&
	[ -z "$(ls -A "$d")" ]
}

refuses_nonempty_dir() {
	local d status
	d=$(workdir nonempty)
	mkdir -p "$d/mydrv" && echo mine > "$d/mydrv/keep"
	user "$d" atxf-new driver --template pci mydrv
	status=$?
	[ "$status" -eq 1 ] && grep -q 'not empty' "$LOG" &&
	[ "$(ls -A "$d")" = mydrv ] && [ "$(ls -A "$d/mydrv")" = keep ] &&
	[ "$(cat "$d/mydrv/keep")" = mine ]
}

refuses_template() {
	local d status
	d=$(workdir badtemplate)
	user "$d" atxf-new driver --template usb mydrv
	status=$?
	[ "$status" -eq 1 ] && [ -z "$(ls -A "$d")" ]
}

lists_templates() {
	user "$T" atxf-new --list && [ "$(grep -cE '^  (isa|pci|virtio|service) ' "$LOG")" -eq 4 ]
}

# --- atxf-run -----------------------------------------------------------------

# A QEMU that only notes it was started: the refusals must never reach it.
fake_qemu() {
	printf '#!/bin/sh\ntouch "%s/qemu-started"\nexit 1\n' "$T" > "$T/fake-qemu"
	chmod 755 "$T/fake-qemu"
	rm -f "$T/qemu-started"
}

run_hello_src() {
	local d
	d=$(workdir atxf-run)
	cat > "$d/hello.c" <<'EOF2'
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("hello from the installed SDK: argc %d, argv[0] %s\n", argc, argv[0]);
	return 7;
}
EOF2
	user "$d" x86_64-atxf-gcc -O2 hello.c -o hello.atxf && user "$d" atxfdump hello.atxf >/dev/null
}

# The whole path: the installed kernel, the reference archive plus hello.atxf,
# init's exit-with, isa-debug-exit, and the status back on the host.
run_hello() {
	local d="$T/work/atxf-run" status
	user "$d" atxf-run --timeout 60 --exit-with hello.atxf hello.atxf </dev/null
	status=$?
	echo "exit status $status"
	[ "$status" -eq 7 ] && grep -q 'hello from the installed SDK: argc 1, argv\[0\] hello.atxf' "$LOG"
}

# refused WHAT FILE...: exit 2, a message naming the file, and no QEMU.
refused() {
	local d="$T/work/atxf-run" what=$1 status
	shift
	fake_qemu
	user "$d" env QEMU="$T/fake-qemu" atxf-run --exit-with "$1" "$@" </dev/null
	status=$?
	echo "exit status $status"
	[ "$status" -eq 2 ] && grep -qF "atxf-run: $1: $what" "$LOG" && [ ! -e "$T/qemu-started" ]
}

run_print() {
	local d="$T/work/atxf-run" tar
	fake_qemu
	user "$d" env QEMU="$T/fake-qemu" atxf-run --print hello.atxf 3 words || return 1
	grep -qF -- "-kernel $PREFIX/share/atxf/kernel.elf -initrd " "$LOG" || return 1
	tar=$(sed -n 's/.* -initrd \([^ ]*boot\.tar\).*/\1/p' "$LOG")
	[ -n "$tar" ] && tar -tf "$tar" | grep -qx hello.atxf &&
	tar -xOf "$tar" boot.cfg | grep -qx 'start hello.atxf 3 words' && [ ! -e "$T/qemu-started" ]
}

# --gdb writes .gdbinit: the installed kernel's symbols and hello's command.
run_gdbinit() {
	local d="$T/work/atxf-run"
	user "$d" atxf-run --gdb --print hello.atxf &&
	grep -qx "file $PREFIX/share/atxf/kernel.elf" "$d/.gdbinit" &&
	grep -qx "  add-symbol-file $d/hello.atxf.elf" "$d/.gdbinit" &&
	grep -qx 'define atxf-symbols-hello' "$d/.gdbinit"
}

# A program's output is a byte stream (docs/boot.md, "The serial console"):
# the same C file, built with the host's gcc and with x86_64-atxf-gcc, prints
# the same bytes. The ATXF build's bytes are atxf-run's output without the
# kernel's lines (and the shell's CR LF lines), by the rule the docs give.
run_outstream() {
	local d
	d=$(workdir outstream)
	cp "$SRC/tests/qemu/progs/outstream.c" "$d/" &&
	user "$d" gcc -std=gnu11 -O2 -Wall -Wextra -Werror outstream.c -o outstream-host &&
	user "$d" x86_64-atxf-gcc -std=gnu11 -O2 -Wall -Wextra -Werror outstream.c -o outstream.atxf &&
	user "$d" sh -c './outstream-host >host.out 2>&1' &&
	user "$d" atxf-run --timeout 120 --exit-with outstream.atxf outstream.atxf \
		</dev/null >"$d/atxf-run.out" || return 1
	sed -E '/^(atxf> )?\[ *[0-9]+\.[0-9]{6}\] /d; /\r$/d' "$d/atxf-run.out" >"$d/atxf.out"
	echo "host build: $(wc -c <"$d/host.out") bytes; ATXF build in atxf-run: $(wc -c <"$d/atxf.out") bytes"
	cmp "$d/host.out" "$d/atxf.out" || {
		diff "$d/host.out" "$d/atxf.out" | cut -c1-100 | head -n 12
		return 1
	}
}

# No program: the reference system alone, as a person meets it. A line typed
# on standard input (the serial console) reaches the console's shell, whose
# answer comes back on standard output; Ctrl-A X (terminal.py) ends QEMU.
run_shell() {
	local d="$T/work/atxf-run"
	user "$d" python3 "$SRC/tests/qemu/terminal.py" --timeout 120 \
		--ready 'console: ready: ' --type 'echo shell from the installed SDK\r' \
		--expect '^shell from the installed SDK$' -- atxf-run --timeout 180
}

# A driver given to atxf-run (the isa template's mydrv: its manifest matches
# COM2, which a second -serial gives the machine) and drv-wait.atxf, which
# waits for the driver's instance name and ends the run.
run_driver_src() {
	local d="$T/work/atxf-run"
	cp "$T/work/tpl-isa/mydrv/mydrv.atxf" "$d/" &&
	cp "$T/work/tpl-service/mydrv/mydrv.atxf" "$d/mysvc.atxf" || return 1
	cat > "$d/drv-wait.c" <<'EOF2'
#include <stdio.h>
#include <atxf/name.h>

int main(int argc, char **argv)
{
	atxf_handle_t h = argc == 2 ? atxf_name_lookup(argv[1], 60000000000ull) : -1;

	if (h < 0) {
		printf("drv-wait: no %s (%d)\n", argc == 2 ? argv[1] : "name given", h);
		return 1;
	}
	printf("drv-wait: %s is registered\n", argv[1]);
	return 0;
}
EOF2
	user "$d" x86_64-atxf-gcc -O2 drv-wait.c -o drv-wait.atxf
}

# The boot.cfg atxf-run writes starts the programs, not the driver; a
# service's manifest (it matches no device) leaves it to init.
run_driver_print() {
	local d="$T/work/atxf-run" tar cfg
	fake_qemu
	user "$d" env QEMU="$T/fake-qemu" atxf-run --print mydrv.atxf mysvc.atxf \
		drv-wait.atxf mydrv.com2 || return 1
	grep -qF 'atxf-run: mydrv.atxf is a driver (its manifest matches legacy COM2)' "$LOG" &&
	! grep -q 'mysvc.atxf is a driver' "$LOG" || return 1
	tar=$(sed -n 's/.* -initrd \([^ ]*boot\.tar\).*/\1/p' "$LOG")
	cfg=$(tar -xOf "$tar" boot.cfg) || return 1
	printf '%s\n' "$cfg" | sed -n '/added by atxf-run/,$p'
	tar -tf "$tar" | grep -qx mydrv.atxf && ! printf '%s\n' "$cfg" | grep -q '^start mydrv' &&
	printf '%s\n' "$cfg" | grep -qx 'start mysvc.atxf' &&
	printf '%s\n' "$cfg" | grep -qx 'start drv-wait.atxf mydrv.com2' && [ ! -e "$T/qemu-started" ]
}

# A driver takes no arguments and cannot be --exit-with: devmgr starts it.
run_driver_refused() {
	local d="$T/work/atxf-run" status
	fake_qemu
	user "$d" env QEMU="$T/fake-qemu" atxf-run mydrv.atxf fast </dev/null
	status=$?
	echo "exit status $status"
	[ "$status" -eq 2 ] && grep -qF "atxf-run: mydrv.atxf: a driver" "$LOG" &&
	[ ! -e "$T/qemu-started" ]
}

# The driver is started once, by devmgr, on COM2, and registers its
# instance name; init never starts it as a plain program (which would fail
# its probe). Init starts drv-wait after the line it would have started the
# driver from, so a start by init is in the log before the run ends.
run_driver() {
	local d="$T/work/atxf-run" status starts
	user "$d" atxf-run --timeout 120 --qemu-arg -serial --qemu-arg null \
		--exit-with drv-wait.atxf mydrv.atxf drv-wait.atxf mydrv.com2 </dev/null
	status=$?
	starts=$(grep -c 'devmgr: started mydrv (mydrv\.com2) on COM2 pid ' "$LOG")
	echo "exit status $status; devmgr started mydrv $starts time(s)"
	[ "$status" -eq 0 ] && [ "$starts" -eq 1 ] &&
	grep -q 'drv-wait: mydrv\.com2 is registered' "$LOG" &&
	! grep -q 'init: started mydrv\.atxf' "$LOG" && ! grep -q 'probe failed' "$LOG"
}

# A signal to atxf-run (its standard input and output pipes, no --timeout)
# ends its QEMU too: sigcheck.py waits for QEMU's output, notes the pids
# below atxf-run, signals atxf-run alone and checks that each is gone. On
# SIGTERM and SIGHUP atxf-run stops QEMU itself and removes its temporary
# directory; SIGKILL leaves that behind, but the kernel still ends QEMU.
run_signal() {
	local d="$T/work/atxf-run" sig=$1 tmp="$T/tmp-signal-$1"
	mkdir -p "$tmp" &&
	user "$d" env TMPDIR="$tmp" python3 "$SRC/tests/qemu/sigcheck.py" --signal "$sig" \
		--timeout 120 --within 15 -- atxf-run || return 1
	[ "$sig" = KILL ] || [ -z "$(ls -A "$tmp")" ] || { echo "left in TMPDIR:" "$tmp"/*; return 1; }
}

# A scaffolded template's `make run` (its README's command): atxf-run with
# the QEMU device run.mk names, the driver and its client; the run's status
# is the client's, and the client's lines say what it got from the driver.
template_run() {
	local t=$1 d="$T/work/tpl-$1/mydrv"
	shift
	user "$d" make run </dev/null || return 1
	# A client's line may follow the console's prompt on COM1 ("atxf> ").
	for line in "$@"; do
		grep -qE "^(atxf> )?$line\$" "$LOG" || { echo "missing: $line"; return 1; }
	done
}

template_run_isa() {
	rm -f "$T/work/tpl-isa/mydrv/com2.out"
	template_run isa 'mydrv_client: wrote 25 bytes through mydrv' &&
	printf 'hello from mydrv_client\r\n' | cmp - "$T/work/tpl-isa/mydrv/com2.out"
}

template_run_cases() {
	check "isa template: make run, the client writes to COM2 through the driver" \
		template_run_isa
	check "pci template: make run on edu, the client gets factorials from the driver" \
		template_run pci 'mydrv_client: 5! = 120 \(computed by the edu device\)' \
		'mydrv_client: 10! = 3628800 \(computed by the edu device\)' \
		'mydrv_client: 12! = 479001600 \(computed by the edu device\)'
	check "virtio template: make run on virtio-rng-pci (modern, MSI-X), the client gets random bytes" \
		template_run virtio 'mydrv_client: 64 random bytes from mydrv:' \
		"atxf-run: mydrv.atxf replaces the reference archive's virtio-rng.atxf \\(both match pci 1af4:1044\\)" \
		'mydrv_client: [0-9a-f]{64}'
	check "service template: make run, the client's four calls answered" \
		template_run service 'mydrv_client: ECHO "hello, mydrv" -> "hello, mydrv"' \
		'mydrv_client: ADD 2 -> 2, ADD 40 -> 42' 'mydrv_client: UPTIME -> [1-9][0-9]* ns'
}

skip() {
	printf '  SKIP    sdk: %s (%s)\n' "$1" "$2"
}

atxf_run_cases() {
	local boot="atxf-run --timeout 60 --exit-with hello.atxf hello.atxf prints and returns 7"

	check "x86_64-atxf-gcc hello.c (prints, returns 7) for atxf-run" run_hello_src
	check "the isa template's driver, a service and drv-wait.atxf for atxf-run" run_driver_src
	# Booting needs the loader and init; until the kernel has them the case is skipped.
	if [ -e "$BUILD/services/init.atxf" ]; then
		check "$boot" run_hello
		check "outstream.c: host gcc build and atxf-run of the ATXF build print the same bytes" \
			run_outstream
		check "atxf-run with no program gives a shell on the serial console" run_shell
		check "atxf-run of a driver: devmgr starts it once, on COM2; init does not" run_driver
		template_run_cases
		for sig in TERM HUP KILL; do
			check "kill -$sig of atxf-run (stdin and stdout pipes) ends its QEMU" \
				run_signal "$sig"
		done
	else
		skip "$boot" "no build/services/init.atxf yet: the kernel cannot start programs"
	fi
	printf 'not a program\n' > "$T/work/atxf-run/text.atxf"
	check "atxf-run refuses a missing file: exit 2, no QEMU" refused "no such file" missing.atxf
	check "atxf-run refuses a non-ATXF file: exit 2, no QEMU" refused "not an ATXF executable" text.atxf
	check "atxf-run --print shows -kernel and -initrd, the archive holds hello" run_print
	check "atxf-run --print of a driver: in the archive, no start line; a service's is" \
		run_driver_print
	check "atxf-run refuses arguments to a driver: exit 2, no QEMU" run_driver_refused
	check "atxf-run refuses --exit-with a driver: exit 2, no QEMU" \
		refused "a driver, started by devmgr" mydrv.atxf
	check "atxf-run --gdb writes .gdbinit with the kernel and atxf-symbols hello" run_gdbinit
}

# --- the cases -----------------------------------------------------------------

mkdir -p "$T/home" "$T/work"
check "make install PREFIX=\$T/opt, then moved to \$T/moved" install_and_move
if [ "$fails" -ne 0 ]; then
	echo "  FAIL    sdk: nothing else can be checked without an installed SDK"
	exit 1
fi
check "make install DESTDIR=\$T/dest PREFIX=/opt/atxf" install_destdir
check "installed layout" layout
check "relocatable: no installed file names the source, build or install path" relocatable
check "every installed header compiles on its own (host cc and x86_64-atxf-gcc)" headers_alone
check "x86_64-atxf-gcc -O2 hello.c -o hello.atxf (printf, snprintf, malloc); atxfdump verifies" hello
check "--atxf-print-prefix names the moved prefix" prefix_found
check "-E preprocesses with the SDK's headers and macros only" preprocess_only
check "ATXF_CC picks the compiler; a missing one fails with 127" chosen_compiler
check "-c, then a separate link of a.o b.o (x86_64-atxf-cc)" separate_link
check "multiple sources, -I, -D, -g, -Wl,-Map, names with spaces" multi_source
check "a failed link passes the error through and leaves no output" failed_link
check "-lm links the SDK's libm, and no library of the host's" no_host_libs
for t in isa pci virtio service; do
	check "atxf-new driver --template $t mydrv && make && make test" template "$t"
	check "template $t: atxfdump shows the manifest" template_manifest "$t"
done
check "CMake: add_executable(hello hello.c) with the installed toolchain file makes hello.atxf" cmake_project
check "template's CMakeLists.txt builds with the wrapper on PATH" cmake_template
check "pkg-config --cflags --libs atxf" pkgconfig atxf
check "pkg-config --cflags --libs atxf-fake" pkgconfig atxf-fake
for name in Bad 1abc "a b" a/b _x "" "$(printf 'a%.0s' {1..32})"; do
	check "atxf-new refuses the name '$name' and writes nothing" refuses_name "$name"
done
check "atxf-new refuses a non-empty DIR and writes nothing" refuses_nonempty_dir
check "atxf-new refuses an unknown template and writes nothing" refuses_template
check "atxf-new --list shows the four templates" lists_templates
atxf_run_cases

if [ "$fails" -ne 0 ]; then
	echo "  FAIL    sdk: $fails case(s) failed"
	exit 1
fi
