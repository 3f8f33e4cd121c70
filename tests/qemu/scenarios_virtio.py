"""virtio: the real virtio-rng driver (drivers/misc/virtio-rng), built on the
SDK's virtio library (sdk/lib/virtio), started by devmgr from its manifest on
QEMU's modern-only virtio-rng-pci, serves getrandom-style clients
(tests/qemu/progs/rng-check.c): many READs each, bytes that look random (not
all equal, no 16-byte block twice, most byte values present, about half the
bits set) and two first reads that differ.
"""
from scenarios import DEVMGR, NO_PANIC, contains, devmgr_says, exited, says

VIRTIO_RNG = ["-device", "virtio-rng-pci,disable-legacy=on,addr=0x11"]
DRIVER = "virtio-rng.atxf=../drivers/virtio-rng.atxf"
INSTANCE = r"virtio-rng\.00-11\.0"
# VERSION_1 (bit 32), INDIRECT_DESC (28) and EVENT_IDX (29): QEMU offers all three.
FEATURES = r"0x130000000"


def checker_ok(prog, nbytes):
    return [says(prog, r"rng-check: %d bytes in \d+ reads from %s$" % (nbytes, INSTANCE)),
            says(prog, r"rng-check: OK: \d+ distinct byte values, \d+\.\d% ones, "
                       r"no block repeated$")]


def driver_up():
    return [devmgr_says(r"device 00:11\.0 pci 1af4:1044 "),
            says("virtio-rng.atxf", r"%s: virtio 1\.x, features %s, 8-entry requestq on "
                                    r"MSI-X vector 1$" % (INSTANCE, FEATURES))]


SCENARIOS = [
    dict(name="virtio-rng",
         what="virtio-rng on the virtio library (modern transport, MSI-X, event index) "
              "gives a client 4096 random-looking bytes over many READs",
         programs=[DEVMGR, DRIVER, "rng-check.atxf"], qemu_args=VIRTIO_RNG,
         cfg=["start devmgr.atxf with root bootfs", "start rng-check.atxf 4096",
              "exit-with rng-check.atxf"],
         expect=driver_up() + checker_ok("rng-check.atxf", 4096) +
                [exited("rng-check.atxf", 0)],
         check=contains(devmgr_says(r"started virtio-rng \(%s\) on 00:11\.0 pid \d+ "
                                    r"generation 0 with 4 capabilities$" % INSTANCE)),
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"device error", r"did not start"],
         exit=0, timeout=240),
    # Two clients at once, each with its own stream of READs: every byte the
    # device delivers goes to one of them, so their bytes differ too.
    dict(name="virtio-rng-two-clients",
         what="virtio-rng serves two clients reading at the same time; each gets "
              "random-looking bytes",
         programs=[DEVMGR, DRIVER, "rng-a.atxf=rng-check.atxf", "rng-b.atxf=rng-check.atxf"],
         qemu_args=VIRTIO_RNG,
         cfg=["start devmgr.atxf with root bootfs", "start rng-a.atxf 8192",
              "start rng-b.atxf 8192"],
         expect=driver_up(),
         check=contains(*(checker_ok("rng-a.atxf", 8192) + checker_ok("rng-b.atxf", 8192))),
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"device error", r"did not start"],
         exit=None, timeout=240,
         stop_at=[p[1:] for p in checker_ok("rng-a.atxf", 8192)[1:] +
                  checker_ok("rng-b.atxf", 8192)[1:]]),
    # The rng class client (<atxf/client/rng.h>) across three kills of the
    # driver: devmgr restarts it each time, and the library reconnects and
    # sends the read again, so each of the 48 reads is answered in full.
    dict(name="virtio-rng-client-restart",
         what="the rng client library reads through three kills of virtio-rng: "
              "every read answered in full, random-looking bytes",
         programs=[DEVMGR, DRIVER, "rng-stream.atxf"], qemu_args=VIRTIO_RNG,
         cfg=["start devmgr.atxf with root bootfs", "start rng-stream.atxf 48 3",
              "exit-with rng-stream.atxf"],
         expect=[says("rng-stream.atxf", r"rng-stream: killed pid \d+ \(kill %d of 3\)$" % k)
                 for k in (1, 2, 3)] +
                [says("rng-stream.atxf", r"rng-stream: 12288 bytes in 48 reads, 3 reconnects: OK$"),
                 exited("rng-stream.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=0, timeout=240),
]

# Behind intel-iommu: with iommu_platform=on the device offers
# ACCESS_PLATFORM (bit 33) and its DMA goes through its domain; without it
# the device would use that domain's addresses as physical ones, so the
# library refuses it (sdk/lib/virtio/dma_reachable.c).
IOMMU = ["-device", "intel-iommu,intremap=off"]
PLATFORM_FEATURES = r"0x330000000"
GAVE_UP = r"virtio-rng \(%s\): \d+ failures within \d+ ms: giving up$" % INSTANCE

SCENARIOS += [
    dict(name="virtio-rng-iommu",
         what="behind intel-iommu, virtio-rng-pci with iommu_platform=on negotiates "
              "ACCESS_PLATFORM and serves random bytes through its IOMMU domain",
         programs=[DEVMGR, DRIVER, "rng-check.atxf"],
         qemu_args=IOMMU + ["-device", "virtio-rng-pci,disable-legacy=on,iommu_platform=on,"
                                       "addr=0x11"],
         cfg=["start devmgr.atxf with root bootfs", "start rng-check.atxf 4096",
              "exit-with rng-check.atxf"],
         expect=[says("virtio-rng.atxf", r"%s: virtio 1\.x, features %s, 8-entry requestq on "
                                         r"MSI-X vector 1$" % (INSTANCE, PLATFORM_FEATURES))] +
                checker_ok("rng-check.atxf", 4096) + [exited("rng-check.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"^iommu: blocked", r"did not start"],
         exit=0, timeout=240),
    dict(name="virtio-rng-iommu-bypass-refused",
         what="behind intel-iommu, a virtio-rng-pci without iommu_platform (no "
              "ACCESS_PLATFORM) is refused with the reason: it would bypass the IOMMU",
         programs=[DEVMGR, DRIVER],
         qemu_args=IOMMU + VIRTIO_RNG,
         cfg=["start devmgr.atxf with root bootfs"],
         expect=[says("virtio-rng.atxf", r"%s: virtio-rng did not start: not supported by "
                                         r"this driver or device: the device does not offer "
                                         r"VIRTIO_F_ACCESS_PLATFORM, so it would bypass the "
                                         r"IOMMU that translates its DMA \(QEMU: "
                                         r"iommu_platform=on\)$" % INSTANCE),
                 devmgr_says(GAVE_UP)],
         forbid=NO_PANIC + [r"^fault: ", r"^iommu: blocked", r"requestq on MSI-X"],
         exit=None, timeout=240, stop_at=[devmgr_says(GAVE_UP)[1:]]),
]
