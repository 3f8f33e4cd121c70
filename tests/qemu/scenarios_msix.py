"""MSI-X scenarios: each device's test driver, started by
devmgr from its manifest, makes every vector it was granted fire through the
device's own mechanism and sees it as irq(dev, i) (tests/qemu/progs/msix-*.c);
a driver that tries to reach the MSI-X table or capability is refused or
faults, and its vectors still fire afterwards. Also config space through the
ports 0xCF8/0xCFC where there is no ECAM (the `pc` machine)."""
from scenarios import DEVMGR, NO_PANIC, contains, devmgr_says, says

VIRTIO_RNG = ["-device", "virtio-rng-pci,disable-legacy=on,vectors=2,addr=0x11"]


def driver_says(prog, instance, text):
    return says(prog + ".atxf", r"%s: %s" % (instance, text))


def first_process(name, what, drivers, qemu_args, **checks):
    """devmgr as the first process, the test drivers in its boot archive;
    the run ends at stop_at. FAIL lines and panics always fail it."""
    checks["forbid"] = NO_PANIC + [r"FAIL"] + checks.get("forbid", [])
    return dict(name=name, what=what, programs=[DEVMGR] + ["%s.atxf" % d for d in drivers],
                qemu_args=qemu_args, cfg=[], append="init=devmgr.atxf", exit=None, **checks)


def irq_line(prog, vectors):
    """The kernel's line for each vector the driver binds."""
    return r"^irq: %s\.atxf pid \d+ handles line 0x2000[0-9a-f]{5} \(vector 0x[0-9a-f]+, " \
           r"MSI-X\)$" % prog


SCENARIOS = [
    first_process(
         "msix-virtio",
         "virtio-rng-pci (modern): the request queue's vector and the configuration "
         "vector each fire and reach the driver as irq(dev, 1) and irq(dev, 0)",
         ["msix-virtio"], VIRTIO_RNG,
         expect=[devmgr_says(r"device 00:11\.0 pci 1af4:1044 .*msix 2 \(table bar1\+0x0, "
                             r"pba bar1\+0x800\)"),
                 driver_says("msix-virtio", r"msix-virtio\.00-11\.0",
                             r"2 MSI-X vectors granted; queue 0 on vector 1, config on 0$"),
                 driver_says("msix-virtio", r"msix-virtio\.00-11\.0",
                             r"irq\(dev, 1\): request queue: 16 random bytes in the used ring$"),
                 driver_says("msix-virtio", r"msix-virtio\.00-11\.0",
                             r"irq\(dev, 0\): configuration change: DEVICE_NEEDS_RESET$"),
                 driver_says("msix-virtio", r"msix-virtio\.00-11\.0", r"all 2 vectors fired$")],
         # devmgr logs the start after the spawn: the driver may log first.
         check=contains(devmgr_says(r"started msix-virtio \(msix-virtio\.00-11\.0\) on "
                                    r"00:11\.0 pid \d+ generation 0 with 4 capabilities$")),
         forbid=[r"fault: "],
         stop_at=driver_says("msix-virtio", r"msix-virtio\.00-11\.0",
                             r"all 2 vectors fired$")[1:]),
]

NVME = ["-device", "nvme,serial=msix,addr=0x12"]


def nvme_says(text):
    return driver_says("msix-nvme", r"msix-nvme\.00-12\.0", text)


def nvme_round(gen_pid, again=""):
    """Each of the four vectors fires once, in order, then the summary."""
    return [nvme_says(r"%sirq\(dev, 0\): admin completion queue$" % again)] + \
        [nvme_says(r"%sirq\(dev, %d\): I/O completion queue %d \(flush, status 0x[0-9a-f]+\)$"
                   % (again, q, q)) for q in (1, 2, 3)] + \
        [nvme_says(r"%sall 4 vectors fired$" % again)]


def nvme_refusals():
    return [r"^mmio: msix-nvme\.atxf pid \d+ may not map 0x[0-9a-f]+\+0x10: the kernel's "
            r"\(an MSI-X table or PBA\)$",
            nvme_says(r"map of the MSI-X table \(BAR0\+0x2000\): refused ok$"),
            r"^pci: msix-nvme\.atxf pid \d+ may not write config 0x42 of 00:12\.0: the MSI-X "
            r"capability is the kernel's$",
            r"^pci: msix-nvme\.atxf pid \d+ may not write config 0x10 of 00:12\.0: a BAR of a "
            r"function with MSI-X is the kernel's$",
            nvme_says(r"config writes to the MSI-X capability and BAR0: refused ok$")]


