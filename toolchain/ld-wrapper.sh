#!/bin/bash
# x86_64-atxf-ld: links an ATXF program, the way elf2flt's ld does for flat
# binaries: the real linker writes OUT.elf (kept, for gdb), then elf2atxf
# turns it into OUT. Installed three times by toolchain/install.sh, and twice
# by toolchain/install-sysroot.sh:
#
#   PREFIX/bin/x86_64-atxf-ld        real linker: x86_64-atxf-ld.bfd beside it
#   PREFIX/x86_64-atxf/bin/ld        real linker: ld.bfd beside it (GCC's ld)
#   PREFIX/x86_64-atxf/bin/ld.lld    real linker: the machine's ld.lld (GCC's
#                                    -fuse-ld=lld); lld has no built-in
#                                    atxf.ld, so it gets SYSROOT/usr/lib/atxf.ld
#   SYSROOT/usr/bin/x86_64-atxf-ld   real linker: the machine's ld (binutils,
#                                    which clang needs anyway), with no .bfd
#                                    beside it; it knows no atxf.ld either
#   SYSROOT/usr/bin/x86_64-atxf-ld.lld  the machine's ld.lld, as above
#
# A link that makes no program (-r, -shared, --version, --help, a lone -v)
# runs the real linker untouched. If the link or the conversion fails, OUT
# is removed, so no stale program is left behind.
set -u

here=$(cd "$(dirname "$0")" && pwd)
name=$(basename "$0")

die() { echo "$name: $*" >&2; exit 1; }

# needs_script: the real linker has no built-in atxf.ld. ATXF_LD_LLD and
# ATXF_LD name other host linkers.
emulation=()
case $name in
*ld.lld) real=${ATXF_LD_LLD:-ld.lld}; needs_script=1 ;;
*) if [ -x "$here/$name.bfd" ]; then
	real=$here/$name.bfd; needs_script=0
   else
	real=${ATXF_LD:-ld}; needs_script=1; emulation=(-m elf_x86_64)
   fi ;;
esac

elf2atxf=$here/elf2atxf
[ -x "$elf2atxf" ] || elf2atxf=$here/../../bin/elf2atxf

out=a.out
plain=0
has_script=0
# The sysroot: PREFIX/x86_64-atxf above PREFIX/x86_64-atxf/bin, SYSROOT
# above SYSROOT/usr/bin.
sysroot=$here/..
[ -d "$sysroot/usr/lib" ] || sysroot=$here/../..
orig=("$@")
args=()
# Each argument is kept, except that the output is renamed OUT.elf.
while [ $# -gt 0 ]; do
	arg=$1
	shift
	case $arg in
	-o|--output)
		[ $# -gt 0 ] || die "option '$arg' needs a file name"
		out=$1; shift; args+=(-o "$out.elf"); continue ;;
	--output=*) out=${arg#--output=}; args+=(-o "$out.elf"); continue ;;
	-o*) out=${arg#-o}; args+=(-o "$out.elf"); continue ;;
	-r|-Ur|-i|--relocatable|-shared|--shared|-Bshareable|--version|--help) plain=1 ;;
	-T|--script) has_script=1 ;;
	-T*|--script=*) has_script=1 ;;
	--sysroot=*) sysroot=${arg#--sysroot=} ;;
	esac
	args+=("$arg")
done
case ${#orig[@]}:${orig[*]:-} in
1:-v|1:-V|1:--verbose|0:) plain=1 ;;
esac

if [ $plain = 1 ]; then
	exec "$real" "${orig[@]}"
fi

if [ $needs_script = 1 ] && [ $has_script = 0 ]; then
	[ -r "$sysroot/usr/lib/atxf.ld" ] || die "no linker script: $sysroot/usr/lib/atxf.ld is missing (install the SDK's sysroot there)"
	args+=(-T "$sysroot/usr/lib/atxf.ld")
fi

remove_output() { [ -f "$out" ] && rm -f "$out"; }

if ! "$real" "${emulation[@]}" "${args[@]}"; then
	remove_output
	exit 1
fi
if ! "$elf2atxf" "$out.elf" -o "$out"; then
	remove_output
	exit 1
fi
