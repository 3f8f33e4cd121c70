"""Disks and their partitions, lsblk and blkcheck: devmgr names each
disk (services/devmgr/disks.c), the part driver reads its table
(drivers/lib/part, drivers/storage/part) and serves each partition as a
block device DISKpN; the shell's lsblk lists them and blkcheck reads one
end to end (services/console/shell_blk.c).

Every disk is an image file laid out on the host by sfdisk (the fdisk
package, scripts/deps) before each run, on QEMU's virtio-blk-pci. What the
guest reports is checked against what sfdisk itself says of the image
(`sfdisk -J`), and a write through vblk0p2 (tests/qemu/progs/part-write.c)
is checked on the image after the run: inside partition 2 exactly where it
was asked to go, and not one other byte of the disk changed.
"""
import json
import os
import random
import re
import subprocess

from scenarios import DEVMGR, NO_PANIC, exited, says

DISK_DIR = "build/tests/qemu/disks"
SECTOR = 512
DISK_SECTORS = 16384                    # 8 MiB
WRITE_RUN = 8                           # part-write's sectors at each end

GPT_SCRIPT = ("label: gpt\n"
              "start=2048, size=4096, type=U\n"
              "start=6144, size=8192, type=L\n")
MBR_SCRIPT = ("label: dos\n"
              "{img}1 : start=2048, size=2048, type=83\n"
              "{img}2 : start=4096, size=10240, type=5\n"
              "{img}5 : start=4160, size=4096, type=83\n"
              "{img}6 : start=8320, size=2048, type=82\n")


def image(name):
    return os.path.join(DISK_DIR, name + ".img")


def sfdisk_image(path, script):
    """A blank 8 MiB image with the table script describes, and a copy of it
    as it was (.orig) for the host checks."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.truncate(DISK_SECTORS * SECTOR)
    subprocess.run(["sfdisk", "-q", "--no-reread", "--no-tell-kernel", path],
                   input=script.format(img=path).encode(), check=True,
                   stdout=subprocess.DEVNULL)
    with open(path, "rb") as f, open(path + ".orig", "wb") as g:
        g.write(f.read())


def sfdisk_says(path):
    """[(number, start, sectors, type)] as sfdisk reads the image."""
    table = json.loads(subprocess.run(["sfdisk", "-J", path], check=True,
                                      capture_output=True).stdout)["partitiontable"]
    parts = []
    for p in table["partitions"]:
        number = int(re.search(r"(\d+)$", p["node"]).group(1))
        parts.append((number, p["start"], p["size"], p["type"]))
    return table["label"], parts


def flip_primary_gpt_byte(path):
    """The primary GPT header's disk GUID changed, its CRC32 not: corrupt."""
    with open(path, "r+b") as f:
        f.seek(SECTOR + 0x40)
        b = f.read(1)
        f.seek(SECTOR + 0x40)
        f.write(bytes([b[0] ^ 0xff]))


