"""The console's mouse pointer (services/console/pointer.c), a sprite drawn in
software over the text, checked in QEMU's own picture on each display
driver.

QMP input-send-event moves QEMU's PS/2 mouse: hw/input/ps2.c adds rel x to
its dx and subtracts rel y from its dy (PS/2's y grows up), and sends the
sum as 3-byte packets of at most 127 each way when the event is synced;
its queue holds only 16 bytes, so each move here stays within one packet
(at most MAX_STEP each way), and the next is sent only once the console
has logged where it drew the last one. ps2-mouse turns y back to the
screen's convention, so the pointer moves by exactly the amounts sent.

Each scenario: `echo Hello, screen`; the pointer goes from the screen's
centre in several moves to the left edge and past it (clamped at x 0),
over the rows where `echo done` and `echo over` are typed next, so their
text is drawn under it. Screendump 1: every row known so far is the host's
own rendering of the text (psf.py) with the host's copy of the sprite on
top at the expected place, pixel for pixel, and the rest of the screen
black. Then it moves away; screendump 2: the whole screen is the text,
restored where the pointer was, and the sprite at its new place.
"""
import os

import psf
from scenarios import says
from scenarios_display import read_ppm
from scenarios_screen import (BANNER, DONE_ROW, ECHO_ROWS, FONT, PROMPT, PROMPT_CURSOR,
                              SCREEN_FORBID, row_pixels, shot)
from shell_scenarios import CONSOLE_READY, SETTLE, out

# The arrow the console draws (kept here independently of pointer.c, so a
# wrong sprite there shows): B black outline, W white fill, . see-through;
# its tip at the top left is the hot spot, the position the console keeps.
SPRITE = [
    "B...........",
    "BB..........",
    "BWB.........",
    "BWWB........",
    "BWWWB.......",
    "BWWWWB......",
    "BWWWWWB.....",
    "BWWWWWWB....",
    "BWWWWWWWB...",
    "BWWWWWWWWB..",
    "BWWWWWWWWWB.",
    "BWWWWWWBBBBB",
    "BWWWBWWB....",
    "BWWBBWWB....",
    "BWB..BWWB...",
    "BB...BWWB...",
    "B.....BWWB..",
    "......BWWB..",
    ".......BB...",
]
COLOUR = {"B": b"\x00\x00\x00", "W": b"\xff\xff\xff"}
MAX_STEP = 120                  # per axis and move: one PS/2 packet
OVER = (-50, 74)                # 50 px past the left edge, over rows 4 and 5
AWAY = (120, 100)               # the last move: off the text, onto blank rows
# The screen's rows, top down: the banner after a blank row, then the
# commands and their output (rows 4 and 5 typed under the pointer).
ROWS_1 = ["", BANNER] + ECHO_ROWS + [DONE_ROW, "done", PROMPT + "echo over"]
ROWS_2 = ROWS_1 + ["over", PROMPT_CURSOR]


def pointer_at(x, y):
    return says("console.atxf", r"console: pointer at %d,%d$" % (x, y))


def clamp(v, size):
    return max(0, min(size - 1, v))


def walk(size, target):
    """(moves, end): the moves from the centre toward target, each a
    ((dx, dy), (x, y)) with the hot spot after it, clamped to the screen."""
    x, y = size[0] // 2, size[1] // 2
    left_x, left_y = target[0] - x, target[1] - y      # motion still to send
    moves = []
    while left_x or left_y:
        dx = max(-MAX_STEP, min(MAX_STEP, left_x))
        dy = max(-MAX_STEP, min(MAX_STEP, left_y))
        left_x, left_y = left_x - dx, left_y - dy
        nx, ny = clamp(x + dx, size[0]), clamp(y + dy, size[1])
        # The console logs only a move that changes its position.
        assert (nx, ny) != (x, y), "a move that does not move the pointer"
        x, y = nx, ny
        moves.append(((dx, dy), (x, y)))
    return moves, (x, y)


