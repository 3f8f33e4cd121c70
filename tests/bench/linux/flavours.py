"""The Linux guests of `make bench`: which installed Debian kernel each one
boots, which modules its initramfs carries, and which of the benchmark's
disks it drives. One table, read by initramfs.py (make time) and guests.py.

Debian's cloud kernel (linux-image-cloud-amd64) is the peer; it has no
AHCI driver (CONFIG_SATA_AHCI is off in its config), so the AHCI disk is
driven by the same release's generic flavour (linux-image-amd64).
"""
import glob
import os
import re

# flavour: (kernel modules the initramfs loads, whether it runs the IPC peers,
# the disks (harness names) it drives)
FLAVOURS = {
    "cloud-amd64": (["virtio_pci", "virtio_blk"], True, ["virtio-blk", "nvme"]),
    "amd64": (["ahci", "sd_mod"], False, ["ahci"]),
}


def _version_key(release):
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", release)]


def release(flavour):
    """The newest installed release of a flavour (a /boot/vmlinuz-REL with its
    /lib/modules/REL), or None."""
    found = []
    for path in glob.glob("/boot/vmlinuz-*-%s" % flavour):
        rel = os.path.basename(path)[len("vmlinuz-"):]
        # "6.1.0-57-amd64" must not match the cloud flavour's files, nor
        # "-cloud-amd64" the generic one's.
        if rel[:-len(flavour)].rstrip("-").split("-")[-1].isdigit() and \
                os.path.isdir("/lib/modules/%s" % rel):
            found.append(rel)
    return max(found, key=_version_key) if found else None


def vmlinuz(rel):
    return "/boot/vmlinuz-%s" % rel
