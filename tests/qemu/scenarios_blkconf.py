"""The block conformance suite, the same client (tests/qemu/progs/blkconf.c)
against every block driver: one line per driver in DRIVES. Each disk is a
raw image the host fills with a known background first
(tests/qemu/blkimage.py); after QEMU exits the host checks every byte of
it: each write a client reported is there, byte for byte, and nothing
else changed.

  blkconf-NAME         INFO; patterns at the first and last sectors; a write
                       crossing max_sectors; out-of-range, unaligned and
                       malformed requests each refused with its error while
                       the driver stays up; flush
  blkconf-NAME-queue   two clients at once, each with 64 requests in flight
                       on its own request ring
  blkconf-NAME-ro      a read-only disk: reads work, writes refused (EPERM)
  blkconf-NAME-fuzz    a hostile client: 10,000 requests from a seeded PRNG
                       (tests/qemu/progs/blkfuzz.c; a fresh seed each run of
                       the harness, printed; BLKCONF_SEED=N replays one):
                       each refused one gets its error, the driver stays the
                       same process, and the image holds exactly the valid
                       writes
"""
import os
import random

import blkimage
from scenarios import DEVMGR, NO_PANIC, devmgr_says, exited, says

IMAGES = os.path.join("build", "tests", "qemu")
IMAGE_BYTES = 16 << 20

# One entry per driver: its QEMU arguments over drive id "d0" (the drive
# itself is added by the scenario: qemu_disk), the driver's archive entry,
# the block device a client opens (blkconf waits for the name to appear:
# the driver registers it once its probe found the disk) and whether the
# ro case runs. Read-only, QEMU 7.2: virtio-blk offers VIRTIO_BLK_F_RO on a
# readonly=on drive. ide-hd (ahci, ata) refuses one outright ("Block node
# is read-only", hw/ide/qdev.c). nvme-ns accepts one, but its IDENTIFY
# NAMESPACE says nothing of it (hw/nvme/ns.c sets no write-protect
# attribute), so no driver can report it in INFO before a write fails:
# no ro case there either.
DRIVES = [
    dict(name="virtio-blk", driver="virtio-blk", disk="virtio-blk.00-12.0", ro=True,
         qemu=["-device", "virtio-blk-pci,drive=d0,disable-legacy=on,addr=0x12"]),
    # One namespace: the controller's own device is namespace 1.
    dict(name="nvme", driver="nvme", disk="nvme.00-14.0", ro=False,
         qemu=["-device", "nvme,serial=atxf-conf,id=nvme0,addr=0x14",
               "-device", "nvme-ns,drive=d0,bus=nvme0,nsid=1"]),
    # q35's own ICH9 AHCI (00:1f.2), port 0.
    dict(name="ahci", driver="ahci", disk="ahci-00-1f-2-p0", ro=False,
         qemu=["-device", "ide-hd,drive=d0,bus=ide.0"]),
    # PIIX3 IDE of the pc machine, primary master; no NIC (pc's default e1000).
    dict(name="ata", driver="ata", disk="ata0", ro=False,
         qemu=["-machine", "pc", "-nic", "none", "-device", "ide-hd,drive=d0,bus=ide.0"]),
]


def image_path(scenario):
    return os.path.join(IMAGES, scenario + ".img")


def qemu_disk(drive, img, readonly=False):
    return ["-drive", "file=%s,if=none,id=d0,format=raw,cache=writeback%s" %
            (img, ",readonly=on" if readonly else "")] + drive["qemu"]


def prepare_image(img):
    def prepare():
        os.makedirs(IMAGES, exist_ok=True)
        blkimage.make(img, IMAGE_BYTES)
    return prepare


def image_check(img, least):
    """A check: the log says blkconf passed, and the image holds exactly what
    the clients wrote on the background (at least `least` writes)."""
    def check(log):
        writes = blkimage.writes_in(log)
        if len(writes) < least:
            return "only %d writes reported, not %d" % (len(writes), least)
        return blkimage.check(img, writes)
    return check


FORBID = NO_PANIC + [r"FAIL", r"^fault: ", r"did not start", r"device error"]


def driver_entry(drive):
    return "%s.atxf=../drivers/%s.atxf" % (drive["driver"], drive["driver"])


