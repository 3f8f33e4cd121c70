#!/bin/bash
# tests/ports/check.sh: real C libraries, unmodified, on ATXF.
#
# For each port (PORT.sh beside this script, listed in sources.list): the
# upstream tarball (fetch.sh) is unpacked twice, built with the host's gcc
# and with the cross GCC (x86_64-atxf-gcc), by the port's own build files;
# then every test of PORT_TESTS runs on the host and on atxf-run, and the
# two outputs (stdout and stderr together, line-buffered on both) and exit
# statuses must be the same, byte for byte. One OK or FAIL line per test;
# exit 1 if any failed.
#
#   tests/ports/check.sh CROSS_BIN_DIR ATXF_RUN [PORT...]
#
# Run by `make check-ports` (tests/ports/build.mk). On the system's console
# the kernel's own lines ("[ seconds] ...") are not the program's and are
# dropped; every other byte is the program's.
set -u

HERE=$(cd "$(dirname "$0")" && pwd -P)
CROSS=$1 RUN=$2
shift 2
T=$(mktemp -d "${TMPDIR:-/tmp}/atxf-ports.XXXXXX")
trap 'rm -rf "$T"' EXIT
TIMEOUT=${ATXF_PORTS_TIMEOUT:-300}
fails=0 passed=0

say() { printf '  %-7s ports: %s\n' "$1" "$2"; }

CACHE=$("$HERE/fetch.sh" --path) || exit 1

# unpack PORT SIDE: the port's tarball into $T/SIDE; prints the tree.
unpack() {
	local line
	line=$(grep -v '^#' "$HERE/sources.list" | awk -v p="$1" '$1 == p')
	set -- $line "$2"
	mkdir -p "$T/$5"
	tar -xf "$CACHE/$(basename "$3")" -C "$T/$5" || return 1
	echo "$T/$5/$2"
}

# build PORT SIDE CC: unpack and run the port's port_build; prints the tree.
build() {
	local tree
	tree=$(unpack "$1" "$2") || return 1
	(cd "$tree" && PATH="$CROSS:$PATH" port_build "$3") || {
		say FAIL "$1: the $2 build failed ($tree, last lines:)" >&2
		tail -n 15 "$tree"/*.log | sed 's/^/          | /' >&2
		return 1
	}
	echo "$tree"
}

# The program's own bytes from atxf-run's console, by docs/boot.md's rule
# ("The serial console"): the kernel's lines go, and the shell's (CR LF
# lines, and its prompt where it met the start of another writer's line).
program_output() { sed -E '/^(atxf> )?\[ *[0-9]+\.[0-9]{6}\] /d; /\r$/d; s/^atxf> //'; }

# run_test PORT HOST_TREE ATXF_TREE PROG [ARG...] [< FILE]: FILE (in the
# port's tree, or tests/ports/ for a name starting "tests/") is standard
# input on the host and through atxf-run --stdin; /dev/null without it.
run_test() {
	local port=$1 host=$2 atxf=$3 prog=$4 name hs as in=/dev/null run_in=()
	shift 4
	name="$port: $prog${*:+ $*}"
	if [ $# -ge 2 ] && [ "${*: -2:1}" = "<" ]; then
		in=${*: -1}
		set -- "${@:1:$#-2}"
		case $in in tests/*) in=$HERE/${in#tests/} ;; *) in=$host/$in ;; esac
		run_in=(--stdin "$in")
	fi
	(cd "$host" && TZ=UTC PATH="$host:$PATH" stdbuf -oL "$prog.atxf" "$@" <"$in" >"$T/host.out" 2>&1)
	hs=$?
	"$RUN" --timeout "$TIMEOUT" "${run_in[@]}" --exit-with "$atxf/$prog.atxf" "$atxf/$prog.atxf" "$@" \
		</dev/null 2>"$T/run.err" | program_output >"$T/atxf.out"
	as=${PIPESTATUS[0]}
	if [ "$hs" = "$as" ] && cmp -s "$T/host.out" "$T/atxf.out"; then
		say OK "$name ($(wc -l <"$T/host.out") lines, exit $hs)"
		passed=$((passed + 1))
		return
	fi
	say FAIL "$name: host exit $hs, atxf exit $as"
	cat "$T/run.err" | sed 's/^/          | /'
	diff -a "$T/host.out" "$T/atxf.out" | head -n 20 | sed 's/^/          | /'
	fails=$((fails + 1))
}

ports=${*:-$(grep -v '^#' "$HERE/sources.list" | awk 'NF { print $1 }')}
for port in $ports; do
	unset -f port_build
	PORT_TESTS=
	. "$HERE/$port.sh"
	host=$(build "$port" host gcc) && atxf=$(build "$port" atxf x86_64-atxf-gcc) || {
		fails=$((fails + 1))
		continue
	}
	while read -r line; do
		[ -n "$line" ] && run_test "$port" "$host" "$atxf" $line
	done <<<"$PORT_TESTS"
done
echo "ports: $passed passed, $fails failed"
[ "$fails" -eq 0 ]
