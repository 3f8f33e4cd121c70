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

input-follow.atxf (tests/qemu/progs/input-follow.c) subscribes to the real
PS/2 keyboard driver through the input client library, hears keys typed
over QMP, kills the driver through devmgr after each round, and makes no
call until the death notice on its own port (SYS_PORT_WATCH) lets the
library find the next generation and subscribe there again; the next
round's keys are typed only then, and must all arrive.
"""
from scenarios import DEVMGR, NO_PANIC, devmgr_says, exited, says

REQUESTS = 400
KILLS = 3


ROUNDS = ["ab", "cd", "ef"]
KEY_CODES = {"a": 0x1e, "b": 0x30, "c": 0x2e, "d": 0x20, "e": 0x12, "f": 0x21}


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

RING_REQUESTS = 1000
RING_ENTRIES = 32


def ring(text):
    return stream(r"ring: " + text)


SCENARIOS += [
    dict(name="clients-block-ring-restart",
         what="1000 reads through the block client's request ring, 32 in flight, while the "
              "driver is killed 3 times: the ones in flight submitted again under their ids, "
              "each answered once with the right sectors; after a STOP, ESTALE",
         programs=[DEVMGR, "blk-pattern.atxf", "blk-stream.atxf"],
         cfg=["start devmgr.atxf with root bootfs",
              "start blk-stream.atxf blk-pattern %d %d ring" % (RING_REQUESTS, KILLS),
              "exit-with blk-stream.atxf"],
         expect=[stream(r"killed pid \d+ \(kill %d of %d\)$" % (k, KILLS))
                 for k in range(1, KILLS + 1)] +
                [ring(r"%d of %d reads right, each answered once, across %d restarts, up to "
                      r"%d in flight$" % (RING_REQUESTS, RING_REQUESTS, KILLS, RING_ENTRIES)),
                 ring(r"\d+ requests sent again after a restart$"),
                 ring(r"after STOP: ESTALE after (9\d\d|1\d\d\d|2\d\d\d) ms$"),
                 exited("blk-stream.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"giving up",
                            r"blk-pattern: generation %d serving" % (KILLS + 1)],
         exit=0, timeout=240),
]


def follow(text):
    return says("input-follow.atxf", r"input-follow: " + text)


def round_keys(text):
    """The press and release lines of each key of one round, in order."""
    return [follow(r"key %#04x %d$" % (KEY_CODES[ch], value))
            for ch in text for value in (1, 0)]


def restarted(gen):
    return r"restarted: subscribed to ps2-keyboard\.i8042 generation %d$" % gen


SCENARIOS += [
    dict(name="clients-input-restart",
         what="an input client follows the PS/2 keyboard driver through 2 kills by the "
              "death notice alone: resubscribed each time, every key typed afterwards heard",
         programs=[DEVMGR, "ps2-keyboard.atxf=../drivers/ps2-keyboard.atxf",
                   "input-follow.atxf"],
         cfg=["start devmgr.atxf with root bootfs",
              "start input-follow.atxf ps2-keyboard %d %d" % (len(ROUNDS), len(ROUNDS[0])),
              "exit-with input-follow.atxf"],
         qmp=[(r"input-follow: subscribed to ps2-keyboard\.i8042 generation 0$",
               [("type_text", (ROUNDS[0],))]),
              (r"input-follow: " + restarted(1), [("type_text", (ROUNDS[1],))]),
              (r"input-follow: " + restarted(2), [("type_text", (ROUNDS[2],))])],
         expect=[follow(r"subscribed to ps2-keyboard\.i8042 generation 0$")] +
                round_keys(ROUNDS[0]) +
                [follow(r"round 1 done, killed pid \d+$"),
                 follow(restarted(1))] +
                round_keys(ROUNDS[1]) +
                [follow(r"round 2 done, killed pid \d+$"),
                 follow(restarted(2))] +
                round_keys(ROUNDS[2]) +
                [follow(r"all 3 rounds heard$"), exited("input-follow.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"giving up"],
         exit=0, timeout=240),
]