def conf(drive):
    name = "blkconf-%s" % drive["name"]
    img = image_path(name)
    return dict(
        name=name,
        what="%s passes the block conformance suite (INFO, first and last sectors, a "
             "write crossing max_sectors, bad requests refused, flush); the image holds "
             "exactly what was written" % drive["name"],
        programs=[DEVMGR, driver_entry(drive), "blkconf.atxf"],
        qemu_args=qemu_disk(drive, img), prepare=prepare_image(img),
        cfg=["start devmgr.atxf with root bootfs",
             "start blkconf.atxf conf %s" % drive["disk"], "exit-with blkconf.atxf"],
        expect=[says("blkconf.atxf", r"blkconf: OK first sectors$"),
                says("blkconf.atxf", r"blkconf: OK last sectors$"),
                says("blkconf.atxf", r"blkconf: OK write crossing max_sectors$"),
                says("blkconf.atxf", r"blkconf: OK flush$"),
                says("blkconf.atxf", r"blkconf: conf done, 0 failed$"),
                exited("blkconf.atxf", 0)],
        check=image_check(img, 3), forbid=FORBID, exit=0, timeout=300)


def queue(drive):
    name = "blkconf-%s-queue" % drive["name"]
    img = image_path(name)
    done = [r"blkconf-%s\.atxf\[\d+\]: blkconf: OK queue$" % c for c in "ab"]
    return dict(
        name=name,
        what="%s serves two clients at once, each with 64 requests in flight on its "
             "own ring; every write on the image, nothing else changed" % drive["name"],
        programs=[DEVMGR, driver_entry(drive), "blkconf-a.atxf=blkconf.atxf",
                  "blkconf-b.atxf=blkconf.atxf"],
        qemu_args=qemu_disk(drive, img), prepare=prepare_image(img),
        cfg=["start devmgr.atxf with root bootfs",
             "start blkconf-a.atxf queue %s 1" % drive["disk"],
             "start blkconf-b.atxf queue %s 2" % drive["disk"]],
        expect=[says("blkconf-a.atxf", r"blkconf: queue tag 1: 256 requests, at most 64 "
                                       r"in flight$")],
        check=image_check(img, 256), forbid=FORBID, exit=None, stop_at=done,
        timeout=300)


def read_only(drive):
    name = "blkconf-%s-ro" % drive["name"]
    img = image_path(name)
    return dict(
        name=name,
        what="%s on a read-only disk: INFO says so, reads work, writes are refused "
             "with EPERM and the image is unchanged" % drive["name"],
        programs=[DEVMGR, driver_entry(drive), "blkconf.atxf"],
        qemu_args=qemu_disk(drive, img, readonly=True), prepare=prepare_image(img),
        cfg=["start devmgr.atxf with root bootfs",
             "start blkconf.atxf ro %s" % drive["disk"], "exit-with blkconf.atxf"],
        expect=[says("blkconf.atxf", r"blkconf: OK ro write refused$"),
                says("blkconf.atxf", r"blkconf: OK ro library write refused$"),
                exited("blkconf.atxf", 0)],
        check=image_check(img, 0), forbid=FORBID, exit=0, timeout=300)


def fuzz(drive):
    name = "blkconf-%s-fuzz" % drive["name"]
    img = image_path(name)
    seed = int(os.environ.get("BLKCONF_SEED", "0")) or random.getrandbits(63) or 1
    return dict(
        name=name,
        what="%s under a hostile client: 10,000 random requests (past the end, count 0, "
             "huge counts, short and unaligned buffers, malformed, on a revoked buffer) "
             "among valid tagged writes; every refusal its error, the driver never "
             "restarted, the image holds exactly the valid writes" % drive["name"],
        programs=[DEVMGR, driver_entry(drive), "blkconf.atxf"],
        qemu_args=qemu_disk(drive, img), prepare=prepare_image(img),
        cfg=["start devmgr.atxf with root bootfs",
             "start blkconf.atxf fuzz %s %d" % (drive["disk"], seed),
             "exit-with blkconf.atxf"],
        expect=[says("blkconf.atxf", r"blkconf: fuzz seed \d+, 10000 requests$"),
                says("blkconf.atxf", r"blkconf: OK fuzz$"), exited("blkconf.atxf", 0)],
        check=image_check(img, 1000),
        forbid=FORBID + [r"restarting %s" % drive["driver"], r"ended with status"],
        exit=0, timeout=300)


SCENARIOS = [make(d) for d in DRIVES for make in (conf, queue, read_only, fuzz)
             if make is not read_only or d["ro"]]
