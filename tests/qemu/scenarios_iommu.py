"""The iommu area's QEMU scenarios: DMA confined by VT-d, zero-copy DMA
into a client's shared page, and the frames of a dead client kept for the
device until its driver unmaps them (kernel/iommu, kernel/mm/dma*.c,
kernel/mm/pin.c; docs/syscalls.md SYS_DMA_*).

The device is QEMU's edu (hw/misc/edu.c), whose DMA engine the test
programs drive by hand (tests/qemu/progs/edu_dma.h): dma-attack.atxf aims
it at memory that is not its own, dma-victim.atxf owns a buffer for a
second edu, dma-shmdrv.atxf maps dma-client.atxf's page for its edu. Each
scenario runs with `-device intel-iommu` and without: with it every
attack is blocked and logged; without it the boot log says DMA is
unconfined, and the reads do reach the victim and the kernel (which shows
the checks can fail). Kernel lines and program lines come from different
processes, so kernel lines are checked in any order (`contains`).
"""
import re

from scenarios import NO_PANIC, all_checks, contains, exited, says

IOMMU = ["-device", "intel-iommu,intremap=off"]
# Two edus: the attacker's at 00:10.0, the victim's at 00:14.0. Their BARs
# lie in the window below; the programs find their own from config space.
EDUS = ["-device", "edu,addr=0x10", "-device", "edu,addr=0x14"]
EDU_WINDOW = "mmio:0xfe800000+0x400000:rw"
ATTACKER = "start dma-attack.atxf %s with pci:00:10.0:rw " + EDU_WINDOW + " dma:8K:w"
VICTIM = "start dma-victim.atxf with pci:00:14.0:r dma:8K:w"
SHMDRV = "start dma-shmdrv.atxf with pci:00:10.0:rw " + EDU_WINDOW + " dma:8K:w"
KILLER = "start killer.atxf dma-client.atxf dma-shmdrv-armed with root"

CONFINED = r"^iommu: VT-d \d+\.\d+ at 0x[0-9a-f]+, [34]-level domains, \d+ fault record\(s\): " \
           r"DMA is confined, each device reaches only its own driver's buffers$"
UNCONFINED = r"^iommu: no IOMMU \(no ACPI DMAR table\): DMA is unconfined, any bus-master " \
             r"device can read and write all memory$"
VICTIM_LINE = re.compile(r"dma-victim: buffer at bus 0x([0-9a-f]+) \(physical 0x([0-9a-f]+)\) "
                         r"filled, serving$", re.M)
KERNEL_PHYS = 0x100000


def attack(what, verb):
    return says("dma-attack.atxf", r"dma-attack: %s %s at 0x[0-9a-f]+: " % (verb, what))


def blocked_fault(kind, addr):
    """The kernel's line for a blocked DMA by the attacker's edu at addr."""
    reason = "page not mapped for writing \\(reason 0x5\\)" if kind == "write" else \
        "page not mapped for reading \\(reason 0x6\\)"
    return r"^iommu: blocked DMA %s by 00:10\.0 at 0x%x: %s; device of dma-attack\.atxf " \
           r"pid \d+$" % (kind, addr, reason)


def every_attack_faulted(log):
    """A logged fault for each read and write at each of the three targets:
    the victim's physical and bus address (from its line) and the kernel."""
    m = VICTIM_LINE.search(log)
    if not m:
        return "no dma-victim line with its addresses"
    targets = [int(m.group(2), 16), int(m.group(1), 16), KERNEL_PHYS]
    for addr in targets:
        for kind in ("read", "write"):
            if not re.search(blocked_fault(kind, addr), log, re.M):
                return "no logged fault for the %s at 0x%x" % (kind, addr)
    return None


def said_once(pattern):
    def check(log):
        n = len(re.findall(pattern, log, re.M))
        return None if n == 1 else "%d lines match %s, expected exactly 1" % (n, pattern)
    return check


ATTACK_PROGRAMS = ["dma-attack.atxf", "dma-victim.atxf"]
SHM_PROGRAMS = ["dma-shmdrv.atxf", "dma-client.atxf", "killer.atxf"]


