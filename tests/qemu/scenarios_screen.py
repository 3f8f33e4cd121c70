"""The console on the screen (services/console/screen.c): the shell's text
drawn in console-setup's Terminus (build/kernel/bootfont.psf, the font the
kernel's boot screen uses too) on the bochs display driver, checked in
QEMU's own picture. Each check renders the expected rows on the host from
the same PSF2 file (psf.py) and finds them in the screendump pixel for
pixel: every pixel of a text row, white glyph on black, blank after the
text, and the text cursor an inverted cell.

screen-echo (and -bochs-display, -virtio-gpu): `echo Hello, screen` typed
on the keyboard; the rows "atxf> echo Hello, screen", "Hello, screen" and
the next command's follow each other on the screen.
screen-mode: `mode 1280x800` makes a 1280x800 screendump with the text
redrawn (the echo rows are still there, the mode line under them), and
`fbinfo` names the driver, mode and pitch.
screen-driver-restart: the display driver killed from the shell; devmgr
restarts it, the display client gets its surface attached to the new
generation in the same mode (SET_MODE by the replay), and the screen shows
the same rows again, the prompt with the cursor last.
screen-iso-handover: booted from the ISO, the kernel's boot lines give way
to the console's text when bochs maps GRUB's framebuffer.
"""
import os
import re

import psf
from scenarios import NO_PANIC, says
from scenarios_display import read_ppm
from shell_scenarios import CONSOLE_READY, SETTLE, SHELL_FORBID, out

LOG_DIR = os.path.join("build", "tests", "qemu")
FONT = os.path.join("build", "kernel", "bootfont.psf")
WHITE, BLACK = b"\xff\xff\xff", b"\x00\x00\x00"
BOCHS_STARTED = (r"devmgr: started bochs \(bochs\.00-01\.0\) on 00:01\.0 pid (?P<bochs>\d+) "
                 r"generation 0")
SCREEN_ON = r"console\.atxf\[\d+\]: console: screen on bochs\.00-01\.0 \(bochs, generation %d\)$"
PROMPT = "atxf> "
CURSOR = object()               # in a row's expected text: the inverted cursor cell


def row_pixels(font, width, cells):
    """The pixel rows (bytes of RGB) of one text row showing cells."""
    lines = []
    for y in range(font.height):
        line = bytearray()
        for cell in cells:
            inverted = cell is CURSOR
            glyph = font.glyph_of(" " if inverted else cell)
            for x in range(font.width):
                on = font.pixel(glyph, x, y) != inverted
                line += WHITE if on else BLACK
        line += BLACK * (width - font.width * len(cells))
        lines.append(bytes(line))
    return lines


def shows_row(font, shot, row, cells):
    width, _, rgb = shot
    want = row_pixels(font, width, cells)
    for y, line in enumerate(want):
        at = 3 * width * (row * font.height + y)
        if rgb[at:at + 3 * width] != line:
            return False
    return True


def find_rows(font, shot, rows):
    """The first text row where rows (lists of cells) follow each other, or None."""
    width, height, _ = shot
    cols, nrows = width // font.width, height // font.height
    cells = [list(r) if isinstance(r, str) else r for r in rows]
    cells = [c + [" "] * (cols - len(c)) for c in cells]
    for first in range(nrows - len(rows) + 1):
        if all(shows_row(font, shot, first + i, c) for i, c in enumerate(cells)):
            return first
    return None


def screen_shows(path, size, *blocks):
    """A check: the screendump at path is size and shows each block of
    consecutive rows, each block below the one before."""
    def check(log):
        try:
            font = psf.load(FONT)
            shot = read_ppm(path)
        except (OSError, ValueError, IndexError) as e:
            return "cannot read the font or the screendump: %s" % e
        if shot[:2] != size:
            return "the screen is %dx%d, not %dx%d" % (shot[0], shot[1], size[0], size[1])
        below = -1
        for rows in blocks:
            at = find_rows(font, shot, rows)
            if at is None or at <= below:
                return "the screen does not show the rows %r (below row %d)" % (
                    [r if isinstance(r, str) else "<prompt+cursor>" for r in rows], below)
            below = at
        return None
    return check


