"""INTx for PCI devices without MSI, and for drivers that prefer it
(docs/pci-interrupts.md). Same table format as scenarios.py.

devmgr runs as the first process (it then has the boot archive) and
starts the two test drivers from their manifests on every matching
function: intx-e1000 (82540EM, no MSI, asks for `pci-irq`) and intx-edu
(edu, MSI left off, asks for `pci-intx`). Each makes its device interrupt
five times and logs every arrival's line (tests/qemu/progs/intx_test.h).

The GSI each function must get is worked out here from how QEMU 7.2
wires the machine, not from what devmgr reads, so the test checks
devmgr's reading against the wiring itself:
- q35 (hw/isa/lpc_ich9.c, ich9_lpc_map_irq and its default routing):
  slot S < 24, pin P (0 = INTA#) drives PIRQ[E + (S + P) mod 4], which is
  IOAPIC input 20 + (S + P) mod 4; behind a PCI-to-PCI bridge the pin is
  first swizzled (hw/pci/pci.c, pci_swizzle_map_irq_fn);
- pc (hw/pci-host/i440fx.c, pci_slot_get_pirq): PIRQ[(S + P - 1) mod 4],
  which SeaBIOS routes to ISA IRQ 10, 10, 11, 11 (GSI 10 and 11).
"""
import re

from scenarios import NO_PANIC, contains, says

DEVMGR = "devmgr.atxf=../services/devmgr.atxf"
PROGRAMS = [DEVMGR, "intx-edu.atxf", "intx-e1000.atxf"]
ROUNDS = 5

# q35: (driver, bus, slot, function, QEMU -device argument). The bridge, a
# conventional PCI-to-PCI bridge in slot 0x13, gets bus 1 from SeaBIOS.
BRIDGE_SLOT = 0x13
Q35_FUNCTIONS = [
    ("intx-edu", 0, 0x10, 0, "edu,addr=0x10"),
    ("intx-e1000", 0, 0x14, 0, "e1000,addr=0x14"),          # shares edu 00:10.0's line
    ("intx-e1000", 0, 0x11, 0, "e1000,addr=0x11"),
    ("intx-edu", 0, 0x12, 0, "edu,addr=0x12.0,multifunction=on"),
    ("intx-e1000", 0, 0x12, 1, "e1000,addr=0x12.1"),        # function 1, same slot
    ("intx-edu", 1, 0x02, 0, "edu,bus=br1,addr=0x2"),       # behind the bridge
]
Q35_ARGS = ["-device", "pci-bridge,id=br1,chassis_nr=1,addr=0x13"]

# pc: no default NIC, so that the e1000s are exactly these.
PC_FUNCTIONS = [
    ("intx-e1000", 0, 0x03, 0, "e1000,addr=0x3"),
    ("intx-e1000", 0, 0x04, 0, "e1000,addr=0x4"),
    ("intx-edu", 0, 0x05, 0, "edu,addr=0x5"),
    ("intx-edu", 0, 0x06, 0, "edu,addr=0x6.0,multifunction=on"),
    ("intx-e1000", 0, 0x06, 1, "e1000,addr=0x6.1"),
]
PC_ARGS = ["-machine", "pc", "-nic", "none"]
PC_PIRQ_IRQ = [10, 10, 11, 11]              # SeaBIOS's PIRQA-D


def q35_gsi(bus, slot, pin=0):
    """The GSI QEMU's q35 delivers INTx of (bus, slot, pin) on."""
    if bus:                                 # one bridge, in BRIDGE_SLOT of bus 0
        pin, slot = (pin + slot) % 4, BRIDGE_SLOT
    return 20 + (slot + pin) % 4


def pc_gsi(bus, slot, pin=0):
    """The GSI QEMU's pc delivers INTx of (bus 0, slot, pin) on."""
    assert bus == 0
    return PC_PIRQ_IRQ[(slot + pin - 1) % 4]


def instance(driver, bus, slot, fn):
    return "%s.%02x-%02x.%x" % (driver, bus, slot, fn)


def function_checks(gsi, driver, bus, slot, fn):
    """What devmgr, the kernel and the driver say of one function."""
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
        says(prog, r"%s: SYS_ACPI_TABLE without ROOT: EPERM ok$" % inst),
        says(prog, r"%s: %d of %d interrupts arrived on GSI %d \(\d+ from other devices\)$"
             % (inst, ROUNDS, ROUNDS, gsi)),
    ]


def intx_scenario(name, what, functions, gsi_of, args, routing):
    """devmgr starts the drivers on functions; each gets its line's interrupts."""
    checks = [function_checks(gsi_of(*f[1:3]), *f[:4]) for f in functions]
    for *_, device in functions:
        args = args + ["-device", device]
    return dict(name=name, what=what, programs=PROGRAMS, cfg=[], append="init=devmgr.atxf",
                qemu_args=args,
                expect=[says("devmgr.atxf", r"devmgr: INTx routing from " + routing),
                        says("devmgr.atxf", r"devmgr: ready \(%d driver instances\)$"
                             % len(functions))],
                check=contains(*[c for f in checks for c in f]),
                forbid=NO_PANIC + [r"FAIL", r"refused intx-", r"ended with status"],
                exit=None, stop_at=[f[-1][1:] for f in checks])


SCENARIOS = [
    # Six functions in five slots of bus 0 and one behind a bridge; GSI 20
    # has two holders (edu, e1000), 22 two (functions 0 and 1 of one
    # slot), 21 two (the bridged edu swizzled onto it).
    intx_scenario(
        "intx-routing",
        "q35: e1000 (no MSI) and edu (MSI off) get INTx on the line the chipset wires, "
        "in several slots, as function 1 and behind a bridge; shared lines work",
        Q35_FUNCTIONS, q35_gsi, Q35_ARGS,
        r"the DSDT: \\_SB_\.PCI0\.PRTA, 128 entries$"),
    # pc's _PRT is computed in AML: the PIIX3's PIRQ registers say it.
    intx_scenario(
        "intx-routing-pc",
        "pc: the same drivers get INTx on the ISA IRQs the PIIX3 routes PIRQA-D to, "
        "in four slots and as function 1; shared lines work",
        PC_FUNCTIONS, pc_gsi, PC_ARGS,
        r"the PIIX's PIRQ registers \(00:01\.0\): PIRQA-D -> 0x0a 0x0a 0x0b 0x0b$"),
]
