# lz4 1.9.4: its tests/Makefile builds the in-memory tests of partial
# decompression, with and without a dictionary (the library's lz4.c).
port_build() {
	make -C tests CC="$1" decompress-partial decompress-partial-usingDict >make.log 2>&1 &&
		cp tests/decompress-partial decompress-partial.atxf &&
		cp tests/decompress-partial-usingDict decompress-partial-usingDict.atxf
}
PORT_TESTS="decompress-partial
decompress-partial-usingDict"
