#!/usr/bin/env python3
"""The Linux side of `make bench`: boots each guest of flavours.FLAVOURS on the
QEMU command line of our own runs (tests/qemu/qemu.py: q35, 256 MiB, one
CPU, same accelerator and CPU model) with its initramfs (initramfs.py) and
its disks (../disks.py), and reads lbench's lines off the serial console.

usage: guests.py [--dir DIR] [--runs N] [--accel auto|kvm|tcg] [--timeout S]
  (alone it prints Linux's figures; ../peers.py prints them beside ours)

Each boot's log is DIR/FLAVOUR.log. Figures only: a guest that does not
boot or reports nothing gives n/a lines, never a failure.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "..", "qemu"))
import disks                                      # noqa: E402
import flavours                                    # noqa: E402
import qemu                                       # noqa: E402
import serial_run                                 # noqa: E402

FIGURE = re.compile(r"lbench: (\S+) runs (\d+) median (\d+) p10 (\d+) p90 (\d+)$")
STORAGE = serial_run.storage_patterns("lbench")
END = re.compile(r"lbench: done$|Kernel panic|reboot: Power down")


def cmdline(runs, names):
    disks_arg = ",".join("%s:%s" % (disks.linux_device(n), n) for n in names)
    return "console=ttyS0 loglevel=4 lbench.runs=%d lbench.disks=%s" % (runs, disks_arg)


def boot(flavour, opts):
    """One guest's serial lines (its log is also written to DIR/FLAVOUR.log)."""
    cpio = os.path.join(opts["dir"], "initramfs-%s.cpio" % flavour)
    with open(cpio + ".release") as f:
        rel = f.read().strip()
    _, ipc, names = flavours.FLAVOURS[flavour]
    images = [os.path.join(opts["dir"], "%s.img" % n) for n in names]
    extra = []
    for name, image in zip(names, images):
        extra += disks.qemu_args(name, image)
    cmd, accel = qemu.command(kernel=flavours.vmlinuz(rel), initrd=cpio, accel=opts["accel"],
                              serial="stdio", extra=extra,
                              append=cmdline(opts["runs"] if ipc else 0, names))
    try:
        lines = serial_run.run_until(cmd, opts["timeout"], END)
    finally:
        for image in images:
            disks.remove_image(image)
    with open(os.path.join(opts["dir"], "%s.log" % flavour), "w") as f:
        f.write("\n".join(lines) + "\n")
    return lines, "%s, %s" % (rel, accel)


def figures(lines):
    """{name: (runs, median, p10, p90)} for the IPC peers and
    {(disk, workload): (ops, bytes, ns)} of its fastest run, each possibly an
    n/a reason."""
    got = {}
    for line in lines:
        m = FIGURE.search(line)
        if m:
            got[m.group(1)] = tuple(int(x) for x in m.group(2, 3, 4, 5))
        else:
            serial_run.take_storage(line, got, STORAGE)
    return got


def run_all(opts):
    """Every guest's figures merged, and a line per guest saying what booted."""
    got, booted = {}, []
    for flavour in flavours.FLAVOURS:
        if not os.path.exists(os.path.join(opts["dir"], "initramfs-%s.cpio.release" % flavour)):
            booted.append("%s: not built (make bench builds it)" % flavour)
            continue
        lines, what = boot(flavour, opts)
        found = figures(lines)
        got.update(found)
        booted.append("%s: %s%s" % (flavour, what, "" if found else
                                    " -- no figures; last line: %s" %
                                    (lines[-1] if lines else "(none)")))
    return got, booted


def parse(argv):
    return serial_run.parse_options(argv, {"dir": "build/bench/linux", "runs": 2000,
                                           "accel": None, "timeout": 300},
                                    ("runs", "timeout"), "guests.py", __doc__)


def main(argv):
    got, booted = run_all(parse(argv))
    for line in booted:
        print("linux guest %s" % line)
    for key, value in got.items():
        print("%s: %s" % (key if isinstance(key, str) else " ".join(key), value))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
