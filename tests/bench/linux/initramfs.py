#!/usr/bin/env python3
"""Builds the Linux guest's initramfs for `make bench` (tests/bench/linux):
a newc cpio (the format the kernel unpacks, written here so no cpio tool is
needed) of busybox-static, lbench, /init, and the kernel modules the
benchmark's disks need, with everything they depend on, from the installed
kernel's modules.dep (numbered in load order, for /init's insmod loop).

usage: initramfs.py --out CPIO --busybox BIN --lbench BIN --init SCRIPT
                    --flavour FLAVOUR

FLAVOUR is a key of flavours.FLAVOURS; the newest installed release of it is
used, and its name written to CPIO.release for guests.py to boot the same one.
"""
import argparse
import os
import stat
import sys

import flavours

MODULES = "/lib/modules"


def module_order(release, names):
    """The .ko paths of names and their dependencies, each after what it needs."""
    base = os.path.join(MODULES, release)
    deps, by_name = {}, {}
    with open(os.path.join(base, "modules.dep")) as f:
        for line in f:
            path, _, rest = line.partition(":")
            deps[path] = rest.split()
            by_name[os.path.basename(path).split(".ko")[0].replace("-", "_")] = path
    order = []

    def visit(path):
        if path in order:
            return
        for dep in deps[path]:
            visit(dep)
        order.append(path)

    for name in names:
        key = name.replace("-", "_")
        if key not in by_name:
            sys.exit("initramfs.py: kernel %s has no module %s (built in, or not "
                     "configured: see /boot/config-%s)" % (release, name, release))
        visit(by_name[key])
    return [os.path.join(base, p) for p in order]


def require_static(path):
    """Refuses a dynamically linked program: the initramfs has no libc. An
    ELF64 program header of type PT_INTERP (3) names the dynamic loader."""
    with open(path, "rb") as f:
        elf = f.read(1 << 16)
    if elf[:4] != b"\x7fELF" or elf[4] != 2:
        sys.exit("initramfs.py: %s is not a 64-bit ELF program" % path)
    phoff = int.from_bytes(elf[32:40], "little")
    size, count = (int.from_bytes(elf[o:o + 2], "little") for o in (54, 56))
    for i in range(count):
        at = phoff + i * size
        if int.from_bytes(elf[at:at + 4], "little") == 3:
            sys.exit("initramfs.py: %s is dynamically linked (install busybox-static, "
                     "which replaces busybox's /bin/busybox)" % path)


class Cpio:
    """A newc ("070701") archive: a header of 13 hex fields, the name, the data,
    each padded to 4 bytes, and the TRAILER!!! entry at the end."""

    def __init__(self, out):
        self.out, self.ino = out, 1

    def entry(self, name, mode, data=b""):
        fields = [self.ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name) + 1, 0]
        self.ino += 1
        head = b"070701" + b"".join(b"%08x" % v for v in fields) + name.encode() + b"\0"
        self.out.write(head + b"\0" * (-len(head) % 4))
        self.out.write(data + b"\0" * (-len(data) % 4))

    def directory(self, name):
        self.entry(name, stat.S_IFDIR | 0o755)

    def file(self, name, path, mode=0o755):
        with open(path, "rb") as f:
            self.entry(name, stat.S_IFREG | mode, f.read())

    def symlink(self, name, target):
        self.entry(name, stat.S_IFLNK | 0o777, target.encode())

    def close(self):
        self.entry("TRAILER!!!", 0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--busybox", required=True)
    p.add_argument("--lbench", required=True)
    p.add_argument("--init", required=True)
    p.add_argument("--flavour", required=True, choices=sorted(flavours.FLAVOURS))
    a = p.parse_args()
    rel = flavours.release(a.flavour)
    if not rel:
        sys.exit("initramfs.py: no %s kernel installed (scripts/deps installs "
                 "linux-image-%s)" % (a.flavour, a.flavour))
    require_static(a.busybox)
    require_static(a.lbench)
    mods = module_order(rel, flavours.FLAVOURS[a.flavour][0])
    tmp = a.out + ".tmp"
    with open(tmp, "wb") as out:
        c = Cpio(out)
        for d in ("bin", "dev", "proc", "sys", "mods"):
            c.directory(d)
        c.file("bin/busybox", a.busybox)
        c.symlink("bin/sh", "busybox")
        c.file("bin/lbench", a.lbench)
        c.file("init", a.init)
        for i, path in enumerate(mods):
            c.file("mods/%02d-%s" % (i, os.path.basename(path)), path, 0o644)
        c.close()
    with open(a.out + ".release", "w") as f:
        f.write(rel + "\n")
    os.replace(tmp, a.out)


if __name__ == "__main__":
    main()
