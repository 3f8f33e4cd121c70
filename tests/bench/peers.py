#!/usr/bin/env python3
"""The last part of `make bench`: our figures beside a Linux guest's on the
same QEMU (linux/guests.py), in one table with the ratios.

  IPC peers, TSC cycles per trip (medians):
    our null syscall          against Linux's getppid
    our IPC round trip        against a pipe round trip (lmbench's lat_pipe)
                              and a futex ping-pong, both between 2 processes
  storage (storage.h's workloads) on each disk of disks.py:
    ours from bench-storage.atxf on the block client library, when the
    disk's driver exists (drivers/storage/NAME); else n/a (no driver)

Every ratio is ours / Linux's as speed, so above 1.0 we are faster: Linux's
cycles over ours for the IPC peers, our MB/s (or IOPS) over Linux's for
storage. Our IPC figures are read from the log of tests/bench/run.py's boot
(it runs first in `make bench`).

usage: peers.py [--ours-log LOG] [--linux-dir DIR] [--ours-dir DIR] [--runs N]
                [--kernel ELF] [--init ATXF] [--devmgr ATXF] [--drivers DIR]
                [--storage ATXF] [--accel A] [--timeout S]

Figures only: it never fails on a timing (exit 0 whenever it printed).
"""
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "linux"))
import disks                                      # noqa: E402
import guests                                     # noqa: E402
import ours_storage                               # noqa: E402
import serial_run                                 # noqa: E402

WORKLOADS = [("seq-write", "seq write 1 MiB, QD1", "MB/s"),
             ("seq-read", "seq read 1 MiB, QD1", "MB/s"),
             ("rand-read-qd1", "rand read 4 KiB, QD1", "IOPS"),
             ("rand-read-qd32", "rand read 4 KiB, QD32", "IOPS")]
IPC_PEERS = [("null-syscall", "getppid", "null syscall | getppid"),
             ("ipc-rtt", "pipe-rtt", "IPC round trip | pipe round trip"),
             ("ipc-rtt", "futex-rtt", "IPC round trip | futex ping-pong")]


def load_ours():
    """tests/bench/run.py as a module (its figures() reads our log)."""
    spec = importlib.util.spec_from_file_location("bench_run", os.path.join(HERE, "run.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def our_ipc(log):
    try:
        with open(log) as f:
            return load_ours().figures(f.read().splitlines())
    except OSError as e:
        return {"null-syscall": "no log: %s" % e.strerror, "ipc-rtt": "no log: %s" % e.strerror}


def our_storage(opts):
    """{(disk, workload): (ops, bytes, ns)} or why not, per disk: n/a (no
    driver) for a disk whose driver is not in the tree (ours_storage.py)."""
    return ours_storage.run_all({"dir": opts["ours-dir"], "kernel": opts["kernel"],
                                 "init": opts["init"], "devmgr": opts["devmgr"],
                                 "drivers": opts["drivers"], "storage": opts["storage"],
                                 "accel": opts["accel"], "timeout": opts["timeout"]})


def cell(value, fmt):
    return fmt(value) if isinstance(value, tuple) else "n/a (%s)" % value


def speed(value, unit):
    ops, nbytes, ns = value
    return nbytes / ns * 1e9 / 1e6 if unit == "MB/s" else ops / ns * 1e9


def show_ipc(ours, linux):
    print("IPC peers (TSC cycles, median)      %-28s %-28s %s" % ("ours", "Linux", "ratio"))
    for mine, theirs, label in IPC_PEERS:
        a = ours.get(mine, "not reported")
        b = linux.get(theirs, "not reported")
        r = "%.2f" % (b[1] / a[1]) if isinstance(a, tuple) and isinstance(b, tuple) else "n/a"
        print("  %-33s %-28s %-28s %s" % (label, cell(a, lambda f: "%d" % f[1]),
                                          cell(b, lambda f: "%d" % f[1]), r))


def storage_value(got, disk, workload):
    """A workload's figure, or the reason a whole disk has none."""
    return got.get((disk, workload), got.get(disk, "not reported"))


def storage_repeat():
    """STORAGE_REPEAT of storage.h, the one definition both sides run by."""
    with open(os.path.join(HERE, "storage.h")) as f:
        m = re.search(r"#define STORAGE_REPEAT\s+(\d+)", f.read())
    return int(m.group(1)) if m else 1


def show_storage(ours, linux):
    print("storage (raw, cache=unsafe, best of %d) %-26s %-28s %s" % (
        storage_repeat(), "ours", "Linux", "ratio"))
    for disk in disks.ORDER:
        for workload, label, unit in WORKLOADS:
            a = storage_value(ours, disk, workload)
            b = storage_value(linux, disk, workload)
            fmt = (lambda f, u=unit: "%.0f %s" % (speed(f, u), u))
            r = ("%.2f" % (speed(a, unit) / speed(b, unit))
                 if isinstance(a, tuple) and isinstance(b, tuple) else "n/a")
            print("  %-10s %-22s %-28s %-28s %s" % (disk, label, cell(a, fmt), cell(b, fmt), r))


def parse(argv):
    opts = {"ours-log": "build/bench/bench.log", "linux-dir": "build/bench/linux",
            "ours-dir": "build/bench/ours", "runs": 2000, "kernel": "build/image/kernel.elf",
            "init": "build/services/init.atxf", "devmgr": "build/services/devmgr.atxf",
            "drivers": "build/drivers", "storage": "build/bench/bench-storage.atxf",
            "accel": None, "timeout": 300}
    return serial_run.parse_options(argv, opts, ("runs", "timeout"), "peers.py", __doc__)


def main(argv):
    opts = parse(argv)
    linux, booted = guests.run_all({"dir": opts["linux-dir"], "runs": opts["runs"],
                                    "accel": opts["accel"], "timeout": opts["timeout"]})
    ours = our_storage(opts)
    print()
    print("ours beside Linux on the same QEMU (ratio = our speed / Linux's: "
          "above 1.0 we are faster)")
    for line in booted:
        print("linux guest %s" % line)
    show_ipc(our_ipc(opts["ours-log"]), linux)
    show_storage(ours, linux)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
