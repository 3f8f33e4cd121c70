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
end with ESTALE once the library's restart window is over. In its ring
mode the same stream goes through the disk's request ring, 32 in flight,
and the requests in flight at each kill are submitted again, under their
ids, to the next generation's ring.

dev-follow.atxf (tests/qemu/progs/dev-follow.c) subscribes to a real
driver through the input or char client library (the PS/2 keyboard, keys
typed over QMP; the 16550 on COM1, bytes sent on the serial line), kills
the driver through devmgr after each round, and makes no call until the
death notice on its own port (SYS_PORT_WATCH) lets the library find the
next generation and subscribe there again; the next round's input is given
only then, and must all arrive.
"""
import re

from scenarios import DEVMGR, NO_PANIC, exited, says

REQUESTS = 400
KILLS = 3
RING_REQUESTS = 1000
RING_ENTRIES = 32

ROUNDS = ["ab", "cd", "ef"]
KEY_CODES = {"a": 0x1e, "b": 0x30, "c": 0x2e, "d": 0x20, "e": 0x12, "f": 0x21}


def stream(text):
    return says("blk-stream.atxf", r"blk-stream: " + text)


def block_stream(requests, ring=None):
    """A blk-stream run of requests reads across KILLS kills, through the
    call path, or through a ring with ring entries in flight."""
    mode = "ring: " if ring else ""
    result = (r"%s%d of %d reads right, each answered once, across %d restarts" %
              (mode, requests, requests, KILLS))
    if ring:
        result += r", up to %d in flight" % ring
    return dict(
        programs=[DEVMGR, "blk-pattern.atxf", "blk-stream.atxf"],
        cfg=["start devmgr.atxf with root bootfs",
             "start blk-stream.atxf blk-pattern %d %d%s" % (requests, KILLS,
                                                           " ring" if ring else ""),
             "exit-with blk-stream.atxf"],
        expect=[stream(r"killed pid \d+ \(kill %d of %d\)$" % (k, KILLS))
                for k in range(1, KILLS + 1)] +
               [stream(result + "$"),
                stream(mode + r"\d+ requests sent again after a restart$"),
                # The window is 1 s; a loaded machine may take a little longer.
                stream(mode + r"after STOP: ESTALE after (9\d\d|1\d\d\d|2\d\d\d) ms$"),
                exited("blk-stream.atxf", 0)],
        forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"giving up",
                           r"blk-pattern: generation %d serving" % (KILLS + 1)],
        exit=0, timeout=240)


SCENARIOS = [
    dict(name="clients-block-restart",
         what="a block client streams 400 reads while its driver is killed 3 times: every "
              "read answered once with the right sectors; after a STOP, ESTALE",
         **block_stream(REQUESTS)),
    dict(name="clients-block-ring-restart",
         what="1000 reads through the block client's request ring, 32 in flight, while the "
              "driver is killed 3 times: the ones in flight submitted again under their ids, "
              "each answered once with the right sectors; after a STOP, ESTALE",
         **block_stream(RING_REQUESTS, ring=RING_ENTRIES)),
]


def follow(text):
    return says("dev-follow.atxf", r"dev-follow: " + text)


def round_keys(text):
    """The press and release lines of each key of one round, in order."""
    return [follow(r"key %#04x %d$" % (KEY_CODES[ch], value))
            for ch in text for value in (1, 0)]


def round_bytes(text):
    return [follow(r"byte %#04x$" % ord(ch)) for ch in text]


def following(cls, driver, instance, act, heard, qemu_args=()):
    """A dev-follow scenario: each round's input is given (act(text)) once
    the client says it subscribed to that generation; everything it hears
    must arrive, in order, between its kills."""
    inst = re.escape(instance)

    def restarted(gen):
        return r"restarted: subscribed to %s generation %d$" % (inst, gen)

    steps = [(r"dev-follow: subscribed to %s generation 0$" % inst, [act(ROUNDS[0])])]
    expect = [follow(r"subscribed to %s generation 0$" % inst)] + heard(ROUNDS[0])
    for r in range(1, len(ROUNDS)):
        steps.append((r"dev-follow: " + restarted(r), [act(ROUNDS[r])]))
        expect += [follow(r"round %d done, killed pid \d+$" % r), follow(restarted(r))]
        expect += heard(ROUNDS[r])
    return dict(
        programs=[DEVMGR, "%s.atxf=../drivers/%s.atxf" % (driver, driver), "dev-follow.atxf"],
        cfg=["start devmgr.atxf with root bootfs",
             "start dev-follow.atxf %s %s %d %d" % (cls, driver, len(ROUNDS), len(ROUNDS[0])),
             "exit-with dev-follow.atxf"],
        qmp=steps, qemu_args=list(qemu_args),
        expect=expect + [follow(r"all %d rounds heard$" % len(ROUNDS)),
                         exited("dev-follow.atxf", 0)],
        forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"giving up"], exit=0, timeout=240)


SCENARIOS += [
    dict(name="clients-input-restart",
         what="an input client follows the PS/2 keyboard driver through 2 kills by the "
              "death notice alone: resubscribed each time, every key typed afterwards heard",
         **following("input", "ps2-keyboard", "ps2-keyboard.i8042",
                     lambda text: ("type_text", (text,)), round_keys)),
    dict(name="clients-char-restart",
         what="a char client follows the 16550 driver on COM1 through 2 kills by the death "
              "notice alone: resubscribed each time, every byte sent on the line afterwards "
              "heard",
         **following("char", "uart16550", "uart16550.com1",
                     lambda text: ("serial", (text,)), round_bytes)),
]
