"""nvme: the NVMe driver (drivers/storage/nvme) on QEMU's -device nvme with
two -device nvme-ns namespaces of different sizes and block sizes (512 and
4096 bytes): each shows as its own block device with its size, and a
client (tests/qemu/progs/nvme-disks.c) writes patterns to the first and
last sectors and one 512 KiB transfer (128 pages: the command needs a PRP
list, built from the bus addresses of the client's own buffer), flushes, reads them back, and reads 64 sectors in flight at once
through a request ring. After QEMU ends the host finds every pattern on
the image files, and nothing else written.
"""
import os
import struct

from scenarios import DEVMGR, NO_PANIC, exited, says

LOG_DIR = "build/tests/qemu"
DRIVER = "nvme.atxf=../drivers/nvme.atxf"
XFER = 524288                   # drivers/storage/nvme/nvme_io.h NVME_XFER


def nvme_says(instance, text):
    return says("nvme.atxf", r"%s: %s" % (instance.replace(".", r"\."), text))


def disks_says(text):
    return says("nvme-disks.atxf", r"nvme-disks: " + text)


def image(name):
    return os.path.join(LOG_DIR, name + ".img")


def make_images(disks):
    """disks: (file name, bytes); each a fresh sparse zero image."""
    def prepare():
        os.makedirs(LOG_DIR, exist_ok=True)
        for name, size in disks:
            with open(image(name), "wb") as f:
                f.truncate(size)
    return prepare


