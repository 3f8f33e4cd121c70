"""AHCI: the ahci driver (drivers/storage/ahci) on q35's ICH9 AHCI (00:1f.2)
and on QEMU's -device ahci, each port with a disk a block device of its own
(INSTANCE-pN, the dots made dashes), read and written, by DMA straight
to the client's buffer, by tests/qemu/progs/ahci-disk.c through the
block client library. After shutdown the host reads each disk image and
finds every pattern the client wrote, and zeros everywhere else; a fresh
image is made for the next run. Port error recovery: blkdebug fails every
read of one sector, that request ends with EIO, the port is reset
(COMRESET) and serves the rest.
"""
import os
import re
import struct

from scenarios import DEVMGR, NO_PANIC, contains, devmgr_says, exited, says

DRIVER = "ahci.atxf=../drivers/ahci.atxf"
IMG_DIR = "build/tests/qemu"
SECTORS = 131072                    # 64 MiB
ICH9 = r"ahci\.00-1f\.2"
ICH9_DISK = r"ahci-00-1f-2"


def image(name):
    return os.path.join(IMG_DIR, "ahci-%s.img" % name)


def fresh(name):
    """An all-zero image (sparse)."""
    os.makedirs(IMG_DIR, exist_ok=True)
    with open(image(name), "wb") as f:
        f.truncate(SECTORS * 512)


def made(name):
    """The image, made if missing: never truncated on import, for another
    harness may be running on it; each run's check makes it fresh."""
    if not os.path.exists(image(name)):
        fresh(name)
    return image(name)


def pattern(seed, sector, count):
    """ahci-disk.c's ahci_pattern, word for word."""
    out = bytearray()
    for s in range(sector, sector + count):
        base = ((seed * 0x01000193) ^ ((s * 0x9e3779b1) & 0xffffffff)) & 0xffffffff
        out += struct.pack("<128I", *[(base ^ i) for i in range(128)])
    return bytes(out)


def written(rounds):
    """The ranges ahci-disk.c writes: first 8, last 8, 150 from 1000, and with
    "restart" 128 sectors a round from 4000."""
    return [(0, 8), (SECTORS - 8, 8), (1000, 150)] + [(4000 + 128 * r, 128)
                                                      for r in range(rounds)]


def image_holds(name, seed, rounds=0):
    """A check: the image has the client's patterns and zeros elsewhere; then
    the image is made fresh for the next run."""
    def check(log):
        try:
            with open(image(name), "rb") as f:
                data = f.read()
        finally:
            fresh(name)
        ranges = written(rounds)
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
    """A check: every one runs (each image_holds makes its image fresh), the
    first failure's reason is the answer."""
    def check(log):
        whys = [c(log) for c in checks]
        return next((w for w in whys if w), None)
    return check


def disk(name, drive_id, bus, extra=""):
    return ["-drive", "if=none,id=%s,format=raw,file=%s%s" % (drive_id, made(name), extra),
            "-device", "ide-hd,drive=%s,bus=%s" % (drive_id, bus)]


def client_ok(prog, dev):
    return [says(prog, r"ahci-disk: %s: 131072 sectors of 512 bytes, max 512 per request$" % dev),
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
         check=all_of(contains(says("ahci.atxf", r"%s-p0: port 0: first transfer by DMA "
                                               r"straight to the client's buffer \(\d+ PRDs\)$"
                                   % ICH9_DISK)),
                      image_holds("ich9", 7)),
         forbid=FORBID + [r"bounce buffer"], exit=0, timeout=300),
]

# Two controllers: ICH9 with disks on ports 0 and 3 (ports 1, 2, 4, 5
# empty), and -device ahci in slot 0x12 with one on its port 1; a client
# per disk, all three at once.
AHCI_DEV = r"ahci\.00-12\.0"
TWO = (disk("p0", "d0", "ide.0") + disk("p3", "d3", "ide.3") +
       ["-device", "ahci,id=ahci1,addr=0x12"] + disk("x1", "x1", "ahci1.1"))
SCENARIOS += [
    dict(name="ahci-ports",
         what="ahci on two controllers (ICH9 ports 0 and 3, -device ahci port 1): each "
              "disk its own block device, three clients at once, empty ports skipped; "
              "each image holds its own client's patterns only",
         programs=[DEVMGR, DRIVER, "disk-a.atxf=ahci-disk.atxf", "disk-b.atxf=ahci-disk.atxf",
                   "disk-c.atxf=ahci-disk.atxf", "sleeper.atxf"],
         qemu_args=TWO,
         cfg=["start devmgr.atxf with root bootfs",
              "start disk-a.atxf ahci-00-1f-2-p0 11",
              "start disk-b.atxf ahci-00-1f-2-p3 12 queue",
              "start disk-c.atxf ahci-00-12-0-p1 13 queue"],
         expect=[says("ahci.atxf", r"%s: 1 disks$" % AHCI_DEV)],
         check=all_of(*([lambda log, d=d: None if re.search(d, log, re.M) else "missing: " + d
                         for d in [port_up(ICH9_DISK, 0), port_up(ICH9_DISK, 3),
                                   port_up("ahci-00-12-0", 1),
                                   says("ahci.atxf", r"%s: 2 disks$" % ICH9)] +
                         client_ok("disk-a.atxf", "ahci-00-1f-2-p0") +
                         client_ok("disk-b.atxf", "ahci-00-1f-2-p3") +
                         client_ok("disk-c.atxf", "ahci-00-12-0-p1")] +
                        [image_holds("p0", 11), image_holds("p3", 12), image_holds("x1", 13)])),
         forbid=FORBID, exit=None, timeout=300,
         stop_at=[p[1:] for p in client_ok("disk-a.atxf", "ahci-00-1f-2-p0")[1:] +
                  client_ok("disk-b.atxf", "ahci-00-1f-2-p3")[1:] +
                  client_ok("disk-c.atxf", "ahci-00-12-0-p1")[1:]]),
]

