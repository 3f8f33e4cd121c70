"""The disks of `make bench`'s storage table: one QEMU device model each,
given to Linux and to us alike (raw image, cache=unsafe, so the host's
page cache absorbs writes and neither side waits for the host's disk).

Each image is a fresh sparse file of IMAGE_BYTES for every boot, so both
sides start from the same zeroed disk (storage.h runs writes first).
"""
import os

IMAGE_BYTES = 256 << 20
# name: (QEMU device arguments for drive id ID, the Linux block device, the
# name our client opens: a driver's (its running instance) or, with a
# leading "=", a device the driver adds, waited for until it registers)
DISKS = {
    "virtio-blk": (["-device", "virtio-blk-pci,drive={id}"], "vda", "virtio-blk"),
    # Namespace 1 is the controller's own instance (drivers/storage/nvme).
    "nvme": (["-device", "nvme,drive={id},serial=atxfbench"], "nvme0n1", "nvme"),
    # q35's ICH9 AHCI controller (00:1f.2), port 0: a device of its own.
    "ahci": (["-device", "ide-hd,drive={id},bus=ide.0"], "sda", "=ahci-00-1f-2-p0"),
}
ORDER = ["virtio-blk", "nvme", "ahci"]


def qemu_args(name, image):
    """Creates image afresh and returns the QEMU arguments of disk name on it."""
    with open(image, "wb") as f:
        f.truncate(IMAGE_BYTES)
    drive_id = "bench-" + name
    args = ["-drive", "file=%s,if=none,id=%s,format=raw,cache=unsafe" % (image, drive_id)]
    return args + [a.format(id=drive_id) for a in DISKS[name][0]]


def linux_device(name):
    return DISKS[name][1]


def our_name(name):
    """(the name bench-storage.atxf opens, whether it waits for it to register)."""
    n = DISKS[name][2]
    return n.lstrip("="), n.startswith("=")


def remove_image(image):
    try:
        os.unlink(image)
    except FileNotFoundError:
        pass
