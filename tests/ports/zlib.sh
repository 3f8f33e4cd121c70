# zlib 1.2.13: its own configure and Makefile, twice: the full static
# library for infcover (every branch of inflate, memory failures included),
# then the one without the gz* file functions (--solo: they need files) for
# example (deflate/inflate round trips, dictionaries, sync, large buffers),
# whose gzio test would otherwise stop at the missing file system.
port_build() {
	CC="$1" CFLAGS=-O2 ./configure --static >configure.log 2>&1 &&
		make libz.a infcover >make.log 2>&1 && cp infcover infcover.atxf &&
		make distclean >>make.log 2>&1 &&
		CC="$1" CFLAGS=-O2 ./configure --static --solo >>configure.log 2>&1 &&
		make libz.a example >>make.log 2>&1 && cp example example.atxf
}
PORT_TESTS="example
infcover"
