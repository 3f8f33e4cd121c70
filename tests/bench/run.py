#!/usr/bin/env python3
"""make bench: boots the kernel with init, bench.atxf and bench-echo.atxf
(tests/bench), reads bench.atxf's figures from the serial log and prints
them with their ratios. Figures only: it never passes or fails on a timing;
it exits 1 only when no run could be made at all.

Two ratios have a goal under KVM, set to beat the published ratios of the
L4 family: an IPC round trip within 8 null syscalls (L4Re's one-way IPC is
about 7 of its null syscalls), and IRQ -> user within 2 one-way IPCs (seL4's
is about 2.3). TCG cycles say nothing about them.

Then one boot per display driver (bochs on the std VGA, virtio-gpu) with
devmgr and bench-display.atxf: frames per second of a whole 1024x768 frame
filled by the client and FLUSHed through the display protocol.

usage: run.py [--kernel ELF] [--init ATXF] [--progs DIR] [--runs N]
              [--accel auto|kvm|tcg] [--timeout S]

The QEMU command line and the boot archive come from tests/qemu/qemu.py
and tests/qemu/bootfs.py, as for the tests. QEMU gets an edu device at
00:04.0, whose BAR0 the firmware places at 0xfea00000 on this machine,
and a qemu-xhci at 00:05.0 (BAR0 at 0xfeb94000); bench.atxf gets edu and
its MSI, and xhci's registers and MSI-X vector 0, through its boot.cfg
line. If init
cannot give those (the kernel lacks the capability calls), the run is
repeated without them, and the IRQ figure says n/a.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "qemu"))
import bootfs                                    # noqa: E402
import qemu                                      # noqa: E402
import serial_run                                # noqa: E402

OUT_DIR = "build/bench"
EDU = ["-device", "edu,addr=04.0", "-device", "qemu-xhci,addr=05.0"]
# qemu-xhci's BAR0 is at 0xfeb94000 beside edu; the MSI-X table is its last
# page, so bench.atxf gets the registers below it.
EDU_CAPS = ("with mmio:0xfea00000+0x100000:rw msi:00:04.0:r "
            "mmio:0xfeb94000+0x3000:rw msix:00:05.0:r pci:00:05.0:r dma:8K")
FIGURE = re.compile(r"bench: (\S+) runs (\d+) median (\d+) p10 (\d+) p90 (\d+)$")
END = re.compile(r"bench: done$|bench\.atxf not started|bench\.atxf pid \d+ exited|PANIC")
NOT_AVAILABLE = re.compile(r"bench: (\S+) n/a \((.*)\)$")
THROUGHPUT = re.compile(r"bench: (blk-\S+) requests (\d+) cycles (\d+) ns (\d+) "
                        r"driver-cpu-ns (\d+)$")
LABELS = [("null-syscall", "null syscall (nr 33: entry, dispatch, -ENOSYS, exit)"),
          ("clock-syscall", "SYS_CLOCK"),
          ("yield-rtt", "yield round trip (2 process switches, no IPC)"),
          ("ipc-rtt", "IPC round trip (call + reply, 2 processes)"),
          ("irq-user", "IRQ -> user (MSI: edu MMIO write to recv return)"),
          ("irq-user-msix", "IRQ -> user (MSI-X: xhci ERDP write to recv return)")]


def boot(opts, caps):
    """Runs one boot; returns (log lines, accelerator description)."""
    cfg = ("start bench-echo.atxf\nstart bench-blk.atxf\nstart bench.atxf %d %s\n"
           "exit-with bench.atxf\n" % (opts["runs"], caps))
    members = {"init.atxf": opts["init"],
               "bench.atxf": os.path.join(opts["progs"], "bench.atxf"),
               "bench-blk.atxf": os.path.join(opts["progs"], "bench-blk.atxf"),
               "bench-echo.atxf": os.path.join(opts["progs"], "bench-echo.atxf")}
    os.makedirs(OUT_DIR, exist_ok=True)
    archive = os.path.join(OUT_DIR, "bench.tar")
    bootfs.make_archive(archive, members, cfg)
    cmd, accel = qemu.command(kernel=opts["kernel"], initrd=archive, accel=opts["accel"],
                              serial="stdio", extra=EDU)
    lines = serial_run.run_until(cmd, opts["timeout"], END)
    if lines and lines[-1].startswith("bench: QEMU timed out"):
        print(lines[-1])
    with open(os.path.join(OUT_DIR, "bench.log"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return lines, accel


def figures(lines):
    """{name: (runs, median, p10, p90), (requests, cycles, ns, driver CPU ns) or the
    n/a reason}."""
    got = {}
    for line in lines:
        m = THROUGHPUT.search(line)
        if m:
            got[m.group(1)] = tuple(int(x) for x in m.group(2, 3, 4, 5))
            continue
        m = FIGURE.search(line)
        if m:
            got[m.group(1)] = tuple(int(x) for x in m.group(2, 3, 4, 5))
            continue
        m = NOT_AVAILABLE.search(line)
        if m:
            got[m.group(1)] = m.group(2)
    return got


def tsc_mhz(lines):
    for line in lines:
        m = re.search(r"clock: TSC at ([\d.]+) MHz", line)
        if m:
            return float(m.group(1))
    return None


def show_figures(got, mhz):
    print("%-54s %6s %9s %9s %9s" % ("figure (TSC cycles)", "runs", "median", "p10", "p90"))
    for name, label in LABELS:
        f = got.get(name, "no result: bench.atxf did not report it")
        if isinstance(f, str):
            print("%-54s n/a (%s)" % (label, f))
            continue
        ns = "  ~%.0f ns" % (f[1] / mhz * 1000) if mhz else ""
        print("%-54s %6d %9d %9d %9d%s" % (label, f[0], f[1], f[2], f[3], ns))


def ratio(got, num, den, den_scale, text, target):
    a, b = got.get(num), got.get(den)
    if isinstance(a, tuple) and isinstance(b, tuple) and b[1]:
        goal = "   (goal under KVM, ahead of the L4 family: <= %s)" % target if target else ""
        print("  %-46s %6.2f x%s" % (text, a[1] / (b[1] * den_scale), goal))
    else:
        print("  %-46s n/a (%s is n/a)" % (text, num if not isinstance(a, tuple) else den))


def show_queues(got):
    """The block path through the framework: calls beside the ring."""
    print("block READs through the driver framework (bench-blk.atxf, same driver, one run):")
    rows = [("blk-ping", "PING (the framework's loop, no class work)"),
            ("blk-call", "call path (one SYS_IPC_CALL per READ)"),
            ("blk-ring", "ring path (ATTACH_RING, 64 in flight)")]
    for name, label in rows:
        f = got.get(name)
        if not isinstance(f, tuple) or not f[0] or not f[2]:
            print("  %-44s n/a (%s)" % (label, got.get("blk-queue", "not reported")))
            continue
        print("  %-44s %6d requests %8.0f requests/s %8.0f cycles/request"
              " (driver CPU %.1f us/request)" % (
                  label, f[0], f[0] * 1e9 / f[2], f[1] / f[0], f[3] / f[0] / 1000))
    call, ring = got.get("blk-call"), got.get("blk-ring")
    if isinstance(call, tuple) and isinstance(ring, tuple) and ring[1] and call[0] and ring[0]:
        print("  %-44s %6.2f x fewer cycles per request, %.2f x the requests/s" % (
            "ring / call", (call[1] / call[0]) / (ring[1] / ring[0]),
            (ring[0] / ring[2]) / (call[0] / call[2])))


def report(got, accel, mhz):
    print("accelerator: %s" % accel)
    if not accel.startswith("kvm"):
        print("NOTE: TCG emulates the CPU and its TSC: these cycles are not comparable "
              "to the goals under KVM; only the ratios hint at where the cost lies.")
    print("TSC: %s" % ("%.3f MHz" % mhz if mhz else "unknown (no clock line in the log)"))
    show_figures(got, mhz)
    print("ratios of the medians:")
    ratio(got, "ipc-rtt", "null-syscall", 1, "IPC round trip / null syscall", "8x")
    ratio(got, "irq-user", "ipc-rtt", 0.5, "IRQ -> user / one-way IPC (half the RTT)", "2x")
    ratio(got, "irq-user-msix", "irq-user", 1, "MSI-X IRQ -> user / MSI IRQ -> user", None)
    ratio(got, "yield-rtt", "ipc-rtt", 1, "yield round trip / IPC round trip", None)
    show_queues(got)


def parse(argv):
    return serial_run.parse_options(argv, {"kernel": qemu.DEFAULT_KERNEL,
                                           "init": "build/services/init.atxf", "progs": OUT_DIR,
                                           "runs": 2000, "accel": None, "timeout": 300},
                                    ("runs", "timeout"), "run.py", __doc__)


def without_edu(opts, refused):
    """The second boot, when init could not derive bench.atxf's edu
    capabilities: the other figures still count, the IRQ one says why."""
    why = refused.split("init: ", 1)[-1]
    print("bench: init refused bench.atxf's capabilities (%s); booting again without them" % why)
    lines, accel = boot(opts, "")
    got = figures(lines)
    if "no such system call" in why:
        why = "kernel lacks SYS_CAP_DERIVE: init cannot grant the edu device"
    for name in ("irq-user", "irq-user-msix"):
        if name in got:
            got[name] = why
    return lines, accel, got


# Fill and flush of whole 1024x768 frames, per display driver: a boot each
# with devmgr and that driver alone (bench-display.atxf).
DISPLAY_FRAMES = 30
DISPLAYS = [("bochs", []), ("virtio-gpu", ["-vga", "none", "-device", "virtio-gpu-pci"])]
DISPLAY_FIGURE = re.compile(r"bench: display-(\S+) (?:frames (\d+) ns (\d+)|n/a \((.*)\))$")


def display_boot(opts, driver, args):
    cfg = ("start devmgr.atxf with root bootfs\nstart bench-display.atxf %s %d\n"
           "exit-with bench-display.atxf\n" % (driver, DISPLAY_FRAMES))
    members = {"init.atxf": opts["init"], "devmgr.atxf": "build/services/devmgr.atxf",
               driver + ".atxf": os.path.join("build", "drivers", driver + ".atxf"),
               "bench-display.atxf": os.path.join(opts["progs"], "bench-display.atxf")}
    archive = os.path.join(OUT_DIR, "bench-display.tar")
    bootfs.make_archive(archive, members, cfg)
    cmd, _ = qemu.command(kernel=opts["kernel"], initrd=archive, accel=opts["accel"],
                          serial="stdio", extra=args)
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=opts["timeout"])
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        m = DISPLAY_FIGURE.search(line)
        if m:
            return m
    return None


def show_displays(opts):
    print("display: fill and flush of a whole 1024x768x32 frame (bench-display.atxf):")
    for driver, args in DISPLAYS:
        try:
            m = display_boot(opts, driver, args)
        except subprocess.TimeoutExpired:
            m = None
        if not m or m.group(4):
            print("  %-12s n/a (%s)" % (driver, m.group(4) if m else "no figure in the log"))
            continue
        frames, ns = int(m.group(2)), int(m.group(3))
        print("  %-12s %4d frames %8.1f frames/s %8.1f ms/frame" % (
            driver, frames, frames * 1e9 / ns, ns / frames / 1e6))


def main(argv):
    opts = parse(argv)
    lines, accel = boot(opts, EDU_CAPS)
    got = figures(lines)
    refused = [l for l in lines if "bench.atxf not started" in l]
    if not got and refused:
        lines, accel, got = without_edu(opts, refused[0])
    if not got:
        print("bench: no figures in the log (build/bench/bench.log); last line: %s" %
              (lines[-1] if lines else "(none)"))
        return 1
    report(got, accel, tsc_mhz(lines))
    show_displays(opts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
