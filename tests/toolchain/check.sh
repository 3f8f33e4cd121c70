#!/bin/bash
# tests/toolchain/check.sh: the cross toolchain as a user meets it.
#
# Installs it (make toolchain PREFIX=$T/tc), builds hello with -O2 and runs
# it on atxf-run, asks -print-sysroot, disassembles the kept ELF, builds an
# ar library and links it with a separate x86_64-atxf-ld, moves the whole
# installation and builds again, greps it for build paths; then installs the
# bare sysroot into a fresh directory, builds with CMake and asks pkg-config
# there, and builds hello with clang --target=x86_64-atxf --sysroot=DIR and
# with x86_64-atxf-clang (its clang configuration, linked by ld.lld); every
# program is booted. One OK or FAIL line per case; exit 1 if any failed.
#
# Run by `make check-toolchain` (toolchain/build.mk) with MAKE set.
set -u

SRC=$(cd "$(dirname "$0")/../.." && pwd -P)
MAKE=${MAKE:-make}
RUN=$SRC/build/sysroot/bin/atxf-run
T=$(mktemp -d "${TMPDIR:-/tmp}/atxf-toolchain-check.XXXXXX")
trap 'rm -rf "$T"' EXIT
LOG=$T/log
TC=$T/tc
W=$T/work
fails=0

say() { printf '  %-7s toolchain: %s\n' "$1" "$2"; }

# check NAME COMMAND...: one case; its output goes to $LOG, shown on failure.
check() {
	local name=$1
	shift
	if "$@" >"$LOG" 2>&1; then
		say OK "$name"
	else
		say FAIL "$name"
		tail -n 20 "$LOG" | sed 's/^/          | /'
		fails=$((fails + 1))
	fi
}

# in_work COMMAND...: runs in the work directory with only the toolchain
# and the system's own tools on PATH.
in_work() { (cd "$W" && env -i HOME="$T" TMPDIR="$T" PATH="$TC/bin:/usr/bin:/bin" "$@"); }

# shows FILE COMMAND...: runs COMMAND with its output in FILE and shown too
# (grep -q on a pipe would stop the command halfway).
shows() {
	local file=$1 status
	shift
	"$@" >"$file" 2>&1
	status=$?
	cat "$file"
	return $status
}

# boots NAME STATUS LINE: NAME.atxf runs on atxf-run, prints LINE, exits STATUS.
boots() {
	local status
	"$RUN" --timeout 120 --exit-with "$W/$1.atxf" "$W/$1.atxf" </dev/null
	status=$?
	echo "exit status $status"
	[ "$status" -eq "$2" ] && grep -qF "$3" "$LOG"
}

sources() {
	mkdir -p "$W"
	cat > "$W/hello.c" <<'EOF'
#include <stdio.h>

static const char *ctor = "did not run";

__attribute__((constructor)) static void set_ctor(void) { ctor = "ran"; }

int main(void)
{
	printf("hello from x86_64-atxf (%s, constructor %s)\n", __atxf__ ? "__atxf__" : "?", ctor);
	return 5;
}
EOF
	cat > "$W/greet.c" <<'EOF'
#include <stdio.h>

void greet(const char *who) { printf("greetings, %s, from an ar library\n", who); }
EOF
	cat > "$W/sqrt.c" <<'EOF'
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	volatile double x = 2.0 * argc;         /* not folded at compile time */

	printf("sqrt(%g) = %.17g, from the sysroot's libm\n", x, sqrt(x));
	(void)argv;
	return 4;
}
EOF
	cat > "$W/main.c" <<'EOF'
void greet(const char *who);

int main(void)
{
	greet("ld");
	return 6;
}
EOF
}

# --- the install ---------------------------------------------------------------

install() { "$MAKE" -C "$SRC" --no-print-directory toolchain PREFIX="$TC"; }

tools_installed() {
	local t
	for t in gcc cc ld as ar ranlib objdump objcopy nm strip readelf; do
		[ -x "$TC/bin/x86_64-atxf-$t" ] || { echo "missing bin/x86_64-atxf-$t"; return 1; }
	done
}

