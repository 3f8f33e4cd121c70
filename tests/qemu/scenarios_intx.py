"""INTx for PCI devices without MSI, and for drivers that prefer it
(docs/pci-interrupts.md). Same table format as scenarios.py.

devmgr runs as the first process (it then has the boot archive) and
starts the two test drivers from their manifests on every matching
function: intx-e1000 (82540EM, no MSI, asks for `pci-irq`) and intx-edu
(edu, MSI left off, asks for `pci-intx`). Each makes its device interrupt
five times and logs every arrival's line (tests/qemu/progs/intx_test.h).

The GSI each function must get is worked out here from how QEMU 7.2
wires q35 (hw/isa/lpc_ich9.c, ich9_lpc_map_irq and its default routing:
slot S < 24, pin P (0 = INTA#) drives PIRQ[E + (S + P) mod 4], which is
IOAPIC input 20 + (S + P) mod 4), plus the PCI-to-PCI bridge swizzle
(hw/pci/pci.c, pci_swizzle_map_irq_fn): not from the DSDT devmgr reads,
so the test checks devmgr's reading against the wiring itself.
"""
import re

from scenarios import NO_PANIC, contains, says

DEVMGR = "devmgr.atxf=../services/devmgr.atxf"
PROGRAMS = [DEVMGR, "intx-edu.atxf", "intx-e1000.atxf"]
ROUNDS = 5

# (driver, bus, slot, function, QEMU -device arguments). The bridge, a
# conventional PCI-to-PCI bridge in slot 0x13, gets bus 1 from SeaBIOS.
BRIDGE = ["-device", "pci-bridge,id=br1,chassis_nr=1,addr=0x13"]
BRIDGE_SLOT = 0x13
FUNCTIONS = [
    ("intx-edu", 0, 0x10, 0, "edu,addr=0x10"),
    ("intx-e1000", 0, 0x14, 0, "e1000,addr=0x14"),          # shares edu 00:10.0's line
    ("intx-e1000", 0, 0x11, 0, "e1000,addr=0x11"),
    ("intx-edu", 0, 0x12, 0, "edu,addr=0x12.0,multifunction=on"),
    ("intx-e1000", 0, 0x12, 1, "e1000,addr=0x12.1"),        # function 1, same slot
    ("intx-edu", 1, 0x02, 0, "edu,bus=br1,addr=0x2"),       # behind the bridge
]


def q35_gsi(bus, slot, pin=0):
    """The GSI QEMU's q35 delivers INTx of (bus, slot, pin) on."""
    if bus:                                 # one bridge, in BRIDGE_SLOT of bus 0
        pin, slot = (pin + slot) % 4, BRIDGE_SLOT
    return 20 + (slot + pin) % 4


def instance(driver, bus, slot, fn):
    return "%s.%02x-%02x.%x" % (driver, bus, slot, fn)


def function_checks(driver, bus, slot, fn):
    """What devmgr, the kernel and the driver say of one function."""
    gsi = q35_gsi(bus, slot)
    inst = re.escape(instance(driver, bus, slot, fn))
    prog = "%s.atxf" % driver
    return [
        says("devmgr.atxf", r"devmgr: device %02x:%02x\.%x pci .* intx A gsi %d$"
             % (bus, slot, fn, gsi)),
        says("devmgr.atxf", r"devmgr: started %s \(%s\) on %02x:%02x\.%x pid \d+ "
             r"generation 0 with 2 capabilities$" % (driver, inst, bus, slot, fn)),
        r"^irq: %s pid \d+ handles line 0x%x \(vector 0x[0-9a-f]+, level\)$"
        % (re.escape(prog), gsi),
        says(prog, r"%s: INTx on GSI %d$" % (inst, gsi)),
        says(prog, r"%s: %d of %d interrupts arrived on GSI %d \(\d+ from other devices\)$"
             % (inst, ROUNDS, ROUNDS, gsi)),
    ]


def done_line(driver, bus, slot, fn):
    return function_checks(driver, bus, slot, fn)[-1][1:]


def qemu_args():
    args = list(BRIDGE)
    for *_, device in FUNCTIONS:
        args += ["-device", device]
    return args


CHECKS = [c for f in FUNCTIONS for c in function_checks(*f[:4])]

SCENARIOS = [
    # Six functions in five slots of bus 0 and one behind a bridge; GSI 20
    # has three holders (edu, e1000, edu), 22 two (functions 0 and 1 of
    # one slot), 21 two (the bridged edu swizzled onto it).
    dict(name="intx-routing",
         what="e1000 (no MSI) and edu (MSI off) get INTx on the line the chipset wires, "
              "in several slots, a second function and behind a bridge; shared lines work",
         programs=PROGRAMS, cfg=[], append="init=devmgr.atxf", qemu_args=qemu_args(),
         expect=[says("devmgr.atxf", r"devmgr: INTx routing from the DSDT: "
                      r"\\_SB_\.PCI0\.PRTA, 128 entries$"),
                 says("devmgr.atxf", r"devmgr: ready \(6 driver instances\)$")],
         check=contains(*CHECKS),
         forbid=NO_PANIC + [r"FAIL", r"refused intx-", r"ended with status"],
         exit=None, stop_at=[done_line(*f[:4]) for f in FUNCTIONS]),
]
