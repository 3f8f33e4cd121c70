"""Class client libraries that survive a driver's restart (<atxf/client/*.h>,
sdk/lib/client, docs/protocols.md §11).

blk-stream.atxf (tests/qemu/progs/blk-stream.c) streams reads through the
block client library from blk-pattern.atxf, a block driver devmgr starts
whose sectors are computed (tests/qemu/progs/blk_pattern.h), so every read
can be checked word by word. Its second thread kills the driver through
devmgr three times during the stream; devmgr restarts it each time, and the
library must find the new generation, attach its buffer there and send the
request in flight again, so that every request is answered once, with the
right data. Then devmgr STOPs the driver for good, and the next read must
end with ESTALE once the library's restart window is over.
"""
from scenarios import DEVMGR, NO_PANIC, devmgr_says, exited, says

REQUESTS = 400
KILLS = 3


def stream(text):
    return says("blk-stream.atxf", r"blk-stream: " + text)


SCENARIOS = [
    dict(name="clients-block-restart",
         what="a block client streams 400 reads while its driver is killed 3 times: every "
              "read answered once with the right sectors; after a STOP, ESTALE",
         programs=[DEVMGR, "blk-pattern.atxf", "blk-stream.atxf"],
         cfg=["start devmgr.atxf with root bootfs",
              "start blk-stream.atxf blk-pattern %d %d" % (REQUESTS, KILLS),
              "exit-with blk-stream.atxf"],
         expect=[stream(r"killed pid \d+ \(kill %d of %d\)$" % (k, KILLS))
                 for k in range(1, KILLS + 1)] +
                [stream(r"%d of %d reads right, each answered once, across %d restarts$" %
                        (REQUESTS, REQUESTS, KILLS)),
                 stream(r"\d+ requests sent again after a restart$"),
                 # The window is 1 s; a loaded machine may take a little longer.
                 stream(r"after STOP: ESTALE after (9\d\d|1\d\d\d|2\d\d\d) ms$"),
                 exited("blk-stream.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"giving up",
                            r"blk-pattern: generation %d serving" % (KILLS + 1)],
         exit=0, timeout=240),
]
