"""Our side of the storage rows of `make bench`: for each disk of disks.py
whose driver is built, one boot of our kernel with init, devmgr, the
driver and bench-storage.atxf (tests/bench/bench-storage.c) on the QEMU
command line of the tests (tests/qemu/qemu.py), with the same disk
arguments the Linux guest gets, and bench-storage's lines read back.

A disk's driver is drivers/storage/NAME (build/drivers/NAME.atxf), started
by devmgr when its manifest matches the disk, as in any boot; a disk
without one is n/a (no driver), never a figure.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "qemu"))
import bootfs                                     # noqa: E402
import disks                                      # noqa: E402
import qemu                                       # noqa: E402
import serial_run                                 # noqa: E402

STORAGE = serial_run.storage_patterns("bench")
END = re.compile(r"bench: storage done$|bench-storage\.atxf (not started|pid \d+ exited)|PANIC")


def figures(lines):
    """{(disk, workload): (ops, bytes, ns)} of its fastest run, or {disk or
    (disk, workload): why}."""
    got = {}
    for line in lines:
        serial_run.take_storage(line, got, STORAGE)
    return got


def boot(opts, name, programs, cfg, extra):
    """One boot of ours; its serial lines (also in DIR/ours-NAME.log)."""
    os.makedirs(opts["dir"], exist_ok=True)
    archive = os.path.join(opts["dir"], "ours-%s.tar" % name)
    bootfs.make_archive(archive, programs, "".join(l + "\n" for l in cfg))
    cmd, _ = qemu.command(kernel=opts["kernel"], initrd=archive, accel=opts["accel"],
                          serial="stdio", extra=extra)
    lines = serial_run.run_until(cmd, opts["timeout"], END)
    with open(os.path.join(opts["dir"], "ours-%s.log" % name), "w") as f:
        f.write("\n".join(lines) + "\n")
    return lines


def run_disk(opts, name):
    """One disk's figures through its driver under devmgr."""
    driver = os.path.join(opts["drivers"], "%s.atxf" % name)
    programs = {"init.atxf": opts["init"], "devmgr.atxf": opts["devmgr"],
                "%s.atxf" % name: driver, "bench-storage.atxf": opts["storage"]}
    client, wait = disks.our_name(name)
    cfg = ["start devmgr.atxf with root bootfs",
           "start bench-storage.atxf %s %s%s" % (client, name, " wait" if wait else ""),
           "exit-with bench-storage.atxf"]
    os.makedirs(opts["dir"], exist_ok=True)
    image = os.path.join(opts["dir"], "ours-%s.img" % name)
    try:
        lines = boot(opts, name, programs, cfg, disks.qemu_args(name, image))
    finally:
        disks.remove_image(image)
    got = figures(lines)
    if not got:
        got[name] = "no figures; log in %s/ours-%s.log" % (opts["dir"], name)
    return got


def run_all(opts):
    got = {}
    for name in disks.ORDER:
        if not os.path.exists(os.path.join("drivers", "storage", name, "driver.mk")):
            got[name] = "no driver"
        elif not os.path.exists(os.path.join(opts["drivers"], "%s.atxf" % name)):
            got[name] = "driver not built"
        else:
            got.update(run_disk(opts, name))
    return got
