#!/bin/sh
# tests/ports/fetch.sh: the upstream tarballs of sources.list, into the
# cache ($ATXF_PORTS_CACHE, default ~/.cache/atxf-ports), each checked
# against its SHA256. Nothing is fetched when the cache has them all.
#
#   tests/ports/fetch.sh          fetch what is missing, say what and from where
#   tests/ports/fetch.sh --path   print the cache directory (after fetching)
#
# The archive is $ATXF_PORTS_MIRROR (default http://deb.debian.org/debian;
# plain HTTP is enough, as the checksum decides). Exit 1, naming the file
# and the URL, when a file cannot be fetched or does not match.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd -P)
CACHE=${ATXF_PORTS_CACHE:-$HOME/.cache/atxf-ports}
MIRROR=${ATXF_PORTS_MIRROR:-http://deb.debian.org/debian}

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

fetch_one() {
	url=$MIRROR/pool/$1 file=$CACHE/$(basename "$1") want=$2
	[ -f "$file" ] && [ "$(sha_of "$file")" = "$want" ] && return 0
	echo "tests/ports: fetching $url" >&2
	if ! python3 - "$url" "$file.part" <<'PY'
import sys, urllib.request
url, out = sys.argv[1], sys.argv[2]
try:
    with urllib.request.urlopen(url, timeout=60) as r, open(out, "wb") as f:
        f.write(r.read())
except Exception as e:
    sys.stderr.write("%s\n" % e)
    sys.exit(1)
PY
	then
		rm -f "$file.part"
		echo "tests/ports: cannot fetch $url (offline? set ATXF_PORTS_MIRROR," \
			"or put $(basename "$1") into $CACHE)" >&2
		return 1
	fi
	got=$(sha_of "$file.part")
	if [ "$got" != "$want" ]; then
		rm -f "$file.part"
		echo "tests/ports: $url: SHA256 $got, sources.list says $want: refused" >&2
		return 1
	fi
	mv "$file.part" "$file"
}

mkdir -p "$CACHE"
status=0
grep -v '^#' "$HERE/sources.list" | while read -r port dir path sha; do
	[ -n "$port" ] || continue
	fetch_one "$path" "$sha" || exit 1
done || status=1
[ "${1:-}" = --path ] && echo "$CACHE"
exit $status
