#!/bin/bash
# tests/toolchain/check.sh: the cross toolchain as a user meets it.
#
# Installs it (make toolchain PREFIX=$T/tc), builds hello with -O2 and runs
# it on atxf-run, asks -print-sysroot, disassembles the kept ELF, builds an
# ar library and links it with a separate x86_64-atxf-ld, moves the whole
# installation and builds again, greps it for build paths; then installs the
# bare sysroot into a fresh directory, builds with CMake and asks pkg-config
# there, and builds hello with clang --target=x86_64-atxf --sysroot=DIR and
# nothing else of the SDK (DIR's own link step), -c then a link with -lm,
# and with x86_64-atxf-clang (its clang configuration, linked by ld.lld);
# clang's wrong setups (no link step, a missing or broken sysroot) fail with
# a clear error and no program. Every program is booted. One OK or FAIL line
# per case; exit 1 if any failed.
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
	test -f "$T/sr/usr/lib/libm.a" -a -f "$T/sr/usr/lib/gcc/x86_64-atxf/libgcc.a" &&
	test -x "$T/sr/usr/bin/x86_64-atxf-gcc" -a -x "$T/sr/usr/bin/x86_64-atxf-ld" \
		-a -x "$T/sr/usr/bin/elf2atxf" &&
	# Only the sysroot's layout: SYSROOT= must not move the tree's own staging there.
	[ "$(ls -A "$T/sr")" = usr ]
}

# --- clang with the fresh sysroot alone: no cross toolchain on PATH ----------
#
# clang 14 finds its link step ("x86_64-atxf-gcc") beside itself or on PATH
# only, never in --sysroot, so DIR/usr/bin goes first on PATH; no other
# x86_64-atxf tool is anywhere on it.

# in_sysroot DIR COMMAND...: in the work directory, PATH = DIR/usr/bin and
# the system's own tools.
in_sysroot() {
	local dir=$1
	shift
	(cd "$W" && env -i HOME="$T" TMPDIR="$T" PATH="$dir/usr/bin:/usr/bin:/bin" "$@")
}

no_atxf_tools_on_path() {
	local found
	found=$(ls /usr/bin/x86_64-atxf-* /bin/x86_64-atxf-* 2>/dev/null)
	[ -z "$found" ] || { echo "x86_64-atxf tools outside the sysroot: $found"; return 1; }
}

# clang -v shows the fresh sysroot's headers and its link step.
clang_sysroot() {
	no_atxf_tools_on_path &&
	shows "$T/clang.log" in_sysroot "$T/sr" clang --target=x86_64-atxf --sysroot="$T/sr" \
		-O2 hello.c -o clang-hello.atxf -v &&
	grep -qx " $T/sr/usr/include" "$T/clang.log" &&
	grep -q "^ \"$T/sr/usr/bin/x86_64-atxf-gcc\" " "$T/clang.log" &&
	in_sysroot "$T/sr" atxfdump clang-hello.atxf
}

# -c, then a link of the objects, with -lm from the sysroot's libm.a.
clang_compile_then_link() {
	rm -f "$W/sqrt.o" "$W/clang-sqrt.atxf" &&
	in_sysroot "$T/sr" clang --target=x86_64-atxf --sysroot="$T/sr" -O2 -fno-builtin -c sqrt.c &&
	in_sysroot "$T/sr" clang --target=x86_64-atxf --sysroot="$T/sr" sqrt.o -lm -o clang-sqrt.atxf &&
	in_sysroot "$T/sr" atxfdump clang-sqrt.atxf
}

# The SDK's headers define __atxf__ for a compiler that predefines nothing:
# every libc header that clang takes from DIR (not one of its own, such as
# <stddef.h>; the line markers of clang -E name the files it read).
clang_defines_atxf() {
	local h cc=(clang --target=x86_64-atxf --sysroot="$T/sr") without=
	for h in $(cd "$T/sr/usr/include" && find . -name '*.h' ! -path './atxf/*' ! -path './bits/*' | sed 's|^\./||' | sort); do
		printf '#include <%s>\n' "$h" > "$W/one.c"
		in_sysroot "$T/sr" "${cc[@]}" -E one.c | grep -q "^# [0-9]* \"$T/sr/usr/include/$h\"" ||
			{ echo "clang's own: <$h>"; continue; }
		in_sysroot "$T/sr" "${cc[@]}" -E -dM one.c | grep -qx '#define __atxf__ 1' ||
			without="$without <$h>"
	done
	[ -z "$without" ] || { echo "no __atxf__ after:$without"; return 1; }
}

# fails_clearly LOG OUT MESSAGE COMMAND...: COMMAND fails, leaves no OUT
# (nor OUT.elf), and its output says MESSAGE.
fails_clearly() {
	local log=$1 out=$2 message=$3
	shift 3
	rm -f "$W/$out" "$W/$out.elf"
	if shows "$log" "$@"; then
		echo "succeeded, but should have failed"
		return 1
	fi
	[ ! -e "$W/$out" ] && [ ! -e "$W/$out.elf" ] || { echo "left $out behind"; return 1; }
	grep -qF -- "$message" "$log" || { echo "no '$message' in the output"; return 1; }
}