def pattern(k, offset, length):
    """tests/qemu/progs/nvme_pattern.h's words for disk k at offset."""
    words = [((((offset + i) // 4) * 2654435761) ^ ((k + 1) * 0x9e3779b9) ^ 0x4e564d45)
             & 0xffffffff for i in range(0, length, 4)]
    return struct.pack("<%dI" % len(words), *words)


def written(size, ss):
    """The ranges nvme-disks writes on a disk of size bytes, sectors of ss."""
    m = XFER // ss
    return [(0, ss), (size - ss, ss), (m * ss, m * ss)]


def images_hold(disks):
    """A check: each image holds its disk's patterns where they were written
    and zeros everywhere else."""
    def check(log):
        for k, (name, size, ss) in enumerate(disks):
            with open(image(name), "rb") as f:
                data = f.read()
            if len(data) != size:
                return "%s: %d bytes, not %d" % (name, len(data), size)
            rest = bytearray(data)
            for off, length in written(size, ss):
                if data[off:off + length] != pattern(k, off, length):
                    return "%s: the pattern is not at bytes %d..%d" % (name, off, off + length)
                rest[off:off + length] = bytes(length)
            if any(rest):
                first = next(i for i, b in enumerate(rest) if b)
                return "%s: byte %d written, outside what was written" % (name, first)
        return None
    return check


def drive(name, ident):
    return ["-drive", "file=%s,if=none,id=%s,format=raw" % (image(name), ident)]


# Namespace 1: 4 MiB of 512-byte blocks; namespace 2: 8 MiB of 4096-byte ones.
TWO_NS = [("nvme-ns1", 4 << 20, 512), ("nvme-ns2", 8 << 20, 4096)]
TWO_NS_ARGS = (drive("nvme-ns1", "nvd1") + drive("nvme-ns2", "nvd2") +
               ["-device", "nvme,serial=atxf-nvme,id=nvme0,addr=0x14",
                "-device", "nvme-ns,drive=nvd1,bus=nvme0,nsid=1",
                "-device", "nvme-ns,drive=nvd2,bus=nvme0,nsid=2,logical_block_size=4096,"
                           "physical_block_size=4096"])
CTRL = "nvme.00-14.0"
NS2 = "nvme-00-14-0-ns2"         # the second namespace's own device

SCENARIOS = [
    dict(name="nvme-two-namespaces",
         what="nvme: two namespaces (4 MiB of 512-byte and 8 MiB of 4096-byte blocks) are two "
              "block devices with their sizes; patterns written (a 512 KiB transfer through a "
              "PRP list), flushed, read back, 64 reads in flight; the images hold them",
         programs=[DEVMGR, DRIVER, "nvme-disks.atxf"], qemu_args=TWO_NS_ARGS,
         prepare=make_images([(n, s) for n, s, _ in TWO_NS]),
         cfg=["start devmgr.atxf with root bootfs",
              "start nvme-disks.atxf %s %s" % (CTRL, NS2), "exit-with nvme-disks.atxf"],
         expect=[nvme_says(CTRL, r"controller 'QEMU NVMe Ctrl' serial 'atxf-nvme': 3 I/O queue "
                                 r"pairs of 128 entries on MSI-X vectors 1\.\.3, 512 KiB per "
                                 r"command, a volatile write cache$"),
                 nvme_says(CTRL, r"namespace 1: %s, 8192 blocks of 512 bytes \(4 MiB\)$"
                           % CTRL.replace(".", r"\.")),
                 nvme_says(CTRL, r"namespace 2: %s, 2048 blocks of 4096 bytes \(8 MiB\)$" % NS2),
                 disks_says(r"nvme\.00-14\.0: 8192 sectors of 512 bytes, 1024 sectors per "
                            r"transfer$"),
                 disks_says(r"nvme\.00-14\.0: first, last and 1024 sectors at 1024 \(512 KiB\) "
                            r"read back right$"),
                 disks_says(r"nvme-00-14-0-ns2: 2048 sectors of 4096 bytes, 128 sectors per "
                            r"transfer$"),
                 disks_says(r"nvme-00-14-0-ns2: first, last and 128 sectors at 128 \(512 KiB\) "
                            r"read back right$"),
                 disks_says(r"nvme\.00-14\.0: 64 one-sector reads in flight at once through "
                            r"a ring, all right$"),
                 exited("nvme-disks.atxf", 0)],
         check=images_hold(TWO_NS),
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"did not start", r"resetting the controller"],
         exit=0, timeout=240),
]

# A test build of the driver (drivers/build.mk, NVME_TEST_LOSE_WRITE) drops
# the first Write's completion, as a controller that lost it would: the
# command's time limit (2 s) runs out, the driver resets the controller,
# makes its queues again and sends the write again, and the client sees
# only a slow write. One namespace from -device nvme,drive= here.
LOST = [("nvme-lost", 4 << 20, 512)]
LOST_CTRL = "nvme.00-15.0"

SCENARIOS += [
    dict(name="nvme-lost-completion",
         what="nvme: a Write whose completion never comes is found by its time limit; the "
              "controller is reset and the command sent again; the data lands on the image",
         programs=[DEVMGR, "nvme.atxf=nvme-lose-write.atxf", "nvme-disks.atxf"],
         qemu_args=drive("nvme-lost", "nvl") +
                   ["-device", "nvme,serial=atxf-lost,drive=nvl,addr=0x15"],
         prepare=make_images([(n, s) for n, s, _ in LOST]),
         cfg=["start devmgr.atxf with root bootfs", "start nvme-disks.atxf " + LOST_CTRL,
              "exit-with nvme-disks.atxf"],
         expect=[nvme_says(LOST_CTRL, r"namespace 1: nvme\.00-15\.0, 8192 blocks of 512 bytes "
                                      r"\(4 MiB\)$"),
                 nvme_says(LOST_CTRL, r"a command timed out: resetting the controller "
                                      r"\(reset 1\)$"),
                 nvme_says(LOST_CTRL, r"controller ready again; 1 commands sent again in all$"),
                 disks_says(r"nvme\.00-15\.0: first, last and 1024 sectors at 1024 \(512 KiB\) "
                            r"read back right$"),
                 disks_says(r"nvme\.00-15\.0: 64 one-sector reads in flight at once through "
                            r"a ring, all right$"),
                 exited("nvme-disks.atxf", 0)],
         check=images_hold(LOST),
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"did not start", r"reset 2\)",
                            r"did not come back"],
         exit=0, timeout=240),
]
