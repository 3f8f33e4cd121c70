"""ata: ATA PIO on the legacy IDE channels of QEMU's PIIX3 IDE (`-machine
pc`, 00:01.1, prog-if 0x80: both channels in compatibility mode). devmgr
grants the function its channels' ISA ports and IRQs 14 and 15
(services/devmgr/ide_compat.c) and starts drivers/storage/ata on it; the
driver resets each channel, tells disks from packet devices by their
signature, IDENTIFYs the disks and serves each as a block device named by
its position: ata0 primary master .. ata3 secondary slave.

tests/qemu/progs/ata-disks.c checks each disk's size through INFO, writes a
pattern at its first and last sectors and a 300-sector run (two commands),
flushes, reads back and compares. After QEMU ends, the image files are
checked here byte for byte: the pattern where it was written, zeros in the
sectors around it.
"""
import os

from scenarios import DEVMGR, NO_PANIC, contains, devmgr_says, exited, says

IMAGES = "build/tests/qemu/ata"
PROGRAMS = [DEVMGR, "ata.atxf=../drivers/ata.atxf", "ata-disks.atxf"]
SECTOR = 512
RUN = 300                       # ata-disks.c's run, from sector 1
DRIVER = "ata.atxf"
INSTANCE = r"ata\.00-01\.1"
POSITIONS = ["primary master", "primary slave", "secondary master", "secondary slave"]

# (position, sectors): ata1 is past LBA28's 2^28 sectors (sparse), so its
# last sector takes READ/WRITE SECTORS EXT; ata3's count is odd.
FOUR_DISKS = [(0, 131072), (1, 419430400), (2, 98304), (3, 32775)]


def image(scenario, pos):
    return os.path.join(IMAGES, "%s-%d.img" % (scenario, pos))


def make_images(scenario, disks):
    """A prepare hook: fresh sparse images, all zeros."""
    def prepare():
        os.makedirs(IMAGES, exist_ok=True)
        for pos, sectors in disks:
            with open(image(scenario, pos), "wb") as f:
                f.truncate(sectors * SECTOR)
    return prepare


def drive_args(scenario, disks, cdroms=()):
    args = ["-machine", "pc", "-nic", "none"]
    for pos, _ in disks:
        args += ["-drive", "file=%s,format=raw,if=ide,index=%d" % (image(scenario, pos), pos)]
    for pos in cdroms:
        args += ["-drive", "if=ide,index=%d,media=cdrom" % pos]
    return args


def pattern(disk, sector):
    """ata_pattern.h's sector."""
    b = bytearray((sector * 7 + j * 13 + disk * 101) & 0xff for j in range(SECTOR))
    head = ("ata%d sector %d\n" % (disk, sector)).encode()
    b[:len(head)] = head
    return bytes(b)


def image_check(scenario, disks):
    """The pattern at sectors 0, 1..RUN and the last; zeros right after the
    run and right before the last sector (nothing written elsewhere)."""
    def check(log):
        for pos, sectors in disks:
            with open(image(scenario, pos), "rb") as f:
                def at(s, n=1):
                    f.seek(s * SECTOR)
                    return f.read(n * SECTOR)
                want = {0: pattern(pos, 0), sectors - 1: pattern(pos, sectors - 1)}
                want.update((s, pattern(pos, s)) for s in range(1, RUN + 1))
                for s, data in want.items():
                    if at(s) != data:
                        return "ata%d: sector %d on the image is not the pattern" % (pos, s)
                for s in (RUN + 1, RUN + 2, sectors - 2):
                    if at(s) != bytes(SECTOR):
                        return "ata%d: sector %d was written, and nothing asked for it" % (pos, s)
        return None
    return check


def disk_found(pos, sectors, lba48):
    return says(DRIVER, r"%s: ata%d: %s: ATA disk \"QEMU HARDDISK\", %d sectors \(%d MiB\), "
                r"%s, FLUSH CACHE%s$" % (INSTANCE, pos, POSITIONS[pos], sectors, sectors // 2048,
                                         "LBA48" if lba48 else "LBA28", " EXT" if lba48 else ""))


def disks_ok(disks):
    lines = []
    for pos, sectors in disks:
        lines += [says("ata-disks.atxf", r"ata-disks: ata%d: %d sectors of 512 bytes: OK$"
                       % (pos, sectors)),
                  says("ata-disks.atxf", r"ata-disks: ata%d: first, last and %d sectors "
                       r"written, flushed, read back: OK$" % (pos, RUN))]
    return lines


