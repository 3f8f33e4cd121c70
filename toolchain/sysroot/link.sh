#!/bin/bash
# SYSROOT/usr/bin/x86_64-atxf-gcc: the sysroot's link step, for clang.
#
# clang 14 has no driver for ATXF: for --target=x86_64-atxf it compiles by
# itself and links by running the first "x86_64-atxf-gcc" it finds beside
# clang or on PATH (never inside --sysroot, which it does not pass on
# either), with gcc's link arguments: -m64, -o OUT, the objects, -L, -l,
# -Wl, -Xlinker, -T, -u, -e, -z, -static, -nostdlib, -nostartfiles,
# -nodefaultlibs, -s, -r, -fuse-ld. With SYSROOT/usr/bin first on PATH,
# that is this script: it links with crt0.o, libatxf.a and libgcc.a of the
# sysroot it sits in, through x86_64-atxf-ld beside it (the host's ld with
# atxf.ld, then elf2atxf: OUT is the ATXF, OUT.elf the ELF for gdb), or
# x86_64-atxf-ld.lld for -fuse-ld=lld (the clang configuration's choice;
# the machine's ld.lld, the same way). It links only;
# clang compiles. Every path comes from where the script is, so the sysroot
# can be moved.
set -u

here=$(cd "$(dirname "$0")" && pwd)
sysroot=$(cd "$here/../.." && pwd)
lib=$sysroot/usr/lib
libgcc=$lib/gcc/x86_64-atxf/libgcc.a    # the host GCC's, off the -L path

die() { echo "x86_64-atxf-gcc ($sysroot's link step for clang): $*" >&2; exit 1; }

out=a.out
startfiles=1            # crt0.o
stdlibs=1               # libatxf.a, libgcc.a
relocatable=0
verbose=0
inputs=0
linker=x86_64-atxf-ld
ld_args=()

# next_needed LEFT OPTION: OPTION takes the next argument; LEFT are left.
next_needed() { [ "$1" -gt 0 ] || die "option '$2' needs an argument"; }

# parse ARG...: gcc's link arguments into ld_args, out and the flags above.
parse() {
	while [ $# -gt 0 ]; do
		arg=$1
		shift
		case $arg in
		-o) next_needed $# "$arg"; out=$1; shift ;;
		-o*) out=${arg#-o} ;;
		-L|-l|-T|-u|-e|-z) next_needed $# "$arg"; ld_args+=("$arg" "$1"); shift ;;
		-Xlinker) next_needed $# "$arg"; ld_args+=("$1"); shift ;;
		-Wl,*) IFS=, read -ra parts <<<"${arg#-Wl,}"; ld_args+=("${parts[@]}") ;;
		-L*|-l*|-T*|-u*) ld_args+=("$arg") ;;
		-m64|-static|-no-pie) ;;              # what every ATXF link is anyway
		-fuse-ld=bfd) linker=x86_64-atxf-ld ;;
		-fuse-ld=lld) linker=x86_64-atxf-ld.lld ;;
		-m32|-mx32) die "$arg: ATXF programs are x86-64 programs" ;;
		-shared|-pie|-static-pie|-rdynamic) die "$arg: ATXF programs are static and not position-independent" ;;
		-fuse-ld=*) die "$arg: this link step links with the host's ld (bfd) or ld.lld (lld) only" ;;
		-nostdlib) startfiles=0; stdlibs=0 ;;
		-nostartfiles) startfiles=0 ;;
		-nodefaultlibs|-nolibc) stdlibs=0 ;;
		-r) relocatable=1; ld_args+=(-r) ;;
		-s) ld_args+=(-s) ;;
		-v) verbose=1 ;;
		--sysroot=*) same_sysroot "${arg#--sysroot=}" ;;
		-O*|-g*|-W*|-std=*|-pipe) ;;         # compile options: nothing to do in a link
		-*) die "unknown option '$arg' (a link takes -o, -L, -l, -Wl, -Xlinker, -T, -u, -e, -z, -s, -r, -static, -nostdlib, -nostartfiles, -nodefaultlibs, -fuse-ld)" ;;
		*.c|*.h|*.cc|*.cpp|*.cxx|*.S|*.s|*.i)
			die "$arg: this link step does not compile (clang --target=x86_64-atxf --sysroot=$sysroot does)" ;;
		*) [ -e "$arg" ] || die "$arg: no such file"
		   ld_args+=("$arg"); inputs=$((inputs + 1)) ;;
		esac
	done
}

# --sysroot=DIR from a caller: this step serves its own sysroot only.
same_sysroot() {
	local want
	want=$(cd "$1" 2>/dev/null && pwd) || die "--sysroot=$1: no such directory"
	[ "$want" = "$sysroot" ] || die "--sysroot=$1 is another sysroot: this step links for $sysroot (put $1/usr/bin first on PATH)"
}

# needs FILE...: the sysroot's own files the link uses.
needs() {
	local f
	for f in "$@"; do
		[ -e "$f" ] || die "$f is missing: the sysroot is incomplete (make install-sysroot SYSROOT=$sysroot)"
	done
}

parse "$@"
if [ $inputs -eq 0 ]; then
	[ $verbose = 1 ] && { echo "x86_64-atxf-gcc: the link step of the ATXF sysroot $sysroot (no compiler: clang --target=x86_64-atxf compiles)"; exit 0; }
	die "no input files"
fi

needs "$here/$linker" "$here/elf2atxf" "$lib/atxf.ld"
cmd=("$here/$linker")
if [ $relocatable = 0 ]; then
	cmd+=(-static -z noexecstack --build-id)
	[ $startfiles = 1 ] && { needs "$lib/crt0.o"; cmd+=("$lib/crt0.o"); }
fi
cmd+=("${ld_args[@]}" -L "$lib")
if [ $relocatable = 0 ] && [ $stdlibs = 1 ]; then
	needs "$lib/libatxf.a" "$libgcc"
	cmd+=(--start-group "$lib/libatxf.a" "$libgcc" --end-group)
fi
cmd+=(-o "$out")
[ $verbose = 1 ] && { printf '%q ' "${cmd[@]}"; echo; } >&2
exec "${cmd[@]}"
