"""Standard input from the boot archive (docs/boot.md, `stdin:MEMBER`), the
path the ports (tests/ports) feed Lua's scripts and xxhsum's data through.

ports-stdin: stdinsum.atxf reads its own ATXF file as its standard input,
with fgetc, fgets and fread in turn, and must report its exact size and
FNV-1a hash (computed here from build/progs), then the end of file.
ports-stdin-none: without the clause, standard input is at its end at once.
ports-stdin-missing: a member the archive lacks is refused by init, which
names the clause and does not start the program."""
import os
import re

from scenarios import NO_PANIC, exited, init_says

PROG = "stdinsum.atxf"
PROG_PATH = os.path.join("build", "progs", PROG)
REPORT = r"^stdinsum: (\d+) bytes, fnv1a ([0-9a-f]{8}), eof (\d+), error (\d+), read\(0\) (-?\d+)$"


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xffffffff
    return h


def reports(size, digest):
    """A check: stdinsum's one line says size bytes, digest, and the end."""
    def check(log):
        m = re.search(REPORT, log, re.M)
        if not m:
            return "no stdinsum line"
        got = (int(m.group(1)), int(m.group(2), 16), m.group(3), m.group(4), m.group(5))
        want = (size, digest, "1", "0", "0")
        if got != want:
            return "stdinsum says %s; the input was %d bytes, fnv1a %08x (want eof 1, " \
                   "error 0, read(0) 0)" % (got, size, digest)
        return None
    return check


def own_file():
    """stdinsum's own file reported: its size and hash, as the host reads it."""
    def check(log):
        with open(PROG_PATH, "rb") as f:
            data = f.read()
        return reports(len(data), fnv1a(data))(log)
    return check


SCENARIOS = [
    dict(name="ports-stdin",
         what="stdin:MEMBER: a program reads a whole binary member through stdin, then EOF",
         programs=[PROG],
         cfg=["start %s with stdin:%s" % (PROG, PROG), "exit-with %s" % PROG],
         output=[REPORT],
         expect=[REPORT, exited(PROG, 0)],
         check=own_file(),
         forbid=NO_PANIC, exit=0),
    dict(name="ports-stdin-none",
         what="without a stdin: clause, standard input is at its end at once",
         programs=[PROG],
         cfg=["start %s" % PROG, "exit-with %s" % PROG],
         output=[REPORT],
         expect=[REPORT, exited(PROG, 0)],
         check=reports(0, fnv1a(b"")),
         forbid=NO_PANIC, exit=0),
    dict(name="ports-stdin-missing",
         what="stdin: naming a member the archive lacks: init refuses the line, names why",
         programs=[PROG],
         cfg=["start %s with stdin:no-such-member" % PROG],
         expect=[init_says(r"boot\.cfg:1: stdin:no-such-member: no such name, process or "
                           r"object; stdinsum\.atxf not started$")],
         stop_at=[init_says(r"boot\.cfg:1: stdin:no-such-member: ")],
         forbid=NO_PANIC + [r"^stdinsum: "], exit=None),
]
