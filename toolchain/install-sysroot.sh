#!/bin/sh
# toolchain/install-sysroot.sh DIR VERSION ELF2ATXF ATXFDUMP LIBGCC CRT0 LIBATXF [LIB...]:
# installs the SDK into DIR, the sysroot of a cross compiler, in the usual
# layout:
#
#   DIR/usr/include                      the SDK's libc headers and <atxf/...>
#   DIR/usr/lib                          crt0.o, libatxf.a, libm.a (LIB...), atxf.ld
#   DIR/usr/lib/gcc/x86_64-atxf/libgcc.a LIBGCC, for the link step below: off
#                                        the -L path, so that a compiler's -lgcc
#                                        still finds its own
#   DIR/usr/bin                          the link step for clang: x86_64-atxf-gcc
#                                        (toolchain/sysroot/link.sh), x86_64-atxf-ld
#                                        and x86_64-atxf-ld.lld (toolchain/ld-wrapper.sh
#                                        on the host's ld and ld.lld), elf2atxf; atxfdump
#   DIR/usr/lib/pkgconfig/atxf.pc        for PKG_CONFIG_SYSROOT_DIR=DIR builds
#   DIR/usr/share/atxf/cmake             atxf-sysroot.cmake (+ atxf-system.cmake,
#                                        Platform/ATXF.cmake)
#   DIR/usr/share/atxf/clang             x86_64-atxf.cfg (clang --config)
#
# Run from the top of the tree (make install-sysroot does).
set -eu

[ $# -ge 7 ] || { echo "usage: toolchain/install-sysroot.sh DIR VERSION ELF2ATXF ATXFDUMP LIBGCC CRT0 LIBATXF [LIB...]" >&2; exit 2; }
dir=$1 version=$2 elf2atxf=$3 atxfdump=$4 libgcc=$5
shift 5
[ -x "$elf2atxf" ] && [ -x "$atxfdump" ] ||
	{ echo "toolchain/install-sysroot.sh: $elf2atxf or $atxfdump is missing: build them first (make)" >&2; exit 1; }
for f in "$libgcc" "$@"; do
	[ -r "$f" ] || { echo "toolchain/install-sysroot.sh: $f is missing: build it first (make)" >&2; exit 1; }
done

mkdir -p "$dir/usr/include/atxf" "$dir/usr/lib/pkgconfig" "$dir/usr/bin" "$dir/usr/lib/gcc/x86_64-atxf" \
	"$dir/usr/share/atxf/cmake/Platform" "$dir/usr/share/atxf/clang"
cp -R sdk/lib/libc/include/. "$dir/usr/include/"
cp -R sdk/include/atxf/. "$dir/usr/include/atxf/"
cp "$@" ldscripts/atxf.ld "$dir/usr/lib/"
cp "$libgcc" "$dir/usr/lib/gcc/x86_64-atxf/libgcc.a"
sed "s/@VERSION@/$version/" toolchain/sysroot/atxf.pc.in > "$dir/usr/lib/pkgconfig/atxf.pc"
cp toolchain/sysroot/atxf-sysroot.cmake "$dir/usr/share/atxf/cmake/"
cp sysroot/cmake/atxf-system.cmake "$dir/usr/share/atxf/cmake/"
cp sysroot/cmake/Platform/ATXF.cmake "$dir/usr/share/atxf/cmake/Platform/"
cp toolchain/clang/x86_64-atxf.cfg "$dir/usr/share/atxf/clang/"
# Replaced, not written through: a stale copy may be a hard link or read-only.
put() { rm -f "$2" && cp "$1" "$2" && chmod 755 "$2"; }
put toolchain/sysroot/link.sh "$dir/usr/bin/x86_64-atxf-gcc"
put toolchain/ld-wrapper.sh "$dir/usr/bin/x86_64-atxf-ld"
put toolchain/ld-wrapper.sh "$dir/usr/bin/x86_64-atxf-ld.lld"
put "$elf2atxf" "$dir/usr/bin/elf2atxf"
put "$atxfdump" "$dir/usr/bin/atxfdump"