SCENARIOS += [
    # QEMU's nvme: 65 MSI-X vectors, table and PBA in BAR0 after the
    # registers. The manifest asks for 2..4 and gets 4: the admin queue's
    # and three I/O completion queues'. The driver then tries to take the
    # interrupts over (map the table, write the capability and BAR0; all
    # refused) and every vector still fires, to it. Its write into the
    # table through BAR0 faults (devmgr's hole); devmgr restarts it, and the
    # new process's vectors fire again.
    first_process(
         "msix-nvme",
         "nvme: each of 4 granted MSI-X vectors fires (admin and I/O completion "
         "queues); the table and capability are out of the driver's reach; the "
         "vectors still fire afterwards, and after a restart",
         ["msix-nvme"], NVME,
         expect=[devmgr_says(r"device 00:12\.0 pci 1b36:0010 .*msix 65 \(table bar0\+0x2000, "
                             r"pba bar0\+0x3000\)"),
                 irq_line("msix-nvme", 4),
                 nvme_says(r"generation 0: 4 MSI-X vectors granted; admin queue on vector 0, "
                           r"I/O queue q on vector q$")] +
         nvme_round(0) + nvme_refusals() + nvme_round(0, "again: ") +
         [nvme_says(r"writing the MSI-X table through BAR0\+0x2000$"),
          r"^fault: msix-nvme\.atxf pid \d+ rip 0x[0-9a-f]+ addr 0x[0-9a-f]+: #PF page fault "
          r"\(page not present, write, user\)$",
          devmgr_says(r"msix-nvme \(msix-nvme\.00-12\.0\) pid \d+ ended with status 142 "),
          devmgr_says(r"restarting msix-nvme \(msix-nvme\.00-12\.0\) generation 1, restart 1, "),
          nvme_says(r"generation 1: 4 MSI-X vectors granted; admin queue on vector 0, "
                    r"I/O queue q on vector q$")] +
         nvme_round(1) + nvme_refusals() + nvme_round(1, "again: ") +
         [nvme_says(r"generation 1: done$")],
         check=contains(devmgr_says(r"started msix-nvme \(msix-nvme\.00-12\.0\) on 00:12\.0 "
                                    r"pid \d+ generation 0 with 4 capabilities$")),
         forbid=[r"generation 2"],
         stop_at=nvme_says(r"generation 1: done$")[1:]),
]

XHCI = ["-device", "qemu-xhci,addr=0x13"]


def xhci_says(text):
    return driver_says("msix-xhci", r"msix-xhci\.00-13\.0", text)


def xhci_round(again=""):
    return [xhci_says(r"%sirq\(dev, 0\): interrupter 0: command completion event$" % again)] + \
        [xhci_says(r"%sirq\(dev, %d\): interrupter %d: event ring not empty at EHB clear$"
                   % (again, i, i)) for i in (1, 2, 3)] + \
        [xhci_says(r"%sall 4 vectors fired$" % again)]


SCENARIOS += [
    # qemu-xhci: 16 interrupters, MSI-X table and PBA in BAR0's last page.
    # The manifest asks for 2..4 vectors; interrupter i's events raise
    # vector i (tests/qemu/progs/msix-xhci.c says how each is made to fire).
    first_process(
         "msix-xhci",
         "qemu-xhci: each of 4 granted MSI-X vectors fires from its interrupter; the "
         "table and capability are out of the driver's reach; the vectors still fire",
         ["msix-xhci"], XHCI,
         expect=[devmgr_says(r"device 00:13\.0 pci 1b36:000d .*msix 16 \(table bar0\+0x3000, "
                             r"pba bar0\+0x3800\)"),
                 irq_line("msix-xhci", 4),
                 xhci_says(r"4 MSI-X vectors granted; interrupter i on vector i$")] +
         xhci_round() +
         [r"^mmio: msix-xhci\.atxf pid \d+ may not map 0x[0-9a-f]+\+0x1000: the kernel's "
          r"\(an MSI-X table or PBA\)$",
          xhci_says(r"map of the MSI-X table \(BAR0\+0x3000\): refused ok$"),
          r"^pci: msix-xhci\.atxf pid \d+ may not write config 0x92 of 00:13\.0: the MSI-X "
          r"capability is the kernel's$",
          xhci_says(r"config write to the MSI-X capability \(mask all\): refused ok$")] +
         xhci_round("again: ") + [xhci_says(r"done$")],
         check=contains(devmgr_says(r"started msix-xhci \(msix-xhci\.00-13\.0\) on 00:13\.0 "
                                    r"pid \d+ generation 0 with 4 capabilities$")),
         forbid=[r"fault: "],
         stop_at=xhci_says(r"done$")[1:]),
    # All three at once: 2 + 4 + 4 vectors, each delivered to its own
    # driver only (a vector at the wrong driver is a FAIL line there).
    first_process(
         "msix-three",
         "virtio-rng, nvme and qemu-xhci together: every driver sees each of its own "
         "vectors, and none of another's",
         ["msix-virtio", "msix-nvme", "msix-xhci"], VIRTIO_RNG + NVME + XHCI,
         expect=[devmgr_says(r"3 drivers with a manifest in the boot archive$")],
         check=contains(
             driver_says("msix-virtio", r"msix-virtio\.00-11\.0", r"all 2 vectors fired$"),
             nvme_says(r"generation 0: 4 MSI-X vectors granted"),
             nvme_says(r"again: all 4 vectors fired$"),
             nvme_says(r"generation 1: done$"),
             xhci_says(r"again: all 4 vectors fired$")),
         forbid=[r"generation 2", r"fault: (?!msix-nvme)"],
         stop_at=[driver_says("msix-virtio", r"msix-virtio\.00-11\.0",
                              r"all 2 vectors fired$")[1:],
                  nvme_says(r"generation 1: done$")[1:], xhci_says(r"done$")[1:]]),
]

