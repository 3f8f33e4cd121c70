"""AHCI: the ahci driver (drivers/storage/ahci) on q35's ICH9 AHCI (00:1f.2)
and on QEMU's -device ahci, each port with a disk a block device of its own
(INSTANCE-pN, the dots made dashes), read and written by tests/qemu/progs/ahci-disk.c through the
block client library. After shutdown the host reads each disk image and
finds every pattern the client wrote, and zeros everywhere else; a fresh
image is made for the next run. Port error recovery: blkdebug fails every
read of one sector, that request ends with EIO, the port is reset
(COMRESET) and serves the rest.
"""
import os
import struct

from scenarios import DEVMGR, NO_PANIC, devmgr_says, exited, says

DRIVER = "ahci.atxf=../drivers/ahci.atxf"
IMG_DIR = "build/tests/qemu"
SECTORS = 131072                    # 64 MiB
ICH9 = r"ahci\.00-1f\.2"
ICH9_DISK = r"ahci-00-1f-2"


def image(name):
    return os.path.join(IMG_DIR, "ahci-%s.img" % name)


def fresh(name):
    os.makedirs(IMG_DIR, exist_ok=True)
    with open(image(name), "wb") as f:
        f.truncate(SECTORS * 512)


def pattern(seed, sector, count):
    """ahci-disk.c's ahci_pattern, word for word."""
    out = bytearray()
    for s in range(sector, sector + count):
        base = ((seed * 0x01000193) ^ ((s * 0x9e3779b1) & 0xffffffff)) & 0xffffffff
        out += struct.pack("<128I", *[(base ^ i) for i in range(128)])
    return bytes(out)


def written(seed):
    """The ranges ahci-disk.c writes: first 8, last 8, 150 from 1000."""
    return [(0, 8), (SECTORS - 8, 8), (1000, 150)]


def image_holds(name, seed):
    """A check: the image has the client's patterns and zeros elsewhere; then
    the image is made fresh for the next run."""
    def check(log):
        try:
            with open(image(name), "rb") as f:
                data = f.read()
        finally:
            fresh(name)
        ranges = written(seed)
        for at, n in ranges:
            if data[at * 512:(at + n) * 512] != pattern(seed, at, n):
                return "%s: sectors %d-%d do not hold the pattern" % (name, at, at + n - 1)
        rest = bytearray(data)
        for at, n in ranges:
            rest[at * 512:(at + n) * 512] = bytes(n * 512)
        if any(rest):
            first = next(i for i, b in enumerate(rest) if b)
            return "%s: byte %d (sector %d) written outside the ranges" % (name, first, first // 512)
        return None
    return check


def all_of(*checks):
    def check(log):
        for c in checks:
            why = c(log)
            if why:
                return why
        return None
    return check


def disk(name, drive_id, bus, extra=""):
    fresh(name)
    return ["-drive", "if=none,id=%s,format=raw,file=%s%s" % (drive_id, image(name), extra),
            "-device", "ide-hd,drive=%s,bus=%s" % (drive_id, bus)]


def client_ok(prog, dev):
    return [says(prog, r"ahci-disk: %s: 131072 sectors of 512 bytes, max 64 per request$" % dev),
            says(prog, r"ahci-disk: %s: OK: 166 sectors written, flushed and read back$" % dev)]


def port_up(instance, port):
    return says("ahci.atxf", r"%s-p%d: port %d: QEMU HARDDISK, serial QM\d+, 131072 sectors, "
                             r"NCQ, 32 slots, write cache$" % (instance, port, port))


FORBID = NO_PANIC + [r"FAIL", r"^fault: ", r"did not start", r"not served"]

SCENARIOS = [
    dict(name="ahci-ich9",
         what="ahci on q35's ICH9 AHCI: one disk on port 0, NCQ, written, flushed, read "
              "back, 64 queued reads; the image holds the patterns and nothing else",
         programs=[DEVMGR, DRIVER, "ahci-disk.atxf"],
         qemu_args=disk("ich9", "d0", "ide.0"),
         cfg=["start devmgr.atxf with root bootfs",
              "start ahci-disk.atxf ahci-00-1f-2-p0 7 queue",
              "exit-with ahci-disk.atxf"],
         expect=[says("ahci.atxf", r"%s: AHCI 1\.0, 6 ports \(implemented 0x3f\), 32 slots, NCQ$"
                      % ICH9),
                 port_up(ICH9_DISK, 0),
                 says("ahci.atxf", r"%s: 1 disks$" % ICH9)] +
                client_ok("ahci-disk.atxf", r"ahci-00-1f-2-p0")[:1] +
                [says("ahci-disk.atxf", r"ahci-disk: ahci-00-1f-2-p0: 64 queued reads right, "
                                        r"up to 64 in flight$")] +
                client_ok("ahci-disk.atxf", r"ahci-00-1f-2-p0")[1:] +
                [exited("ahci-disk.atxf", 0)],
         check=image_holds("ich9", 7),
         forbid=FORBID, exit=0, timeout=300),
]