says_cross() {
	shows "$T/v" in_work x86_64-atxf-gcc -v &&
	grep -q '^Target: x86_64-atxf$' "$T/v" && grep -q 'ATXF SDK cross GCC' "$T/v"
}

wrapper_says_wrapper() {
	"$SRC/build/sysroot/bin/x86_64-atxf-gcc" -v 2>&1 | grep -q "the ATXF SDK's compiler wrapper"
}

print_sysroot() {
	local got
	got=$(in_work x86_64-atxf-gcc -print-sysroot) || return 1
	echo "-print-sysroot: $got"
	[ "$(cd "$got" && pwd -P)" = "$(cd "$TC/x86_64-atxf" && pwd -P)" ]
}

# --- programs --------------------------------------------------------------------

hello() { in_work x86_64-atxf-gcc -O2 hello.c -o hello.atxf && in_work atxfdump hello.atxf; }

# -lm finds the sysroot's libm.a.
libm_link() { in_work x86_64-atxf-gcc -O2 -fno-builtin sqrt.c -lm -o sqrt.atxf && in_work atxfdump sqrt.atxf; }

objdump_elf() { in_work x86_64-atxf-objdump -d hello.atxf.elf | grep -q '<main>:'; }

# -c, an ar library, and a link by x86_64-atxf-ld itself (default script atxf.ld).
library_and_ld() {
	local lib="$TC/x86_64-atxf/usr/lib"
	in_work x86_64-atxf-gcc -O2 -c greet.c main.c &&
	in_work x86_64-atxf-ar rcs libgreet.a greet.o &&
	in_work x86_64-atxf-nm libgreet.a | grep -q ' T greet$' &&
	in_work x86_64-atxf-ld -o ld-main.atxf "$lib/crt0.o" main.o -L. -lgreet -L"$lib" -latxf \
		"$(in_work x86_64-atxf-gcc -print-libgcc-file-name)" &&
	in_work atxfdump ld-main.atxf
}

# --- relocation ---------------------------------------------------------------

moved() {
	mv "$TC" "$T/elsewhere" && TC=$T/elsewhere && rm -f "$W/hello.atxf" && hello &&
	print_sysroot
}

# No installed file names where it was installed, the tree or the cache.
no_build_paths() {
	local cache=${ATXF_TOOLCHAIN_CACHE:-${HOME:-/root}/.cache/atxf-toolchain}
	[ -x "$TC/bin/x86_64-atxf-gcc" ] && ! grep -rlF -e "$T/tc" -e "$SRC" -e "$cache" "$TC"
}

# --- the sysroot into another compiler: clang ---------------------------------

sysroot_fresh() {
	"$MAKE" -C "$SRC" --no-print-directory install-sysroot SYSROOT="$T/sr" &&
	test -f "$T/sr/usr/include/stdio.h" -a -f "$T/sr/usr/lib/libatxf.a" \
		-a -f "$T/sr/usr/lib/crt0.o" -a -f "$T/sr/usr/lib/atxf.ld" \
		-a -f "$T/sr/usr/lib/pkgconfig/atxf.pc" -a -f "$T/sr/usr/share/atxf/clang/x86_64-atxf.cfg" &&
	test -f "$T/sr/usr/lib/libm.a" &&
	# Only the sysroot's layout: SYSROOT= must not move the tree's own staging there.
	[ "$(ls -A "$T/sr")" = usr ]
}

# clang compiles against the fresh sysroot's headers; the link is
# x86_64-atxf-gcc's from PATH (clang's way for a target it has no driver of
# its own for), and clang does not pass --sysroot on to it, so crt0 and
# libatxf come from the cross toolchain's own copy of the same sysroot.
clang_sysroot() {
	shows "$T/clang.log" in_work clang --target=x86_64-atxf --sysroot="$T/sr" -D__atxf__=1 \
		-O2 hello.c -o clang-hello.atxf -v &&
	grep -qx " $T/sr/usr/include" "$T/clang.log" &&
	in_work atxfdump clang-hello.atxf
}