EDU = ["-device", "edu,addr=0x10"]


def guard_says(text):
    return driver_says("msi-guard", r"msi-guard\.00-10\.0", text)


SCENARIOS += [
    # The MSI capability is the kernel's too: edu's driver writing its
    # address and data is refused, and its MSI still comes to irq(dev, 0).
    first_process(
         "msi-guard",
         "edu: config writes to the MSI capability are refused, and the MSI still "
         "reaches the driver afterwards",
         ["msi-guard"], EDU,
         expect=[r"^irq: msi-guard\.atxf pid \d+ handles line 0x100000080 \(vector 0x[0-9a-f]+, "
                 r"MSI\)$",
                 guard_says(r"irq\(dev, 0\): edu's MSI$"),
                 r"^pci: msi-guard\.atxf pid \d+ may not write config 0x44 of 00:10\.0: the MSI "
                 r"capability is the kernel's$",
                 guard_says(r"config writes to the MSI capability: refused ok$"),
                 guard_says(r"again: irq\(dev, 0\): edu's MSI$"),
                 guard_says(r"done$")],
         forbid=[r"fault: "],
         stop_at=guard_says(r"done$")[1:]),
]

SCENARIOS += [
    # The `pc` machine (i440FX) has no MCFG: config space through ports
    # 0xCF8/0xCFC, and devmgr finds its functions all the same.
    dict(name="pci-cf8",
         what="no ECAM on the pc machine: the kernel says so and config space goes through "
              "ports 0xCF8/0xCFC; devmgr still enumerates PCI",
         programs=[DEVMGR], qemu_args=["-machine", "pc", "-device", "edu,addr=0x10"],
         cfg=["start devmgr.atxf with root"],
         expect=[r"^pci: no ECAM \(no ACPI MCFG\): config space through ports 0xcf8/0xcfc$",
                 devmgr_says(r"device 00:00\.0 pci 8086:1237 class 06:00:00"),
                 devmgr_says(r"device 00:10\.0 pci 1234:11e8 class 00:ff:00 .* msi"),
                 devmgr_says(r"ready ")],
         forbid=NO_PANIC + [r"FAIL", r"pci: ECAM"], exit=None,
         stop_at=devmgr_says(r"ready ")[1:]),
    dict(name="pci-ecam",
         what="q35: the kernel reaches config space through ECAM, from the ACPI MCFG",
         programs=[DEVMGR], qemu_args=EDU, cfg=["start devmgr.atxf with root"],
         expect=[r"^pci: ECAM at 0xb0000000, buses 0-31 mapped \(ACPI MCFG\)$",
                 devmgr_says(r"device 00:00\.0 pci 8086:29c0 class 06:00:00"),
                 devmgr_says(r"ready ")],
         forbid=NO_PANIC + [r"FAIL", r"pci: no ECAM"], exit=None,
         stop_at=devmgr_says(r"ready ")[1:]),
]

SCENARIOS += [
    dict(name="msix-vectors",
         what="room for 160 message vectors (20 devices x 8 queues); the 161st refused",
         append="ktest=vectors",
         expect=[r"^ktest vectors: 160 message vectors \(0x50-0xef\), the next: -\d+, a freed "
                 r"one again: 0x57$", r"^ktest vectors: PASS$"],
         forbid=NO_PANIC, exit="pass"),
]