def shot(name):
    return os.path.join(LOG_DIR, name + ".ppm")


PROMPT_CURSOR = list(PROMPT) + [CURSOR]
# The console draws a chunk of its output after sending it on the serial
# line, and takes the next key only then: once `echo done` has answered on
# the serial line, everything before it, its own command row included, is
# on the screen.
DONE = [("type_text", ("echo done\n",))]
DONE_ROW = PROMPT + "echo done"
ECHO_ROWS = [PROMPT + "echo Hello, screen", "Hello, screen"]
MODE_LINE = "mode: bochs.00-01.0: 1280x800, pitch 5120"
FBINFO_LINE = "fbinfo: bochs.00-01.0 (driver bochs): 1280x800, 32 bpp XRGB8888, pitch 5120"
SCREEN_FORBID = SHELL_FORBID + [r"console: opening the display", r"display .* is gone"]



def screen_echo(name, where, qemu_args, instance, size):
    """`echo Hello, screen` typed; the console's screen on instance is size."""
    cols, rows = size[0] // 10, size[1] // 18
    return dict(name=name,
                what="the shell on %s: `echo Hello, screen` typed; the screendump shows its "
                     "rows and the prompt with the cursor, pixel for pixel in the Terminus "
                     "font" % where,
                initrd="reference", console=True, qemu_args=qemu_args,
                qmp=[(CONSOLE_READY, [SETTLE, ("type_text", ("echo Hello, screen\n",))]),
                     (out("Hello, screen"), DONE),
                     (out("done"), [("screendump", (shot(name),))])],
                expect=[says("console.atxf", r"console: screen %s: %dx%d, %dx%d text in a "
                             r"10x18 font$" % (re.escape(instance), size[0], size[1], cols,
                                               rows)),
                        out("Hello, screen"), out("done")],
                check=screen_shows(shot(name), size, ECHO_ROWS + [DONE_ROW]),
                forbid=SCREEN_FORBID, exit=None, stop_at=[out("done")])


SCENARIOS = [
    screen_echo("screen-echo", "the std VGA (bochs)", [], "bochs.00-01.0", (1024, 768)),
    screen_echo("screen-echo-bochs-display", "-device bochs-display (bochs)",
                ["-vga", "none", "-device", "bochs-display"], "bochs.00-02.0", (1024, 768)),
    screen_echo("screen-echo-virtio-gpu", "-device virtio-gpu-pci (virtio-gpu)",
                ["-vga", "none", "-device", "virtio-gpu-pci"], "virtio-gpu.00-02.0",
                (1280, 800)),
    dict(name="screen-mode",
         what="`mode 1280x800` on the screen: the screendump is 1280x800 with the text "
              "redrawn; `fbinfo` says the driver, mode and pitch",
         initrd="reference", console=True,
         qmp=[(CONSOLE_READY, [SETTLE, ("type_text", ("echo Hello, screen\n",))]),
              (out("Hello, screen"), [("type_text", ("mode 1280x800\n",))]),
              (out(MODE_LINE), [("type_text", ("fbinfo\n",))]),
              (out(FBINFO_LINE), DONE),
              (out("done"), [("screendump", (shot("screen-mode"),))])],
         expect=[out("Hello, screen"),
                 says("bochs.atxf", r"bochs\.00-01\.0: mode 1280x800x32, pitch 5120$"),
                 out(MODE_LINE), out(FBINFO_LINE), out("done")],
         check=screen_shows(shot("screen-mode"), (1280, 800),
                            ECHO_ROWS + [PROMPT + "mode 1280x800", MODE_LINE,
                                         PROMPT + "fbinfo", FBINFO_LINE, DONE_ROW]),
         forbid=SCREEN_FORBID, exit=None, stop_at=[out("done")]),
]

