"""The kernel's boot screen (kernel/lib/bootscreen.c): booted from the ISO,
GRUB sets the 1024x768x32 mode the multiboot header asks for, and the
kernel draws its lines there as well as on the serial line. When the
kernel says it is ready, QMP stops the guest and saves the screen; the
check renders every kernel line of the serial log with the same PSF2 font
file the kernel was built with (build/kernel/bootfont.psf), wrapped and
scrolled as the kernel does, and compares the screen with them pixel for
pixel, row by row. Program output is not drawn: only kernel lines.

boot-iso-screen-handover boots an ISO made around its own archive: fb-take
maps the boot framebuffer (what a display driver does first), so the
kernel lets go of it; fb-take fills it with one colour and exits, and the
kernel's later lines (fb-take's exit among them) must leave the screen
alone: the screendump is that colour everywhere.
"""
import os
import re

import psf
from scenarios import BOOT_LINES, NO_PANIC, says
from scenarios_display import read_ppm

LOG_DIR = os.path.join("build", "tests", "qemu")
SCREEN = os.path.join(LOG_DIR, "boot-iso-screen.ppm")
FONT = os.path.join("build", "kernel", "bootfont.psf")
WIDTH, HEIGHT = 1024, 768
TIMESTAMP = re.compile(r"^\[ *\d+\.\d{6}\] ")
PROGRAM_LINE = re.compile(r"^\S+\[\d+\]: ")
READY = BOOT_LINES[-1]
SHOWN = r"^bootscreen: 1024x768, 102x42 text in a 10x18 font: kernel lines shown here until " \
        r"a driver maps the framebuffer$"
MIN_ROWS = 15       # rows that must match, at least: the boot lines up to READY


def kernel_lines(log_path):
    """The kernel's lines of the raw log, as it printed them (with their
    timestamps): program output and the firmware's and GRUB's are not."""
    with open(log_path, errors="replace") as f:
        raw = [line.rstrip("\r\n") for line in f]
    return [line for line in raw
            if TIMESTAMP.match(line) and not PROGRAM_LINE.match(TIMESTAMP.sub("", line))]


def text_rows(lines, cols):
    """The rows of text those lines fill, a long line going on in the next."""
    rows = []
    for line in lines:
        rows += [line[i:i + cols] for i in range(0, len(line), cols)] or [""]
    return rows


def row_matches(font, rgb, row, text, cols):
    """Whether text row `row` of the screen shows text exactly (blank after it)."""
    for col in range(cols):
        glyph = font.glyph_of(text[col]) if col < len(text) else None
        for y in range(font.height):
            at = 3 * ((row * font.height + y) * WIDTH + col * font.width)
            for x in range(font.width):
                on = glyph is not None and font.pixel(glyph, x, y)
                want = b"\xff\xff\xff" if on else b"\x00\x00\x00"
                if rgb[at + 3 * x:at + 3 * x + 3] != want:
                    return False
    return True


def screen_shows_kernel_lines(log):
    try:
        font = psf.load(FONT)
        width, height, rgb = read_ppm(SCREEN)
    except (OSError, ValueError, IndexError) as e:
        return "cannot read the font or the screendump: %s" % e
    if (width, height) != (WIDTH, HEIGHT):
        return "the screen is %dx%d, not the 1024x768 the header asks for" % (width, height)
    cols, nrows = WIDTH // font.width, HEIGHT // font.height
    expected = text_rows(kernel_lines(os.path.join(LOG_DIR, "boot-iso-screen.log")), cols)
    # Lines printed between the trigger and QMP's stop are on the screen but
    # may be missing from the log the harness kept; with more than a
    # screenful, the top rows have scrolled away. So the screen's top row is
    # expected row `first` for some first, and every row below it that the
    # log holds must match.
    for first in range(0, max(1, len(expected) - MIN_ROWS + 1)):
        shown = expected[first:first + nrows]
        if len(shown) < MIN_ROWS:
            break
        if all(row_matches(font, rgb, r, text, cols) for r, text in enumerate(shown)):
            return None
    return "the screen does not show the log's kernel lines (%d rows expected, first: %r)" % (
        len(expected), expected[0] if expected else None)


TAKE_SCREEN = os.path.join(LOG_DIR, "boot-iso-screen-handover.ppm")
FILLED = r"fb-take: filled the 1024x768 boot framebuffer with 0x00204080$"
TOOK = r"^bootscreen: fb-take\.atxf pid \d+ maps the framebuffer: kernel lines go to the " \
       r"serial line only$"
TAKER_EXITED = r"init: fb-take\.atxf pid \d+ exited with status 0$"


def screen_is_one_colour(log):
    try:
        width, height, rgb = read_ppm(TAKE_SCREEN)
    except (OSError, ValueError, IndexError) as e:
        return "cannot read the screendump: %s" % e
    if (width, height) != (WIDTH, HEIGHT):
        return "the screen is %dx%d, not 1024x768" % (width, height)
    want = bytes((0x20, 0x40, 0x80))
    for i in range(0, len(rgb), 3):
        if rgb[i:i + 3] != want:
            at = i // 3
            return "pixel (%d, %d) is %s, not fb-take's colour: the kernel drew after the " \
                   "hand-over" % (at % width, at // width, tuple(rgb[i:i + 3]))
    return None


SCENARIOS = [
    dict(name="boot-iso-screen",
         what="ISO boot: GRUB sets 1024x768x32 and the kernel draws its boot lines there "
              "in the console-setup Terminus font; the screendump matches the serial log's "
              "kernel lines rendered on the host, pixel for pixel",
         iso=True, expect=[r'^boot: loader "GRUB', SHOWN, READY],
         qmp=[(READY, [("execute", ("stop",)), ("screendump", (SCREEN,))])],
         check=screen_shows_kernel_lines,
         forbid=NO_PANIC, exit=None, stop_at=READY),
    dict(name="boot-iso-screen-handover",
         what="ISO boot: a program maps the boot framebuffer, the kernel lets go of it and "
              "draws no more (the screen keeps the program's colour after later kernel lines)",
         iso=True, programs=["fb-take.atxf"],
         cfg=["start fb-take.atxf with fb:rw"],
         expect=[SHOWN, TOOK, says("fb-take.atxf", FILLED)],
         qmp=[(TAKER_EXITED, [("execute", ("stop",)), ("screendump", (TAKE_SCREEN,))])],
         check=screen_is_one_colour,
         forbid=NO_PANIC + [r"FAIL"], exit=None, stop_at=TAKER_EXITED),
]