def shm_scenario(name, what, qemu_args, boot_line):
    return dict(
        name=name, what=what, programs=SHM_PROGRAMS, qemu_args=qemu_args + ["-device", "edu,addr=0x10"],
        cfg=[SHMDRV, "start dma-client.atxf", KILLER, "exit-with dma-shmdrv.atxf"],
        expect=[boot_line,
                says("dma-shmdrv.atxf", r"dma-shmdrv: client page mapped for 00:10\.0: 1 "
                     r"segment\(s\), bus 0x[0-9a-f]+; device wrote it$"),
                says("dma-shmdrv.atxf", r"dma-shmdrv: client dead; after 16 MiB of new "
                     r"allocations the device still reads its bytes: ok$"),
                says("dma-shmdrv.atxf", r"dma-shmdrv: the device still writes the page and "
                     r"reads it back: ok$"),
                says("dma-shmdrv.atxf", r"dma-shmdrv: unmapped$"),
                exited("dma-shmdrv.atxf", 0)],
        check=contains(
            says("dma-client.atxf", r"dma-client: the device's bytes are in my page, no copy: ok$"),
            r"^kill: dma-client\.atxf pid \d+, by killer\.atxf pid \d+$",
            # The frame accounting: kept at the client's death, freed at the unmap.
            r"^reclaim: dma-client\.atxf pid \d+: 1 frame\(s\) kept, pinned for DMA until "
            r"unmapped$",
            r"^dma: dma-shmdrv\.atxf pid \d+ unmapped 1 shared page\(s\) from 00:10\.0; 1 "
            r"frame\(s\) freed now \(their owner had let them go\)$"),
        forbid=NO_PANIC + [r"FAIL", r"^iommu: blocked"], exit=0)


SCENARIOS = [
    dict(name="ktest-dma", what="kernel self-test: frame pins and the bus address allocator",
         append="ktest=dma", expect=[r"^ktest dma: PASS$"], forbid=NO_PANIC, exit="pass"),
    dict(name="dma-iommu-confined",
         what="with intel-iommu, edu's DMA at another process's memory, another device's buffer "
              "and the kernel is blocked and logged; the victim's buffer is intact; the "
              "driver's own DMA works before and after",
         programs=ATTACK_PROGRAMS, qemu_args=IOMMU + EDUS,
         cfg=[VICTIM, ATTACKER % "attack", "exit-with dma-attack.atxf"],
         expect=[CONFINED,
                 says("dma-attack.atxf", r"dma-attack: own buffer at bus 0x[0-9a-f]+: the device "
                      r"copied 2048 bytes back: ok$"),
                 attack("the victim's memory", "read of") + "blocked",
                 attack("the victim device's buffer", "read of") + "blocked",
                 attack("kernel memory", "read of") + "blocked",
                 attack("the victim's memory", "write to") + "issued",
                 attack("the victim device's buffer", "write to") + "issued",
                 attack("kernel memory", "write to") + "issued",
                 says("dma-attack.atxf", r"dma-attack: after the attacks: own buffer copied "
                      r"back: ok$"),
                 says("dma-attack.atxf", r"dma-attack: the victim says its buffer is intact$"),
                 exited("dma-attack.atxf", 0)],
         check=all_checks(contains(says("dma-victim.atxf", r"dma-victim: after the attacks my buffer "
                                  r"is intact: ok$")),
                    every_attack_faulted),
         forbid=NO_PANIC + [r"FAIL", r"LEAKED", r"unconfined"], exit=0),
    dict(name="dma-unconfined",
         what="without an IOMMU the boot log says once that DMA is unconfined, and edu's DMA "
              "does read the victim's buffer and the kernel (the checks can fail)",
         programs=ATTACK_PROGRAMS, qemu_args=EDUS,
         cfg=[VICTIM, ATTACKER % "peek", "exit-with dma-attack.atxf"],
         expect=[UNCONFINED,
                 attack("the victim's memory", "read of") + "LEAKED",
                 attack("the victim device's buffer", "read of") + "LEAKED",
                 attack("kernel memory", "read of") + "LEAKED",
                 says("dma-attack.atxf", r"dma-attack: the victim says its buffer is intact$"),
                 exited("dma-attack.atxf", 0)],
         check=said_once(r"DMA is unconfined"),
         forbid=NO_PANIC + [r"FAIL", r"^iommu: blocked", r"^iommu: VT-d"], exit=0),
    shm_scenario("dma-shm-iommu",
                 "with intel-iommu: edu writes a client's shared page with no copy; the client "
                 "is killed, its frame stays the device's (not reused) until the driver unmaps",
                 IOMMU, CONFINED),
    shm_scenario("dma-shm-unconfined",
                 "the same without an IOMMU: bus addresses are physical, the pin still holds",
                 [], UNCONFINED),
]


def devmgr_says(text):
    return says("devmgr.atxf", r"devmgr: " + text)


