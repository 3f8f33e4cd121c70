"""Display scenarios: what reaches the screen, checked in QEMU's own picture.

display-wc: fb-wc.atxf (tests/qemu/progs/fb-wc.c) draws four coloured
quadrants on the standard VGA through a write-combining map of BAR 0 (the
manifest's ATXF_RESOURCE_BAR_WC). When it says it drew, a QMP screendump
saves what the device displays, and the check reads the four colours from
that picture: the write-combined writes reached the device, and whole.
"""
import os

from scenarios import DEVMGR, NO_PANIC, says

SCREEN = os.path.join("build", "tests", "qemu", "display-wc.ppm")
DREW = r"fb-wc: drew 320x200x32 through a write-combining map of BAR 0: read back ok$"
QUADRANTS = {(80, 50): (255, 0, 0), (240, 50): (0, 255, 0),
             (80, 150): (0, 0, 255), (240, 150): (255, 255, 255)}


def read_ppm(path):
    """(width, height, RGB bytes) of a binary PPM (P6, maxval 255)."""
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError("not a P6 PPM with maxval 255")
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def screen_shows_quadrants(log):
    try:
        width, height, rgb = read_ppm(SCREEN)
    except (OSError, ValueError, IndexError) as e:
        return "no screendump to read (%s): %s" % (SCREEN, e)
    if (width, height) != (320, 200):
        return "the screen is %dx%d, not the 320x200 fb-wc set" % (width, height)
    for (x, y), want in sorted(QUADRANTS.items()):
        at = 3 * (y * width + x)
        got = tuple(rgb[at:at + 3])
        if got != want:
            return "pixel (%d, %d) is %s on the screen, fb-wc drew %s" % (x, y, got, want)
    return None


SCENARIOS = [
    dict(name="display-wc",
         what="a driver draws through a write-combining BAR map; QEMU's screendump shows it",
         programs=[DEVMGR, "fb-wc.atxf"],
         cfg=["start devmgr.atxf with root bootfs"],
         # Only what fb-wc says: devmgr logs its start after the spawn, and
         # the run stops at fb-wc's line, which may come first.
         expect=[says("fb-wc.atxf", DREW)],
         qmp=[(DREW, [("screendump", (SCREEN,))])],
         check=screen_shows_quadrants,
         forbid=NO_PANIC + [r"FAIL", r"read back WRONG"],
         exit=None, stop_at=DREW),
]
