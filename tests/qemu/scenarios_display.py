"""Display scenarios: what reaches the screen, checked in QEMU's own picture.

display-wc: fb-wc.atxf (tests/qemu/progs/fb-wc.c) draws four coloured
quadrants on the standard VGA through a write-combining map of BAR 0 (the
manifest's ATXF_RESOURCE_BAR_WC). When it says it drew, a QMP screendump
saves what the device displays, and the check reads the four colours from
that picture: the write-combined writes reached the device, and whole.

display-bochs-vga, display-bochs-display: the bochs driver
(drivers/graphics/bochs) on the std VGA and on -device bochs-display.
display-pattern.atxf (tests/qemu/progs/display-pattern.c) asks it for
800x600 through the display client (SET_MODE), draws its pattern in its
surface and FLUSHes it; the screendump must be 800x600 and show the
pattern, every pixel of it, computed here the same way.
display-bochs-bad-mode: a size past the device's maxima is refused with
ERANGE, and the screen keeps the 1024x768 the driver started in, pattern
and all.
"""
import os
import re

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


def pattern_rgb(width, height):
    """display-pattern's picture as PPM bytes: red 3x, green 5y, blue x^y."""
    out = bytearray(3 * width * height)
    at = 0
    for y in range(height):
        g = (5 * y) & 0xff
        for x in range(width):
            out[at] = (3 * x) & 0xff
            out[at + 1] = g
            out[at + 2] = (x ^ y) & 0xff
            at += 3
    return bytes(out)


def first_difference(rgb, want, width):
    for i in range(0, len(want), 3):
        if rgb[i:i + 3] != want[i:i + 3]:
            at = i // 3
            return "pixel (%d, %d) is %s, the pattern has %s" % (
                at % width, at // width, tuple(rgb[i:i + 3]), tuple(want[i:i + 3]))
    return None


def screen_shows_pattern(path, width, height):
    def check(log):
        try:
            w, h, rgb = read_ppm(path)
        except (OSError, ValueError, IndexError) as e:
            return "no screendump to read (%s): %s" % (path, e)
        if (w, h) != (width, height):
            return "the screen is %dx%d, not %dx%d" % (w, h, width, height)
        want = pattern_rgb(width, height)
        if rgb[:len(want)] == want:
            return None
        return first_difference(rgb, want, width)
    return check


def pattern_drawn(width, height, driver="bochs"):
    return says("display-pattern.atxf", r"display-pattern: drew %dx%d \(pitch %d\) on "
                r"%s\.\S+$" % (width, height, 4 * width, re.escape(driver)))


def bochs_pattern(name, what, qemu_args, mode, shown, started):
    """display-pattern asks bochs for mode (w, h); the screen must show shown."""
    screen = os.path.join("build", "tests", "qemu", name + ".ppm")
    drew = pattern_drawn(*shown)
    return dict(name=name, what=what,
                programs=[DEVMGR, "bochs.atxf", "display-pattern.atxf"],
                cfg=["start devmgr.atxf with root bootfs",
                     "start display-pattern.atxf bochs %d %d" % mode],
                qemu_args=qemu_args,
                expect=[says("bochs.atxf", r"bochs\.\S+: " + started + r", DISPI 0xb0c[0-5], "
                             r"\d+ KiB framebuffer, up to \d+x\d+: mode 1024x768x32, "
                             r"pitch 4096$"), drew],
                qmp=[(drew, [("screendump", (screen,))])],
                check=screen_shows_pattern(screen, *shown),
                forbid=NO_PANIC + [r"FAIL"], exit=None, stop_at=drew)


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
    bochs_pattern("display-bochs-vga",
                  "bochs on the std VGA: SET_MODE 800x600, the client's pattern FLUSHed; "
                  "the screendump is 800x600 and shows it pixel for pixel",
                  [], (800, 600), (800, 600), "std VGA"),
    bochs_pattern("display-bochs-display",
                  "bochs on -device bochs-display: SET_MODE 800x600, the client's pattern "
                  "FLUSHed; the screendump is 800x600 and shows it pixel for pixel",
                  ["-vga", "none", "-device", "bochs-display"], (800, 600), (800, 600),
                  "bochs-display"),
]
_bad = bochs_pattern("display-bochs-bad-mode",
                     "bochs refuses a mode past its maxima (ERANGE) and keeps its 1024x768: "
                     "the screendump shows the pattern at that size",
                     [], (20000, 600), (1024, 768), "std VGA")
_bad["expect"].insert(1, says("bochs.atxf", r"bochs\.\S+: mode 20000x600 refused \(up to "
                              r"\d+x\d+, \d+ KiB\)$"))
_bad["expect"].insert(2, says("display-pattern.atxf", r"display-pattern: mode 20000x600 "
                              r"refused: out of range: .*$"))
SCENARIOS.append(_bad)

VIRTIO_GPU = ["-vga", "none", "-device", "virtio-gpu-pci"]


def virtio_gpu_pattern(name, what, mode, shown, extra_expect=()):
    """display-pattern asks virtio-gpu for mode (w, h); the screen must show shown."""
    screen = os.path.join("build", "tests", "qemu", name + ".ppm")
    drew = pattern_drawn(*shown, driver="virtio-gpu")
    gpu = r"virtio-gpu\.\S+: "
    return dict(name=name, what=what,
                programs=[DEVMGR, "virtio-gpu.atxf", "display-pattern.atxf"],
                cfg=["start devmgr.atxf with root bootfs",
                     "start display-pattern.atxf virtio-gpu %d %d" % mode],
                qemu_args=VIRTIO_GPU,
                expect=[says("virtio-gpu.atxf", gpu + r"virtio 1\.x, features 0x[0-9a-f]+, "
                             r"1 scanout\(s\): mode 1280x800x32, pitch 5120$"),
                        says("virtio-gpu.atxf", gpu + r'EDID: monitor "QEMU Monitor", '
                             r"preferred 1280x800$")] + list(extra_expect) + [drew],
                qmp=[(drew, [("screendump", (screen,))])],
                check=screen_shows_pattern(screen, *shown),
                forbid=NO_PANIC + [r"FAIL", r"flush refused"], exit=None, stop_at=drew)


SCENARIOS += [
    virtio_gpu_pattern("display-virtio-gpu",
                       "virtio-gpu: GET_DISPLAY_INFO and EDID read, scanout 0 at 1280x800, "
                       "SET_MODE 800x600 (a new 2D resource); the client's pattern "
                       "transferred and flushed; the screendump shows it pixel for pixel",
                       (800, 600), (800, 600),
                       [says("virtio-gpu.atxf", r"virtio-gpu\.\S+: mode 800x600x32, "
                             r"pitch 3200$")]),
    virtio_gpu_pattern("display-virtio-gpu-bad-mode",
                       "virtio-gpu refuses a mode larger than its screen memory (ERANGE) and "
                       "keeps 1280x800: the screendump shows the pattern at that size",
                       (4000, 3000), (1280, 800),
                       [says("virtio-gpu.atxf", r"virtio-gpu\.\S+: mode 4000x3000 refused: "
                             r"out of range"),
                        says("display-pattern.atxf", r"display-pattern: mode 4000x3000 "
                             r"refused: out of range")]),
]
