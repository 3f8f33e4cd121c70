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
