"""Raw disk images for the block conformance scenarios (scenarios_blkconf.py):
made on the host before the boot, filled with a known background, and
checked byte for byte after QEMU exits against what the guest's clients
say they wrote (their "blkconf: wrote" lines). The pattern is
tests/qemu/progs/blkconf.h's, computed the same way.
"""
import re

WROTE = re.compile(r"blkconf: wrote tag (\d+) at byte (\d+) len (\d+)( flushed)?$")
SECTOR = 512


# Within one 512-byte sector, byte i is ((i * 7 + k) & 0xff) ^ x for the
# sector's k and x: tables of those runs make a sector two lookups.
_RUN = [bytes((i * 7 + k) & 0xff for i in range(SECTOR)) for k in range(256)]
_XOR = [bytes(b ^ x for b in range(256)) for x in range(256)]


def _sector(tag, s):
    """tag's bytes of the whole sector starting at byte s (a multiple of 512)."""
    k = (s * 7 + (s >> 9) * 131 + tag * 29) & 0xff
    x = ((s >> 12) ^ (0 if tag else 0xa5)) & 0xff
    return _RUN[k].translate(_XOR[x])


def pattern(tag, off, length):
    """tag's bytes for disk bytes [off, off + length)."""
    first = off - off % SECTOR
    out = b"".join(_sector(tag, s) for s in range(first, off + length, SECTOR))
    return bytearray(out[off - first:off - first + length])


def make(path, size):
    """A raw image of size bytes holding the background (tag 0) everywhere."""
    with open(path, "wb") as f:
        chunk = 1 << 20
        for off in range(0, size, chunk):
            f.write(pattern(0, off, min(chunk, size - off)))


def writes_in(log_text):
    """(tag, off, length, flushed) of each write a client reported, in order."""
    found = []
    for line in log_text.splitlines():
        m = WROTE.search(line)
        if m:
            found.append((int(m.group(1)), int(m.group(2)), int(m.group(3)), bool(m.group(4))))
    return found


def check(path, writes, maybe=()):
    """None, or why the image is not the background with writes on it.
    writes must be there; each of maybe is either there or not, sector by
    sector (writes acknowledged but not flushed before a crash)."""
    with open(path, "rb") as f:
        got = f.read()
    want = pattern(0, 0, len(got))
    for tag, off, length, _ in writes:
        if off + length > len(got):
            return "a write at byte %d len %d is past the image's %d bytes" % (off, length, len(got))
        want[off:off + length] = pattern(tag, off, length)
    if got == bytes(want):
        return None
    alt = bytearray(want)
    for tag, off, length, _ in maybe:
        alt[off:off + length] = pattern(tag, off, length)
    for s in range(0, len(got), SECTOR):
        g = got[s:s + SECTOR]
        if g == want[s:s + SECTOR] or g == alt[s:s + SECTOR]:
            continue
        i = next(k for k in range(len(g)) if g[k] != want[s + k])
        return "image byte %d (sector %d) is %#x, not %#x: %s" % (
            s + i, s // SECTOR, g[i], want[s + i],
            "inside a write" if any(o <= s + i < o + n for _, o, n, _ in writes)
            else "outside every write")
    return None
