# xxHash 0.8.1: its Makefile builds xxhsum; `xxhsum --version` runs the
# built-in sanity check (XXH32, XXH64, XXH3 64 and 128 bits, seeded and
# with secrets, against its table of known hashes; exit 1 on a mismatch),
# and -H0..-H3 hash standard input with each algorithm.
port_build() {
	make CC="$1" xxhsum >make.log 2>&1 && cp xxhsum xxhsum.atxf
}
PORT_TESTS="xxhsum --version
xxhsum -H0
xxhsum -H1
xxhsum -H2
xxhsum -H3
xxhsum -H0 < xxhash.h
xxhsum -H1 < xxhash.h
xxhsum -H2 < xxhash.h
xxhsum -H3 < xxhash.h"
