"""MSI-X scenarios (issue 11, item 1): each device's test driver, started by
devmgr from its manifest, makes every vector it was granted fire through the
device's own mechanism and sees it as irq(dev, i) (tests/qemu/progs/msix-*.c);
a driver that tries to reach the MSI-X table or capability is refused or
faults, and its vectors still fire afterwards. Also config space through the
ports 0xCF8/0xCFC where there is no ECAM (the `pc` machine)."""
from scenarios import DEVMGR, NO_PANIC, devmgr_says, says

VIRTIO_RNG = ["-device", "virtio-rng-pci,disable-legacy=on,vectors=2,addr=0x11"]


def driver_says(prog, instance, text):
    return says(prog + ".atxf", r"%s: %s" % (instance, text))


def irq_line(prog, vectors):
    """The kernel's line for each vector the driver binds."""
    return r"^irq: %s\.atxf pid \d+ handles line 0x2000[0-9a-f]{5} \(vector 0x[0-9a-f]+, " \
           r"MSI-X\)$" % prog


SCENARIOS = [
    dict(name="msix-virtio",
         what="virtio-rng-pci (modern): the request queue's vector and the configuration "
              "vector each fire and reach the driver as irq(dev, 1) and irq(dev, 0)",
         programs=[DEVMGR, "msix-virtio.atxf"], qemu_args=VIRTIO_RNG, cfg=[],
         append="init=devmgr.atxf",
         expect=[devmgr_says(r"device 00:11\.0 pci 1af4:1044 .*msix 2 \(table bar1\+0x0, "
                             r"pba bar1\+0x800\)"),
                 devmgr_says(r"started msix-virtio \(msix-virtio\.00-11\.0\) on 00:11\.0 pid "
                             r"\d+ generation 0 with 4 capabilities$"),
                 driver_says("msix-virtio", r"msix-virtio\.00-11\.0",
                             r"2 MSI-X vectors granted; queue 0 on vector 1, config on 0$"),
                 driver_says("msix-virtio", r"msix-virtio\.00-11\.0",
                             r"irq\(dev, 1\): request queue: 16 random bytes in the used ring$"),
                 driver_says("msix-virtio", r"msix-virtio\.00-11\.0",
                             r"irq\(dev, 0\): configuration change: DEVICE_NEEDS_RESET$"),
                 driver_says("msix-virtio", r"msix-virtio\.00-11\.0", r"all 2 vectors fired$")],
         check=None,
         forbid=NO_PANIC + [r"FAIL", r"fault: "], exit=None,
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
    dict(name="msix-nvme",
         what="nvme: each of 4 granted MSI-X vectors fires (admin and I/O completion "
              "queues); the table and capability are out of the driver's reach; the "
              "vectors still fire afterwards, and after a restart",
         programs=[DEVMGR, "msix-nvme.atxf"], qemu_args=NVME, cfg=[],
         append="init=devmgr.atxf",
         expect=[devmgr_says(r"device 00:12\.0 pci 1b36:0010 .*msix 65 \(table bar0\+0x2000, "
                             r"pba bar0\+0x3000\)"),
                 devmgr_says(r"started msix-nvme \(msix-nvme\.00-12\.0\) on 00:12\.0 pid \d+ "
                             r"generation 0 with 4 capabilities$"),
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
         forbid=NO_PANIC + [r"FAIL", r"generation 2"], exit=None,
         stop_at=nvme_says(r"generation 1: done$")[1:]),
]