def restart_redrawn(log):
    """The rows before the kill, and the kill's own, on the new generation's screen."""
    m = re.search(r"^kill: pid (\d+) \(bochs\.00-01\.0\) killed", log, re.M)
    if not m:
        return "the shell never said it killed the driver"
    killed = "kill: pid %s (bochs.00-01.0) killed; devmgr restarts it" % m.group(1)
    return screen_shows(shot("screen-driver-restart"), (1280, 800),
                        ECHO_ROWS + [PROMPT + "mode 1280x800", MODE_LINE,
                                     PROMPT + "kill " + m.group(1), killed, PROMPT_CURSOR])(log)


# The pid to kill comes from devmgr's log (a named group: qmp.py).
SCENARIOS += [
    dict(name="screen-driver-restart",
         what="the display driver killed from the shell after `mode 1280x800`: devmgr "
              "restarts it, the console's display client gets the same mode from the new "
              "generation and the screendump shows the same text again",
         initrd="reference", console=True,
         qmp=[(BOCHS_STARTED, []),
              (CONSOLE_READY, [SETTLE, ("type_text", ("echo Hello, screen\n",))]),
              (out("Hello, screen"), [("type_text", ("mode 1280x800\n",))]),
              (out(MODE_LINE), [("type_text", ("kill {bochs}\n",))]),
              (SCREEN_ON % 1, [SETTLE, ("screendump", (shot("screen-driver-restart"),))])],
         # The shell's kill line reaches the serial line after the screen
         # (which waits for the new generation), so the check looks for it.
         expect=[out(MODE_LINE),
                 r"devmgr: restarting bochs \(bochs\.00-01\.0\) generation 1",
                 says("bochs.atxf", r"bochs\.00-01\.0: mode 1280x800x32, pitch 5120$"),
                 SCREEN_ON % 1],
         check=restart_redrawn,
         forbid=SCREEN_FORBID, exit=None, stop_at=[SCREEN_ON % 1]),
]

BANNER = "ATXF console; type help for the commands"
TOOK = (r"^bootscreen: bochs\.atxf pid \d+ maps the framebuffer: kernel lines go to the "
        r"serial line only$")


def console_replaced_boot_lines(log):
    """The echo rows are there, and the banner is at the top, on rows the
    kernel had filled with its boot lines: the driver cleared them."""
    problem = screen_shows(shot("screen-iso-handover"), (1024, 768),
                           ECHO_ROWS + [DONE_ROW])(log)
    if problem:
        return problem
    font, picture = psf.load(FONT), read_ppm(shot("screen-iso-handover"))
    if find_rows(font, picture, ["", BANNER]) != 0:
        return "the console's banner is not at the top of the screen"
    return None


SCENARIOS += [
    dict(name="screen-iso-handover",
         what="ISO boot: the kernel draws its boot lines on GRUB's framebuffer until bochs "
              "maps it (the kernel lets go), then the console's text replaces them; the "
              "screendump shows the banner at the top and the echo rows",
         iso=True, initrd="reference", console=True,
         qmp=[(CONSOLE_READY, [SETTLE, ("type_text", ("echo Hello, screen\n",))]),
              (out("Hello, screen"), DONE),
              (out("done"), [("screendump", (shot("screen-iso-handover"),))])],
         expect=[r'^boot: loader "GRUB', r"^bootscreen: 1024x768, 102x42 text", TOOK,
                 says("console.atxf", r"console: screen bochs\.00-01\.0: 1024x768, 102x42 "
                      r"text in a 10x18 font$"),
                 out("Hello, screen"), out("done")],
         check=console_replaced_boot_lines,
         forbid=SCREEN_FORBID, exit=None, stop_at=[out("done")]),
]
