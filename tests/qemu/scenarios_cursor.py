"""The hardware cursor: the console's mouse pointer shown by virtio-gpu's
cursor queue (drivers/graphics/virtio-gpu/vgpu_cursor.c) instead of being
drawn into the picture (services/console/pointer.c, still used on bochs).

QEMU draws a virtio-gpu cursor in its UI, not into the scanout, so a
screendump never shows it. What the device did is observed instead through
QEMU's own trace point in hw/display/virtio-gpu.c's update_cursor, written
to a file: one line per cursor queue command, with the position, whether it
was UPDATE_CURSOR ("update") or MOVE_CURSOR ("move") and the resource.

The scenario moves the pointer as pointer-bochs-vga does (scenarios_pointer:
from the centre into the left edge over text typed under it, then away).
It checks: one UPDATE_CURSOR at the centre with a resource, then exactly
one MOVE_CURSOR at each place the console logged, in order, nothing else;
and both screendumps are the text alone, pixel for pixel: no sprite drawn
into the framebuffer.
"""
import os
import re

from scenarios import says
from scenarios_pointer import OVER, AWAY, ROWS_1, ROWS_2, both, clamp, pointer_at, shows, walk
from scenarios_screen import LOG_DIR, SCREEN_FORBID, shot
from shell_scenarios import CONSOLE_READY, SETTLE, out

TRACE_LINE = re.compile(r"virtio_gpu_update_cursor scanout (\d+), x (\d+), y (\d+), "
                        r"(update|move), res 0x([0-9a-f]+)")


def trace_path(name):
    return os.path.join(LOG_DIR, name + ".trace")


def fresh_trace(name):
    """QEMU appends to its trace file: each run starts without one."""
    def prepare():
        if os.path.exists(trace_path(name)):
            os.unlink(trace_path(name))
    return prepare


def cursor_commands(path_):
    """[(kind, x, y, res)] of the trace, or a reason it cannot be read."""
    try:
        with open(path_) as f:
            lines = f.read().splitlines()
    except OSError as e:
        return "cannot read QEMU's trace: %s" % e
    got = []
    for line in lines:
        m = TRACE_LINE.search(line)
        if m:
            got.append((m.group(4), int(m.group(2)), int(m.group(3)), int(m.group(5), 16)))
    return got


def device_saw(name, start, spots):
    def check(log):
        got = cursor_commands(trace_path(name))
        if isinstance(got, str):
            return got
        if not got or got[0][0] != "update" or got[0][1:3] != start or not got[0][3]:
            return "the first cursor command is %s, not an UPDATE_CURSOR at %d,%d with a " \
                   "resource" % (got[0] if got else "missing", start[0], start[1])
        res = got[0][3]
        want = [("update",) + start + (res,)] + [("move", x, y, res) for x, y in spots]
        if got != want:
            return "the device got the cursor commands %s, not %s" % (got, want)
        return None
    return check


def traced_virtio_gpu(name):
    """QEMU arguments for a virtio-gpu whose cursor commands go to name's trace."""
    return ["-vga", "none", "-device", "virtio-gpu-pci",
            "-trace", "enable=virtio_gpu_update_cursor,file=" + trace_path(name)]


def cursor_scenario(name, size):
    moves, over = walk(size, OVER)
    away = (clamp(over[0] + AWAY[0], size[0]), clamp(over[1] + AWAY[1], size[1]))
    start = (size[0] // 2, size[1] // 2)
    nowhere = size                  # the sprite cut off entirely: not in the picture
    steps = [(CONSOLE_READY, [SETTLE, ("type_text", ("echo Hello, screen\n",))])]
    trigger = out("Hello, screen")
    for (dx, dy), spot in moves:
        steps.append((trigger, [("move", (dx, dy))]))
        trigger = pointer_at(*spot)
    steps += [(trigger, [("type_text", ("echo done\n",))]),
              (out("done"), [("type_text", ("echo over\n",))]),
              (out("over"), [("screendump", (shot(name + "-1"),)), ("move", AWAY)]),
              (pointer_at(*away), [("screendump", (shot(name + "-2"),))])]
    spots = [spot for _, spot in moves] + [away]
    return dict(name=name,
                what="the mouse pointer on virtio-gpu is its hardware cursor: QEMU's trace "
                     "shows UPDATE_CURSOR at the centre then a MOVE_CURSOR at each place, and "
                     "the screendumps show the text with no sprite drawn into it",
                initrd="reference", console=True,
                qemu_args=traced_virtio_gpu(name),
                prepare=fresh_trace(name), qmp=steps,
                expect=[says("virtio-gpu.atxf", r"virtio-gpu\.\S+: cursor: resource \d+, hot spot "
                             r"0,0, at %d,%d$" % start),
                        says("console.atxf", r"console: screen \S+: %dx%d, .* font$" % size),
                        says("console.atxf", r"console: the pointer is \S+'s hardware "
                             r"cursor$")] +
                       [pointer_at(*spot) for spot in spots],
                check=both(shows(shot(name + "-1"), size, ROWS_1, nowhere, skip_rows=(7, 8)),
                             shows(shot(name + "-2"), size, ROWS_2, nowhere),
                             device_saw(name, start, spots)),
                forbid=SCREEN_FORBID + [r"hardware cursor refused", r"did not move"],
                exit=None, stop_at=[pointer_at(*away)])


SCENARIOS = [cursor_scenario("cursor-virtio-gpu", (1280, 800))]


def commands_were(name, want):
    """A check: the trace holds exactly want, [(kind, x, y)], each UPDATE
    with a resource and each MOVE with the resource of the UPDATE before."""
    def check(log):
        got = cursor_commands(trace_path(name))
        if isinstance(got, str):
            return got
        res, seen = None, []
        for kind, x, y, r in got:
            if kind == "update":
                res = r
            if not r or r != res:
                return "cursor command %s at %d,%d names resource %d, not the cursor's" % (
                    kind, x, y, r)
            seen.append((kind, x, y))
        return None if seen == want else "the device got %s, not %s" % (seen, want)
    return check


# After `restart virtio-gpu` the new generation has no resources: the
# display client's replay sets the cursor again where the pointer was.
def cursor_restart_scenario(name):
    gen1 = says("virtio-gpu.atxf", r"virtio-gpu\.\S+: cursor: resource \d+, hot spot 0,0, "
                r"at 740,450$")
    steps = [(CONSOLE_READY, [SETTLE, ("move", (100, 50))]),
             (pointer_at(740, 450), [("type_text", ("restart virtio-gpu\n",))]),
             (gen1, [SETTLE, ("move", (10, 10))])]
    return dict(name=name,
                what="virtio-gpu restarted from the shell: the display client sets the "
                     "hardware cursor up again on the new generation where the pointer was, "
                     "and it moves on from there (QEMU's trace)",
                initrd="reference", console=True,
                qemu_args=traced_virtio_gpu(name),
                prepare=fresh_trace(name), qmp=steps,
                expect=[pointer_at(740, 450), gen1, pointer_at(750, 460)],
                check=commands_were(name, [("update", 640, 400), ("move", 740, 450),
                                           ("update", 740, 450), ("move", 750, 460)]),
                forbid=SCREEN_FORBID + [r"hardware cursor refused", r"did not move"],
                exit=None, stop_at=[pointer_at(750, 460)])


SCENARIOS.append(cursor_restart_scenario("cursor-virtio-gpu-restart"))