def expected(font, size, rows, spot):
    """The whole screen: rows of text from the top, black below, and the
    sprite with its hot spot at spot, cut at the screen's edges."""
    width, height = size
    lines = []
    for cells in rows:
        lines += [bytearray(l) for l in row_pixels(font, width, list(cells))]
    lines += [bytearray(b"\x00" * 3 * width) for _ in range(height - len(lines))]
    for sy, line in enumerate(SPRITE):
        for sx, c in enumerate(line):
            x, y = spot[0] + sx, spot[1] + sy
            if c != "." and x < width and y < height:
                lines[y][3 * x:3 * x + 3] = COLOUR[c]
    return lines


def first_difference(shot_rgb, width, want, ys):
    for y in ys:
        got = shot_rgb[3 * width * y:3 * width * (y + 1)]
        if got != want[y]:
            x = next(i for i in range(width) if got[3 * i:3 * i + 3] != want[y][3 * i:3 * i + 3])
            return "pixel %d,%d is %s, not %s" % (x, y, got[3 * x:3 * x + 3].hex(),
                                                  bytes(want[y][3 * x:3 * x + 3]).hex())
    return None


def shows(path_, size, rows, spot, skip_rows=()):
    """A check: the screendump at path_ is size and is exactly the text rows
    with the sprite at spot, but for the text rows in skip_rows (not drawn
    for sure yet when it was taken)."""
    def check(log):
        try:
            font = psf.load(FONT)
            width, height, rgb = read_ppm(path_)
        except (OSError, ValueError, IndexError) as e:
            return "cannot read the font or the screendump: %s" % e
        if (width, height) != size:
            return "the screen is %dx%d, not %dx%d" % (width, height, size[0], size[1])
        want = expected(font, size, rows, spot)
        skipped = set(y for r in skip_rows for y in range(r * font.height, (r + 1) * font.height))
        problem = first_difference(rgb, width, want, [y for y in range(height)
                                                      if y not in skipped])
        if problem:
            return "%s: with the pointer at %d,%d, %s" % (os.path.basename(path_), spot[0],
                                                          spot[1], problem)
        return None
    return check


def both(*checks):
    def check(log):
        for c in checks:
            problem = c(log)
            if problem:
                return problem
        return None
    return check


def pointer_scenario(name, where, qemu_args, size):
    moves, over = walk(size, OVER)
    away = (clamp(over[0] + AWAY[0], size[0]), clamp(over[1] + AWAY[1], size[1]))
    assert over[0] == 0, "the path must end at the left edge"
    steps = [(CONSOLE_READY, [SETTLE, ("type_text", ("echo Hello, screen\n",))])]
    trigger = out("Hello, screen")
    for (dx, dy), spot in moves:
        steps.append((trigger, [("move", (dx, dy))]))
        trigger = pointer_at(*spot)
    steps += [(trigger, [("type_text", ("echo done\n",))]),
              (out("done"), [("type_text", ("echo over\n",))]),
              (out("over"), [("screendump", (shot(name + "-1"),)), ("move", AWAY)]),
              (pointer_at(*away), [("screendump", (shot(name + "-2"),))])]
    # Rows 7 and 8 (`over` and the prompt) may come to the screen after
    # `over` reaches the serial line; the second screendump has them.
    return dict(name=name,
                what="the mouse pointer on %s: moved with input-send-event from the centre "
                     "into the left edge over text typed under it, then away; the screendumps "
                     "show the sprite at each place and the text restored, pixel for pixel"
                     % where,
                initrd="reference", console=True, qemu_args=qemu_args, qmp=steps,
                expect=[pointer_at(*spot) for _, spot in moves] + [out("over"),
                                                                   pointer_at(*away)],
                check=both(shows(shot(name + "-1"), size, ROWS_1, over, skip_rows=(7, 8)),
                           shows(shot(name + "-2"), size, ROWS_2, away)),
                forbid=SCREEN_FORBID, exit=None, stop_at=[pointer_at(*away)])


SCENARIOS = [
    pointer_scenario("pointer-bochs-vga", "the std VGA (bochs)", [], (1024, 768)),
    pointer_scenario("pointer-bochs-display", "-device bochs-display (bochs)",
                     ["-vga", "none", "-device", "bochs-display"], (1024, 768)),
]
# virtio-gpu shows the pointer with its hardware cursor: scenarios_cursor.py.
