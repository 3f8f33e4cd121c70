"""Restarts lose nothing, on every disk driver: one client
(tests/qemu/progs/blkrestart.c) streams rounds of tagged writes, each round
ended by a flush, while the driver restarts under it, and reports a write
only once a flush after it succeeded. The host fills the image with a
known background first (tests/qemu/blkimage.py) and, after QEMU exits,
finds every reported write on it byte for byte and nothing else changed.

  blkrestart-NAME-kill    devmgr KILLs the driver in each of three rounds:
                          half way through rounds 0 and 2, before round 1's
                          first write
  blkrestart-NAME-crash   a crash test build of the driver (drivers/build.mk,
                          build/progs/NAME-crash.atxf: the block framework
                          built with ATXF_TEST_CRASH_AFTER) takes a page fault
                          while serving each generation's 21st write; devmgr
                          sees the fault (status 142) and restarts it, three
                          times: half way through a round, on a round's first
                          write, half way again

Each checks devmgr's generations 0..3 and no more, the client's three
reconnects, that exactly the two rounds a restart caught with writes
unflushed were written again (their flush said -ATXF_ESTALE,
docs/protocols.md §3), and the image. A restart on a round's first write
(all flushed before it) leaves nothing to write again: only the library's
resubmission of that write puts it on the image.
"""
import os
import re

import blkimage
from scenarios import DEVMGR, NO_PANIC, devmgr_says, exited, says

IMAGES = os.path.join("build", "tests", "qemu")
IMAGE_BYTES = 16 << 20
RESTARTS = 3
CLIENT = "blkrestart.atxf"
WROTE = re.compile(r"blkrestart: wrote tag (\d+) at byte (\d+) len (\d+) flushed$")


def img_path(scenario):
    return os.path.join(IMAGES, scenario + ".img")


# One entry per driver: its QEMU arguments for the image, the disk a
# client opens, the instance devmgr runs, and the PCI function it is on.
DRIVES = [
    dict(name="virtio-blk", disk="virtio-blk.00-12.0", bdf="00:12.0",
         args=lambda img: ["-drive", "file=%s,if=none,id=d0,format=raw" % img,
                           "-device", "virtio-blk-pci,drive=d0,disable-legacy=on,addr=0x12"]),
    dict(name="nvme", disk="nvme.00-15.0", bdf="00:15.0",
         args=lambda img: ["-drive", "file=%s,if=none,id=d0,format=raw" % img,
                           "-device", "nvme,serial=atxf-restart,drive=d0,addr=0x15"]),
    dict(name="ahci", disk="ahci-00-1f-2-p0", bdf="00:1f.2",
         args=lambda img: ["-drive", "file=%s,if=none,id=d0,format=raw" % img,
                           "-device", "ide-hd,drive=d0,bus=ide.0"]),
    dict(name="ata", disk="ata0", bdf="00:01.1",
         args=lambda img: ["-machine", "pc", "-nic", "none",
                           "-drive", "file=%s,format=raw,if=ide,index=0" % img]),
]


def instance(drive):
    return "%s.%s" % (drive["name"], drive["bdf"].replace(":", "-"))


def prepare_image(img):
    def prepare():
        os.makedirs(IMAGES, exist_ok=True)
        blkimage.make(img, IMAGE_BYTES)
    return prepare


def count_is(pattern, n):
    """A check: pattern matches exactly n lines."""
    def check(log):
        got = len(re.findall(pattern, log, re.M))
        return None if got == n else "%d lines match %s, not %d" % (got, pattern, n)
    return check


def image_holds(img):
    """A check: every write the client reported flushed is on the image, and
    the rest of it is the background."""
    def check(log):
        writes = [(int(m.group(1)), int(m.group(2)), int(m.group(3)), True)
                  for m in (WROTE.search(line) for line in log.splitlines()) if m]
        if len(writes) < 8 * (RESTARTS + 1):
            return "only %d flushed writes reported" % len(writes)
        return blkimage.check(img, writes)
    return check


def all_of(*checks):
    def check(log):
        return next((w for w in (c(log) for c in checks) if w), None)
    return check


def scenario(drive, mode):
    name = "blkrestart-%s-%s" % (drive["name"], mode)
    img = img_path(name)
    inst = instance(drive)
    esc = re.escape(inst)
    driver = drive["name"]
    binary = ("../drivers/%s.atxf" % driver) if mode == "kill" else "%s-crash.atxf" % driver
    started = r"started %s \(%s\) on %s pid \d+ generation %%d " % (driver, esc,
                                                                   re.escape(drive["bdf"]))
    status = 137 if mode == "kill" else 142
    checks = [count_is(devmgr_says(started % g), 1) for g in range(RESTARTS + 1)]
    checks += [count_is(devmgr_says(started % (RESTARTS + 1)), 0),
               count_is(devmgr_says(r"%s \(%s\) pid \d+ ended with status %d "
                                    % (driver, esc, status)), RESTARTS)]
    if mode == "crash":
        checks.append(count_is(r"^fault: %s\.atxf pid \d+ rip 0x[0-9a-f]+ addr 0x0: "
                               r"#PF page fault" % re.escape(driver), RESTARTS))
    kills = [says(CLIENT, r"blkrestart: killed pid \d+ \(kill %d of %d\)$" % (k, RESTARTS))
             for k in range(1, RESTARTS + 1)] if mode == "kill" else []
    return dict(
        name=name,
        what="%s %s three times in the middle of a stream of writes with flushes: the "
             "client library resubmits, and every flushed write is on the image"
             % (driver, "killed by devmgr" if mode == "kill" else "crashing (a page fault, "
                                                                  "test build)"),
        programs=[DEVMGR, "%s.atxf=%s" % (driver, binary), CLIENT],
        qemu_args=drive["args"](img), prepare=prepare_image(img),
        cfg=["start devmgr.atxf with root bootfs",
             "start %s %s %s %s %d" % (CLIENT, mode, drive["disk"], inst, RESTARTS),
             "exit-with " + CLIENT],
        expect=kills +
               [says(CLIENT, r"blkrestart: %s: \d+ rounds flushed across %d reconnects, "
                             r"2 rounds written again, [1-9]\d* requests sent again$"
                     % (re.escape(drive["disk"]), RESTARTS)),
                says(CLIENT, r"blkrestart: %s: OK: every round read back$"
                     % re.escape(drive["disk"])),
                exited(CLIENT, 0)],
        check=all_of(*(checks + [image_holds(img)])),
        forbid=NO_PANIC + [r"FAIL", r"giving up", r"did not start"] +
               ([r"^fault: "] if mode == "kill" else []),
        exit=0, timeout=300)


SCENARIOS = [scenario(d, m) for d in DRIVES for m in ("kill", "crash")]