# lld leaves its name in .comment, which atxf.ld keeps.
clang_config() {
	shows "$T/clang-cfg.log" in_work x86_64-atxf-clang -O2 hello.c -o clang-cfg-hello.atxf -v &&
	grep -q -- '-fuse-ld=lld' "$T/clang-cfg.log" && in_work atxfdump clang-cfg-hello.atxf &&
	in_work x86_64-atxf-readelf -p .comment clang-cfg-hello.atxf.elf | grep 'Linker: .*LLD'

}

# CMake with the sysroot's toolchain file and the cross GCC from PATH.
cmake_sysroot() {
	mkdir -p "$W/cmake" && cp "$W/hello.c" "$W/cmake/" &&
	printf 'cmake_minimum_required(VERSION 3.13)\nproject(hello C)\nadd_executable(hello hello.c)\n' \
		> "$W/cmake/CMakeLists.txt" &&
	in_work cmake -S cmake -B cmake/build \
		-DCMAKE_TOOLCHAIN_FILE="$T/sr/usr/share/atxf/cmake/atxf-sysroot.cmake" &&
	shows "$T/cmake.log" in_work cmake --build cmake/build --verbose &&
	grep -q -- "--sysroot=$T/sr" "$T/cmake.log" &&
	in_work atxfdump cmake/build/hello.atxf
}

pkg_config_sysroot() {
	local libs
	libs=$(in_work env PKG_CONFIG_SYSROOT_DIR="$T/sr" PKG_CONFIG_LIBDIR="$T/sr/usr/lib/pkgconfig" \
		pkg-config --libs atxf) || return 1
	echo "pkg-config --libs atxf: $libs"
	[ "$(echo $libs)" = "-L$T/sr/usr/lib -latxf" ]
}

sources
check "make toolchain PREFIX=DIR installs" install
check "bin/x86_64-atxf-{gcc,cc,ld,as,ar,ranlib,objdump,objcopy,nm,strip,readelf}" tools_installed
check "x86_64-atxf-gcc -v says it is the cross GCC" says_cross
check "the wrapper's -v says it is the wrapper" wrapper_says_wrapper
check "-print-sysroot names DIR/x86_64-atxf" print_sysroot
check "x86_64-atxf-gcc -O2 hello.c gives a valid ATXF" hello
check "hello.atxf runs on atxf-run" boots hello 5 "hello from x86_64-atxf (__atxf__, constructor ran)"
check "x86_64-atxf-objdump -d hello.atxf.elf" objdump_elf
check "x86_64-atxf-gcc sqrt.c -lm links the sysroot's libm" libm_link
check "the -lm program runs" boots sqrt 4 "sqrt(2) = 1.4142135623730951, from the sysroot's libm"
check "-c, an ar library and a separate x86_64-atxf-ld link" library_and_ld
check "the x86_64-atxf-ld program runs" boots ld-main 6 "greetings, ld, from an ar library"
check "after mv, the toolchain still builds hello" moved
check "the moved hello runs" boots hello 5 "hello from x86_64-atxf (__atxf__, constructor ran)"
check "no installed file names a build or install path" no_build_paths
check "make install-sysroot into a fresh directory" sysroot_fresh
check "CMake: atxf-sysroot.cmake of the fresh sysroot, the cross GCC" cmake_sysroot
check "pkg-config in the fresh sysroot" pkg_config_sysroot
check "clang --target=x86_64-atxf --sysroot=DIR builds hello" clang_sysroot
check "clang's hello runs" boots clang-hello 5 "hello from x86_64-atxf (__atxf__, constructor ran)"
check "x86_64-atxf-clang (clang config, ld.lld) builds hello" clang_config
check "x86_64-atxf-clang's hello runs" boots clang-cfg-hello 5 "hello from x86_64-atxf (__atxf__, constructor ran)"

[ "$fails" -eq 0 ] || { echo "toolchain: $fails check(s) failed" >&2; exit 1; }