# Without the link step on PATH clang links with the host's gcc: the
# objects' link check stops it (on a PIE-by-default host, ld's first error
# is about PIE relocations; a position-independent object shows the check).
clang_without_link_step() {
	local cc=(env -i HOME="$T" TMPDIR="$T" PATH=/usr/bin:/bin clang --target=x86_64-atxf --sysroot="$T/sr")
	(cd "$W" && fails_clearly "$T/nolink.log" linux-hello "linker (via gcc) command failed" "${cc[@]}" hello.c -o linux-hello) &&
	(cd "$W" && fails_clearly "$T/nolink-pie.log" linux-hello \
		"undefined reference to \`__atxf_link_this_with_the_atxf_sysroot'" \
		"${cc[@]}" -fPIE hello.c -o linux-hello)
}

# The clang configuration predefines __atxf__; its objects carry the link
# check all the same (lld reports every error, the check's too).
clang_config_without_link_step() {
	(cd "$W" && fails_clearly "$T/nolink-cfg.log" linux-cfg-hello "__atxf_link_this_with_the_atxf_sysroot" \
		env -i HOME="$T" TMPDIR="$T" PATH=/usr/bin:/bin \
		clang --config "$T/sr/usr/share/atxf/clang/x86_64-atxf.cfg" hello.c -o linux-cfg-hello)
}

clang_missing_sysroot() {
	fails_clearly "$T/missing.log" missing-hello "'stdio.h' file not found" \
		in_sysroot "$T/sr" clang --target=x86_64-atxf --sysroot="$T/no-such-sysroot" hello.c -o missing-hello
}

# A sysroot without libatxf.a: the link step names the missing file.
clang_broken_sysroot() {
	rm -rf "$T/broken" && cp -a "$T/sr" "$T/broken" && rm "$T/broken/usr/lib/libatxf.a" &&
	fails_clearly "$T/broken.log" broken-hello "$T/broken/usr/lib/libatxf.a is missing" \
		in_sysroot "$T/broken" clang --target=x86_64-atxf --sysroot="$T/broken" hello.c -o broken-hello
}

# The sysroot's clang configuration with DIR alone: its -fuse-ld=lld links
# through DIR's x86_64-atxf-ld.lld (lld leaves its name in .comment).
clang_config_sysroot() {
	shows "$T/clang-cfg-sr.log" in_sysroot "$T/sr" clang --config "$T/sr/usr/share/atxf/clang/x86_64-atxf.cfg" \
		-O2 hello.c -o clang-cfg-sr-hello.atxf -v &&
	grep -q "^ \"$T/sr/usr/bin/x86_64-atxf-gcc\" -fuse-ld=lld " "$T/clang-cfg-sr.log" &&
	in_sysroot "$T/sr" atxfdump clang-cfg-sr-hello.atxf &&
	readelf -p .comment "$W/clang-cfg-sr-hello.atxf.elf" | grep 'Linker: .*LLD'
}

# The link step only links; it says what compiles instead.
link_step_only_links() {
	fails_clearly "$T/onlylinks.log" step-hello "this link step does not compile" \
		in_sysroot "$T/sr" x86_64-atxf-gcc hello.c -o step-hello
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
check "clang --target=x86_64-atxf --sysroot=DIR builds hello (DIR/usr/bin on PATH)" clang_sysroot
check "clang's hello runs" boots clang-hello 5 "hello from x86_64-atxf (__atxf__, constructor ran)"
check "clang -c, then a link with -lm, against DIR alone" clang_compile_then_link
check "the clang -lm program runs" boots clang-sqrt 4 "sqrt(2) = 1.4142135623730951, from the sysroot's libm"
check "each of DIR's libc headers defines __atxf__ for clang" clang_defines_atxf
check "clang without DIR's link step: no Linux ELF, the link check says why" clang_without_link_step
check "clang --config without DIR's link step: no Linux ELF either" clang_config_without_link_step
check "clang with a missing sysroot: an error, no output" clang_missing_sysroot
check "clang with a sysroot lacking libatxf.a: the link step names it, no output" clang_broken_sysroot
check "DIR's x86_64-atxf-gcc refuses to compile" link_step_only_links
check "clang --config DIR's x86_64-atxf.cfg with DIR alone (ld.lld)" clang_config_sysroot
check "that hello runs" boots clang-cfg-sr-hello 5 "hello from x86_64-atxf (__atxf__, constructor ran)"
check "x86_64-atxf-clang (clang config, ld.lld) builds hello" clang_config
check "x86_64-atxf-clang's hello runs" boots clang-cfg-hello 5 "hello from x86_64-atxf (__atxf__, constructor ran)"

[ "$fails" -eq 0 ] || { echo "toolchain: $fails check(s) failed" >&2; exit 1; }