def devmgr_fault_scenario(name, what, drv, after, never):
    """devmgr as the first process (init=devmgr.atxf) starts drv (dm-dmabad
    or dm-dmastop) on the edu from its manifest. Generation 0 aims edu at
    the kernel: the kernel blocks and logs it and tells devmgr, which ends
    the driver as a crash; `after` is what devmgr does then, by the
    manifest: the lines from there on, the last one ending the run; never,
    a line the other choice would log."""
    prog = drv + ".atxf"
    return dict(
        name=name, what=what, programs=["devmgr.atxf=../services/devmgr.atxf", prog],
        append="init=devmgr.atxf", qemu_args=IOMMU + ["-device", "edu,addr=0x10"],
        expect=[CONFINED,
                says(prog, r"%s: generation 0: own DMA at bus 0x[0-9a-f]+: ok$" % drv),
                says(prog, r"%s: generation 0: aiming the device at kernel memory$" % drv)]
        + after,
        check=contains(
            r"^iommu: blocked DMA write by 00:10\.0 at 0x100000: page not mapped for writing "
            r"\(reason 0x5\); device of %s pid \d+$" % re.escape(prog),
            devmgr_says(r"DMA fault by %s \(\S+\) pid \d+: its device 00:10\.0 wrote "
                        r"0x100000 outside its buffers; ending it as a crash$" % drv),
            devmgr_says(r"%s \(\S+\) pid \d+ ended with status 137 after \d+ ms$" % drv)),
        forbid=NO_PANIC + [r"FAIL", never],
        exit=None, stop_at=after[-1][1:])


SCENARIOS += [
    devmgr_fault_scenario(
        "dma-fault-devmgr",
        "with intel-iommu: a driver's blocked DMA is logged, devmgr ends it as a crash and "
        "restarts it as its manifest allows; the restarted driver's own DMA works",
        "dm-dmabad",
        [devmgr_says(r"restarting dm-dmabad \(\S+\) generation 1, restart 1, "),
         says("dm-dmabad.atxf", r"dm-dmabad: generation 1: own DMA at bus 0x[0-9a-f]+: ok$"),
         says("dm-dmabad.atxf", r"dm-dmabad: generation 1: serving$")],
        r"its manifest says no restart"),
    # Its manifest says no restart: the reap rules keep it stopped (they log
    # that instead of "restarting in").
    devmgr_fault_scenario(
        "dma-fault-devmgr-stop",
        "with intel-iommu: a driver's blocked DMA ends it; its manifest says no restart, so "
        "devmgr keeps it stopped",
        "dm-dmastop",
        [devmgr_says(r"dm-dmastop \(\S+\): its manifest says no restart$")],
        r"restarting dm-dmastop"),
]

# The kernel's refusals of bad DMA requests, and segment lists that keep
# the tag's limits, with and without an IOMMU (tests/qemu/progs/dma-tags.c).
SCENARIOS += [
    dict(name=name, what="DMA requests with bad tags, handles or rights are refused with their "
                         "error and change nothing; mappings split at max_seg and boundary" + why,
         programs=["dma-tags.atxf"], qemu_args=extra + ["-device", "edu,addr=0x10"],
         cfg=["start dma-tags.atxf with pci:00:10.0:r dma:16K:w", "exit-with dma-tags.atxf"],
         expect=[boot_line, says("dma-tags.atxf", r"dma-tags: (\d+) of \1 cases passed$"),
                 exited("dma-tags.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL"], exit=0)
    for name, why, extra, boot_line in (
        ("dma-tags-iommu", " (intel-iommu)", IOMMU, CONFINED),
        ("dma-tags", " (no IOMMU)", [], UNCONFINED))]

# A driver dies with an edu transfer pending (tests/qemu/progs/dma-orphan.c).
ORPHAN = "start %s with pci:00:10.0:rw " + EDU_WINDOW + " dma:8K:w"
ORPHAN_STOPPED = r"^dma: dma-orphan\.atxf pid \d+ ended: bus mastering of 00:10\.0 turned off " \
                 r"before its DMA memory is freed$"

SCENARIOS += [
    dict(name="dma-orphan-stopped",
         what="without an IOMMU, a driver that dies with a DMA transfer pending has its "
              "device's bus mastering turned off before its DMA memory is freed, so the "
              "transfer, which runs after the death, never reads that memory",
         programs=["dma-orphan.atxf", "dma-orphan-check.atxf"],
         qemu_args=["-device", "edu,addr=0x10"],
         cfg=[ORPHAN % "dma-orphan.atxf", ORPHAN % "dma-orphan-check.atxf",
              "exit-with dma-orphan-check.atxf"],
         expect=[UNCONFINED,
                 says("dma-orphan-check.atxf", r"dma-orphan: bus mastering was off after the armed "
                      r"driver ended$"),
                 says("dma-orphan-check.atxf", r"dma-orphan: the transfer it left did not read its "
                      r"freed memory: ok$")],
         check=contains(ORPHAN_STOPPED),
         forbid=NO_PANIC + [r"FAIL"], exit=0),
]