def garbage_table(path):
    """Sector 0 full of noise that ends in 0x55aa: it looks like an MBR and is none."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    noise = bytearray(random.Random(13).randbytes(SECTOR))
    noise[446] = 0x3c                   # entry 1's status byte: neither 0x00 nor 0x80
    noise[510:512] = b"\x55\xaa"
    with open(path, "wb") as f:
        f.truncate(DISK_SECTORS * SECTOR)
        f.write(noise)
    with open(path, "rb") as f, open(path + ".orig", "wb") as g:
        g.write(f.read())


def disk_args(path):
    return ["-drive", "file=%s,if=none,id=disk0,format=raw" % path,
            "-device", "virtio-blk-pci,drive=disk0,disable-legacy=on"]


def part_says(text):
    return says("part.atxf", r"part\.00-\S+/vblk0: vblk0: " + text)


def lsblk_row(name, driver, sectors, start, type_):
    size = sectors * SECTOR
    human = "%d.%dM" % (size // 2**20, (size % 2**20) * 10 // 2**20)
    return r"^%s +%s +%s +%d +512 +%d +%s$" % (re.escape(name), re.escape(driver),
                                              re.escape(human), sectors, start,
                                              re.escape(type_))


def rows_match_sfdisk(path, types):
    """The log's lsblk rows for vblk0pN say what sfdisk says of partition N
    (start and size), with the type lsblk names it by (types[N])."""
    def check(log):
        label, parts = sfdisk_says(path)
        for number, start, sectors, _ in parts:
            if number not in types:
                continue            # the extended container: no block device
            row = lsblk_row("vblk0p%d" % number, "part", sectors, start, types[number])
            if not re.search(row, log, re.M):
                return "no lsblk row for vblk0p%d as sfdisk has it (%s)" % (number, row)
        return None
    return check


# Shell steps: when both the console and the part driver are ready (either
# comes first), lsblk, then blkcheck DEV.
READY = (r"console\.atxf\[\d+\]: console: ready: |"
         r"part\.atxf\[\d+\]: part\.\S+: vblk0: (\d+ partitions served|table refused|no partition)")


def shell_steps(dev):
    return [(READY, []),
            (READY, [("sleep", (0.3,)), ("serial", ("lsblk\r",))]),
            (r"^NAME +DRIVER", [("sleep", (1.0,)), ("serial", ("blkcheck %s\r" % dev,))])]


def blkcheck_ok(dev, sectors):
    return r"^blkcheck %s: OK: %d sectors of 512 bytes read" % (re.escape(dev), sectors)


DISK_FORBID = NO_PANIC + [r"FAIL", r"ended with status", r"unknown command"]


def shell_disk(name, what, prepare, path, expect, check=None, dev="vblk0p2", sectors=8192):
    return dict(name=name, what=what, initrd="reference", console=True,
                prepare=prepare, qemu_args=disk_args(path), qmp=shell_steps(dev),
                expect=expect + [blkcheck_ok(dev, sectors)], check=check,
                forbid=DISK_FORBID, exit=None, stop_at=[blkcheck_ok(dev, sectors)],
                timeout=120)


def write_landed_in_p2(path):
    """After part-write: partition 2's first and last WRITE_RUN sectors hold its
    pattern, and every other byte of the disk is as sfdisk left it."""
    def check(log):
        _, parts = sfdisk_says(path + ".orig")
        start, sectors = [(s, n) for num, s, n, _ in parts if num == 2][0]
        with open(path, "rb") as f:
            now = bytearray(f.read())
        with open(path + ".orig", "rb") as f:
            want = bytearray(f.read())
        for first in (0, sectors - WRITE_RUN):
            for s in range(first, first + WRITE_RUN):
                at = (start + s) * SECTOR
                want[at:at + SECTOR] = bytes(((s * 31 + j * 7 + 0x5a) & 0xff)
                                             for j in range(SECTOR))
        if now == want:
            return None
        bad = next(i for i in range(len(now)) if now[i] != want[i])
        return "the image differs from what was written at byte %d (sector %d)" % (
            bad, bad // SECTOR)
    return check


GPT_IMG, MBR_IMG = image("disks-gpt"), image("disks-mbr")
BACKUP_IMG, GARBAGE_IMG, WRITE_IMG = (image("disks-gpt-backup"), image("disks-garbage"),
                                     image("disks-write-p2"))

SCENARIOS = [
    shell_disk("disks-gpt-lsblk",
               "a GPT disk sfdisk made shows vblk0 and its 2 partitions in lsblk with "
               "sfdisk's starts and sizes and their types; blkcheck reads vblk0p2 end to end",
               lambda: sfdisk_image(GPT_IMG, GPT_SCRIPT), GPT_IMG,
               [part_says(r"GPT, 2 partitions$"), part_says(r"2 partitions served$"),
                lsblk_row("vblk0", "virtio-blk", DISK_SECTORS, 0, "disk")],
               check=rows_match_sfdisk(GPT_IMG, {1: "efi", 2: "linux"})),
    shell_disk("disks-mbr-lsblk",
               "an MBR disk sfdisk made with a primary and two logicals in an extended "
               "partition shows vblk0p1, vblk0p5 and vblk0p6 in lsblk as sfdisk has them",
               lambda: sfdisk_image(MBR_IMG, MBR_SCRIPT), MBR_IMG,
               [part_says(r"MBR, 3 partitions$"), part_says(r"3 partitions served$")],
               check=rows_match_sfdisk(MBR_IMG, {1: "0x83", 5: "0x83", 6: "0x82"}),
               dev="vblk0p5", sectors=4096),
    shell_disk("disks-gpt-backup",
               "a GPT disk whose primary header is corrupt (CRC32): the part driver says "
               "why and serves the partitions of the backup header, as sfdisk has them",
               lambda: (sfdisk_image(BACKUP_IMG, GPT_SCRIPT),
                        flip_primary_gpt_byte(BACKUP_IMG)), BACKUP_IMG,
               [part_says(r"primary GPT refused: header CRC32 0x[0-9a-f]{8} does not match "
                          r"its contents; using the backup at LBA %d$" % (DISK_SECTORS - 1)),
                part_says(r"GPT, 2 partitions$")],
               check=rows_match_sfdisk(BACKUP_IMG + ".orig", {1: "efi", 2: "linux"})),
    shell_disk("disks-garbage-refused",
               "a sector 0 of noise ending in 0x55aa is refused with the reason; no "
               "partitions; lsblk shows vblk0 alone and blkcheck reads the raw disk",
               lambda: garbage_table(GARBAGE_IMG), GARBAGE_IMG,
               [part_says(r"table refused: MBR entry 1: status byte 0x3c is neither 0x00 nor "
                          r"0x80 \(not a partition table\); no partitions, the disk stays "
                          r"usable whole$"),
                lsblk_row("vblk0", "virtio-blk", DISK_SECTORS, 0, "disk")],
               dev="vblk0", sectors=DISK_SECTORS),
    dict(name="disks-write-p2",
         what="writes through vblk0p2 at its first and last sectors land there on the image "
              "and change no other byte of the disk; requests past its end get ERANGE",
         prepare=lambda: sfdisk_image(WRITE_IMG, GPT_SCRIPT), qemu_args=disk_args(WRITE_IMG),
         programs=[DEVMGR, "virtio-blk.atxf=../drivers/virtio-blk.atxf",
                   "part.atxf=../drivers/part.atxf", "part-write.atxf"],
         cfg=["start devmgr.atxf with root bootfs", "start part-write.atxf vblk0p2",
              "exit-with part-write.atxf"],
         expect=[r"^part-write: vblk0p2: wrote sectors 0-7 and 8184-8191 of 8192, read back "
                 r"right$",
                 r"^part-write: vblk0p2: 3 requests past the end refused with ERANGE$",
                 exited("part-write.atxf", 0)],
         output=[r"^part-write: "], check=write_landed_in_p2(WRITE_IMG),
         forbid=DISK_FORBID, exit=0, timeout=120),
]