COMPAT_LINE = devmgr_says(r"device 00:01\.1 pci 8086:7010 class 01:01:80 bar4 io 0x[0-9a-f]+\+0x10 "
                          r"legacy ports 0x1f0-0x1f7 0x3f6-0x3f6 0x170-0x177 0x376-0x376 "
                          r"irq 14 15$")
STARTED = devmgr_says(r"started ata \(%s\) on 00:01\.1 pid \d+ generation 0 with 6 "
                      r"capabilities$" % INSTANCE)
IRQ_LINES = [r"^irq: ata\.atxf pid \d+ handles line 0xe \(vector 0x[0-9a-f]+, edge\)$",
             r"^irq: ata\.atxf pid \d+ handles line 0xf \(vector 0x[0-9a-f]+, edge\)$"]


def ata_scenario(name, what, disks, cdroms=(), refused=(), kill=False, also=()):
    args = ("kill " if kill else "") + " ".join("ata%d:%d" % d for d in disks)
    # QEMU's pc machine believes every IDE disk speaks LBA48 (hw/ide/core.c,
    # ide_identify), so the driver uses EXT commands past 2^28 sectors only.
    found = [disk_found(pos, sectors, True) for pos, sectors in disks]
    refusals = [says(DRIVER, r"%s: %s: ATAPI device \(signature 0xeb14\) refused: packet "
                     r"devices \(CD/DVD\) are not served by ata$" % (INSTANCE, POSITIONS[pos]))
                for pos in refused]
    return dict(name=name, what=what, programs=PROGRAMS, prepare=make_images(name, disks),
                qemu_args=drive_args(name, disks, cdroms),
                cfg=["start devmgr.atxf with root bootfs", "start ata-disks.atxf " + args,
                     "exit-with ata-disks.atxf"],
                expect=[COMPAT_LINE, STARTED] +
                       [says(DRIVER, r"%s: %d disks? on the legacy channels \(IRQ 14 and 15\)$"
                             % (INSTANCE, len(disks)))] +
                       disks_ok(disks) + [exited("ata-disks.atxf", 0)],
                check=lambda log, c=contains(*(found + refusals + IRQ_LINES + list(also))),
                i=image_check(name, disks): c(log) or i(log),
                forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"failed: ", r"refused ata "] +
                       ([] if kill else [r"ended with status"]),
                exit=0, timeout=300)


SCENARIOS = [
    ata_scenario("ata-four-disks",
                 "ATA PIO: four disks (primary and secondary, master and slave) found with "
                 "their sizes, LBA28 and LBA48 (a 200 GiB disk's last sector), each written, "
                 "flushed and read back; the images hold exactly what was written",
                 FOUR_DISKS),
    # CD-ROMs as primary slave (beside a disk: its signature must be read
    # before the disk's IDENTIFY overwrites the task file) and secondary
    # master are refused; the disks beside them are served.
    ata_scenario("ata-cdrom-refused",
                 "ATA PIO: ATAPI CD-ROMs (primary slave, secondary master) are refused with a "
                 "line saying so; the disks beside them are served",
                 [(0, 65536), (3, 40960)], cdroms=(1, 2), refused=(1, 2)),
    # The driver killed (as a crash) once per disk, 3 ms into a 300-sector
    # write (two PIO commands): devmgr restarts it, the client library
    # reconnects and sends what was in flight again, and every flushed
    # write is on the image.
    ata_scenario("ata-restart",
                 "ATA PIO: killed twice in the middle of a client's writes, the driver comes "
                 "back (a new generation resets the channels and finds the disks again); the "
                 "client resubmits, and every flushed write is on the images",
                 [(0, 65536), (2, 32768)], kill=True,
                 also=[devmgr_says(r"ata \(%s\) pid \d+ ended with status 137 " % INSTANCE),
                       devmgr_says(r"restarting ata \(%s\) generation 1" % INSTANCE),
                       devmgr_says(r"restarting ata \(%s\) generation 2" % INSTANCE),
                       says("ata-disks.atxf", r"ata-disks: ata0: killed the driver, pid \d+$"),
                       says("ata-disks.atxf", r"ata-disks: ata2: killed the driver, pid \d+$"),
                       says("ata-disks.atxf", r"ata-disks: ata0: 1 reconnects, \d+ requests "
                            r"sent again$"),
                       says("ata-disks.atxf", r"ata-disks: ata2: 1 reconnects, \d+ requests "
                            r"sent again$")]),
]
