#!/bin/sh
# toolchain/install.sh ENTRY PREFIX ELF2ATXF ATXFDUMP: installs the cross
# toolchain of cache entry ENTRY (toolchain/build.sh) into PREFIX, with
# what makes its links ATXF: the ld wrapper (ld-wrapper.sh, in place of
# x86_64-atxf-ld and of GCC's ld; also as ld.lld, for -fuse-ld=lld), the
# SDK's elf2atxf and atxfdump, x86_64-atxf-cc and x86_64-atxf-clang.
# The SDK's sysroot goes into PREFIX/x86_64-atxf by `make install-sysroot`.
set -eu

[ $# -eq 4 ] || { echo "usage: toolchain/install.sh ENTRY PREFIX ELF2ATXF ATXFDUMP" >&2; exit 2; }
entry=$1 prefix=$2 elf2atxf=$3 atxfdump=$4
here=$(cd "$(dirname "$0")" && pwd)

[ -f "$entry/ok" ] || { echo "toolchain/install.sh: $entry is not a finished toolchain build" >&2; exit 1; }
mkdir -p "$prefix"
cp -a "$entry/root/." "$prefix/"

# binutils installs ld as hard links of ld.bfd: unlink before writing, or
# the wrapper would overwrite the real linker too.
put() { rm -f "$2" && cp "$1" "$2" && chmod 755 "$2"; }
put "$here/ld-wrapper.sh" "$prefix/bin/x86_64-atxf-ld"
put "$here/ld-wrapper.sh" "$prefix/x86_64-atxf/bin/ld"
put "$here/ld-wrapper.sh" "$prefix/x86_64-atxf/bin/ld.lld"
put "$here/clang/x86_64-atxf-clang" "$prefix/bin/x86_64-atxf-clang"
put "$elf2atxf" "$prefix/bin/elf2atxf"
put "$atxfdump" "$prefix/bin/atxfdump"
ln -sf x86_64-atxf-gcc "$prefix/bin/x86_64-atxf-cc"