# Port error recovery: blkdebug fails every read that covers sector 2000
# with EIO. The queued read fails (TFES, an SDB FIS with ERR), the port is
# reset and the read runs again alone as READ DMA EXT, fails again (TFES,
# a D2H FIS with ERR), and only it ends with EIO; the port then serves
# everything else. Then 64 queued reads, one of them of the bad sector:
# it alone fails, the ones in flight beside it are run again alone and
# succeed. (QEMU needs no COMRESET to go on after an error, so what this
# shows is which requests fail; test_ahci checks the reset itself.)
BAD = 2000
FAULTY = ["-drive", "if=none,id=d0,format=raw,file.driver=blkdebug,"
          "file.image.filename=%s,file.inject-error.0.event=read_aio,"
          "file.inject-error.0.sector=%d,file.inject-error.0.errno=5" % (made("bad"), BAD),
          "-device", "ide-hd,drive=d0,bus=ide.0"]
RECOVERED = (r"ahci-00-1f-2-p0: port 0: %s \(status 0x[0-9a-f]+ DRDY.* ERR, error 0x[0-9a-f]+"
             r".*\): COMRESET done, port restarted, %d commands again$")
SCENARIOS += [
    dict(name="ahci-port-error",
         what="ahci recovers a port from a failed read (blkdebug EIO): COMRESET, the "
              "read retried alone fails with EIO, everything else succeeds",
         programs=[DEVMGR, DRIVER, "ahci-disk.atxf"],
         qemu_args=FAULTY,
         cfg=["start devmgr.atxf with root bootfs",
              "start ahci-disk.atxf ahci-00-1f-2-p0 21 bad %d queue" % BAD,
              "exit-with ahci-disk.atxf"],
         expect=[port_up(ICH9_DISK, 0),
                 says("ahci.atxf", RECOVERED % ("task file error", 1)),
                 says("ahci.atxf", RECOVERED % ("task file error", 0)),
                 says("ahci-disk.atxf", r"ahci-disk: ahci-00-1f-2-p0: sector %d: EIO as "
                                        r"expected$" % BAD),
                 says("ahci-disk.atxf", r"ahci-disk: ahci-00-1f-2-p0: 63 queued reads right "
                                        r"and the one of sector %d EIO, up to 64 in flight$"
                      % BAD)] +
                client_ok("ahci-disk.atxf", r"ahci-00-1f-2-p0")[1:] +
                [exited("ahci-disk.atxf", 0)],
         check=image_holds("bad", 21),
         forbid=FORBID, exit=0, timeout=300),
]

# Restarts lose nothing: devmgr KILLs the driver (as a crash) in the middle
# of each of three rounds of writes; the client library resubmits the write
# in hand to the next generation, which resets the HBA and finds the disk
# again, and a round whose flush says writes may be lost is written again.
# Every flushed write is on the image.
KILLS = 3
SCENARIOS += [
    dict(name="ahci-restart",
         what="ahci killed three times in the middle of streams of writes with flushes: "
              "each restart finds the disk again and every flushed write is on the image",
         programs=[DEVMGR, DRIVER, "ahci-disk.atxf"],
         qemu_args=disk("restart", "d0", "ide.0"),
         cfg=["start devmgr.atxf with root bootfs",
              "start ahci-disk.atxf ahci-00-1f-2-p0 31 restart %d ahci.00-1f.2" % KILLS,
              "exit-with ahci-disk.atxf"],
         expect=[says("ahci-disk.atxf", r"ahci-disk: ahci-00-1f-2-p0: killed pid \d+ "
                                        r"\(kill %d of %d\)$" % (k, KILLS))
                 for k in range(1, KILLS + 1)] +
                [says("ahci-disk.atxf", r"ahci-disk: ahci-00-1f-2-p0: %d rounds flushed across "
                                        r"%d reconnects, \d+ rounds written again$"
                      % (KILLS, KILLS))] +
                client_ok("ahci-disk.atxf", r"ahci-00-1f-2-p0")[1:] +
                [exited("ahci-disk.atxf", 0)],
         check=all_of(image_holds("restart", 31, KILLS),
                      contains(*[devmgr_says(r"started ahci \(ahci\.00-1f\.2\) on 00:1f\.2 "
                                             r"pid \d+ generation %d " % g)
                                 for g in range(KILLS + 1)])),
         forbid=FORBID, exit=0, timeout=300),
]
