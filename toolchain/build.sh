#!/bin/sh
# toolchain/build.sh: builds binutils 2.40 and GCC 12.2 (C and libgcc) for
# the target x86_64-atxf, into a cache outside the clone.
#
#   toolchain/build.sh --key      print the cache key (hash of every input)
#   toolchain/build.sh --dir      print the cache entry's directory
#   toolchain/build.sh            build it unless cached; print the directory
#
# The sources are Debian's binutils-source and gcc-12-source (scripts/deps),
# patched with toolchain/patches and the files in toolchain/binutils and
# toolchain/gcc. The result is configured for the prefix /opt/atxf and is
# relocatable (GCC and ld find their sysroot relative to themselves), so one
# cache entry serves every `make toolchain PREFIX=DIR`. The entry is
# $ATXF_TOOLCHAIN_CACHE (default ~/.cache/atxf-toolchain)/KEY/root, where KEY
# hashes the source tarballs, the patches, atxf.ld (ld's default script),
# this script and the host compiler's version: change one and it rebuilds.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tree=$(dirname "$here")
cache=${ATXF_TOOLCHAIN_CACHE:-${HOME:-/root}/.cache/atxf-toolchain}
jobs=${JOBS:-2}

BINUTILS_TAR=/usr/src/binutils/binutils-2.40.tar.xz
GCC_TAR=/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz
GFDL_DIFF=/usr/src/gcc-12/patches/gcc-gfdl-build.diff
TARGET=x86_64-atxf
CONF_PREFIX=/opt/atxf

die() { echo "toolchain/build.sh: $*" >&2; exit 1; }

check_sources() {
	for f in "$BINUTILS_TAR" "$GCC_TAR" "$GFDL_DIFF"; do
		[ -r "$f" ] || die "missing source $f: install Debian's binutils-source and gcc-12-source (scripts/deps)"
	done
}

# Every input of the build, each as "sha256  name", in a fixed order.
inputs() {
	sha256sum "$BINUTILS_TAR" "$GCC_TAR" "$GFDL_DIFF"
	(cd "$tree" && find toolchain/patches toolchain/binutils toolchain/gcc -type f | LC_ALL=C sort |
		xargs sha256sum && sha256sum toolchain/build.sh ldscripts/atxf.ld)
	${HOSTCC:-gcc} --version | head -n 1
}

key() { inputs | sha256sum | cut -c1-16; }

# Sources: unpacked, Debian's manual-less build fix, then our patches and files.
unpack() {
	tar -xf "$BINUTILS_TAR" -C "$work"
	tar -xf "$GCC_TAR" -C "$work"
	(cd "$work/gcc-12.2.0" && patch -s -p2 < "$GFDL_DIFF")
	(cd "$work/binutils-2.40" && patch -s -p1 < "$here/patches/binutils-2.40-atxf.patch")
	(cd "$work/gcc-12.2.0" && patch -s -p1 < "$here/patches/gcc-12.2.0-atxf.patch")
	cp "$here/binutils/elf_x86_64_atxf.sh" "$work/binutils-2.40/ld/emulparams/"
	cp "$here/binutils/atxf.sc" "$work/binutils-2.40/ld/scripttempl/"
	cp "$tree/ldscripts/atxf.ld" "$work/binutils-2.40/ld/scripttempl/atxf.ld"
	cp "$here/gcc/atxf.h" "$work/gcc-12.2.0/gcc/config/i386/atxf.h"
}

# Configured from a relative source directory and with the work directory
# mapped away, so no path of this build ends up in what is installed. The
# flags go in through the environment: GCC records its configure command line
# (gcc -v), and that line must not name the work directory either.
common_flags() {
	echo "--target=$TARGET --prefix=$CONF_PREFIX --with-sysroot=$CONF_PREFIX/$TARGET" \
		"--disable-nls --disable-multilib --disable-werror"
}

build_binutils() {
	mkdir -p "$work/b-binutils" && cd "$work/b-binutils"
	CFLAGS="-O2 $map" CXXFLAGS="-O2 $map" \
	../binutils-2.40/configure $(common_flags) --disable-gdb --disable-gprofng \
		--disable-sim --disable-plugins --enable-deterministic-archives > configure.log
	make -j"$jobs" > make.log 2>&1 || { tail -n 40 make.log >&2; die "binutils failed to build (log: $PWD/make.log)"; }
	make install-strip DESTDIR="$stage" > install.log 2>&1
}

# C only, libgcc without a libc (--with-newlib --without-headers): libgcc's
# helpers need no library, so the cache does not depend on the SDK's libc.
# Constructors go to .init_array, which crt0 runs and atxf.ld keeps (a cross
# GCC cannot test for it, and would fall back to .ctors, which it discards).
build_gcc() {
	mkdir -p "$work/b-gcc" && cd "$work/b-gcc"
	PATH="$stage$CONF_PREFIX/bin:$PATH" CFLAGS="-O2 $map" CXXFLAGS="-O2 $map" \
	CFLAGS_FOR_TARGET="-O2 -g $map" ../gcc-12.2.0/configure $(common_flags) \
		--enable-languages=c --with-newlib --without-headers --disable-shared \
		--enable-initfini-array \
		--disable-threads --disable-lto --disable-libssp --disable-libquadmath \
		--disable-libgomp --disable-libatomic --disable-libcc1 --disable-plugin \
		--without-isl --with-system-zlib --with-pkgversion="ATXF SDK cross GCC" > configure.log
	PATH="$stage$CONF_PREFIX/bin:$PATH" make -j"$jobs" all-gcc all-target-libgcc > make.log 2>&1 ||
		{ tail -n 40 make.log >&2; die "gcc failed to build (log: $PWD/make.log)"; }
	PATH="$stage$CONF_PREFIX/bin:$PATH" make install-strip-gcc install-target-libgcc \
		DESTDIR="$stage" > install.log 2>&1
}

# The proof of relocatability: nothing installed may name the work directory.
check_no_build_path() {
	if grep -rl -F "$work" "$stage" > "$work/leaks"; then
		die "installed files name the build directory $work: $(head -n 3 "$work/leaks" | tr '\n' ' ')"
	fi
}

build() {
	entry=$cache/$(key)
	[ -f "$entry/ok" ] && { echo "$entry"; return; }
	mkdir -p "$cache"
	exec 9> "$entry.lock"
	flock 9
	[ -f "$entry/ok" ] && { echo "$entry"; return; }
	work=$entry.work
	stage=$work/stage
	map="-ffile-prefix-map=$work/=."
	rm -rf "$work" "$entry" && mkdir -p "$work" "$stage"
	start=$(date +%s)
	echo "toolchain: building binutils and gcc for $TARGET in $work" >&2
	unpack
	build_binutils
	echo "toolchain: binutils built after $(( $(date +%s) - start ))s" >&2
	build_gcc
	check_no_build_path
	mkdir -p "$entry" && mv "$stage$CONF_PREFIX" "$entry/root"
	inputs > "$entry/inputs"
	echo "$(( $(date +%s) - start ))" > "$entry/seconds"
	touch "$entry/ok"
	cd / && rm -rf "$work"
	echo "toolchain: built in $(cat "$entry/seconds")s" >&2
	echo "$entry"
}

check_sources
case "${1:-}" in
--key) key ;;
--dir) echo "$cache/$(key)" ;;
"") build ;;
*) die "usage: toolchain/build.sh [--key|--dir]" ;;
esac
