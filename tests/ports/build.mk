# tests/ports: real portable C libraries, unmodified, built with the cross
# GCC by their own build files, their tests run on the host and on atxf-run
# with byte-identical output (tests/ports/check.sh, docs/libc.md "Ports").
#
#   make check-ports                 every port in tests/ports/sources.list
#   make check-ports PORTS="zlib"    some of them
#
# The upstream tarballs come from the Debian archive once, SHA256-checked,
# into ~/.cache/atxf-ports (tests/ports/fetch.sh; scripts/deps fetches them
# too). The cross toolchain is the tree's own ($(TC_DIR), from its cache).

.PHONY: check-ports
check-ports: $(TC_SYSROOT_STAMP) sysroot
	@tests/ports/check.sh $(abspath $(TC_DIR))/bin $(abspath $(SR_BIN))/atxf-run $(PORTS)

CHECK_STEPS += check-ports
