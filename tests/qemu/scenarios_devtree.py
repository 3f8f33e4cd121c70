"""The device tree and hot-plug (docs/devmgr.md, "The device tree" and
"Children and hot-plug"). devmgr runs as the first process with the boot
archive; tests/qemu/progs/dt-bus.c, matched on COM1 by its properties, adds
and removes child nodes while the system runs, and dt-child.c, matched by
the property interface=dt-test, is started and stopped on each of them.
"""
import re

from scenarios import DEVMGR, NO_PANIC, all_checks, contains, devmgr_says, says


def bus_says(text):
    return says("dt-bus.atxf", r"dt-bus: " + text)


def in_order(*patterns):
    """A check: the regexes match lines in this order (lines of one process)."""
    def check(log):
        at = 0
        for p in patterns:
            m = re.compile(p, re.M).search(log, at)
            if not m:
                return "missing, or out of order: " + p
            at = m.end()
        return None
    return check


MEASURE = re.compile(r"dt-bus: measure (before|after): frames (\d+) tables (\d+) heap (\d+)\+(\d+) "
                     r"ports (\d+) devmgr handles (\d+) nodes (\d+) instances (\d+)$", re.M)


def nothing_grew(log):
    """The figures dt-bus measured around its 200 cycles: none grew. Free
    frames may go down only by the kernel-half page tables the kernel made
    meanwhile, which it keeps by design (kernel/mm/kva.c)."""
    got = {m.group(1): [int(x) for x in m.groups()[1:]] for m in MEASURE.finditer(log)}
    if set(got) != {"before", "after"}:
        return "no measure before and after"
    before, after = got["before"], got["after"]
    if after[0] + after[1] < before[0] + before[1]:
        return "free frames went down by more than the new kernel page tables: " \
               "%d+%d -> %d+%d" % (before[0], before[1], after[0], after[1])
    for name, b, a in zip(("heap blocks", "heap pages", "ports", "devmgr handles", "nodes",
                           "instances"), before[2:], after[2:]):
        if a > b:
            return "%s grew: %d -> %d" % (name, b, a)
    return None


def stopping(instance):
    return devmgr_says(r"stopping dt-child \(%s\) pid \d+: its device is being removed$"
                       % re.escape(instance))


SCENARIOS = [
    dict(name="devtree-hotplug",
         what="a bus driver adds and removes child nodes while the system runs: devmgr "
              "starts and stops the child drivers they match, refuses a node under "
              "another's node, removes a subtree children first, and 200 add/remove "
              "cycles leak no memory, port, capability, node or instance",
         programs=[DEVMGR, "dt-bus.atxf", "dt-child.atxf"], cfg=[], append="init=devmgr.atxf",
         timeout=300,
         expect=[devmgr_says(r"2 drivers with a manifest in the boot archive$"),
                 devmgr_says(r"started dt-bus \(dt-bus\.com1\) on COM1 pid \d+ generation 0 "
                             r"with 0 capabilities$"),
                 bus_says(r"a child under i8042 \(node \d+\): EPERM refused ok$"),
                 bus_says(r"removing i8042 \(node \d+\): EPERM refused ok$"),
                 bus_says(r"a child without a name: EINVAL refused ok$"),
                 bus_says(r"hub up: 3 drivers running$"),
                 bus_says(r"hub removed: COM1/hub/leaf0 COM1/hub/leaf1 COM1/hub$"),
                 bus_says(r"measure before: "),
                 bus_says(r"200 add/remove cycles done$"),
                 bus_says(r"measure after: "),
                 bus_says(r"leak check ok$")],
         check=all_checks(
             in_order(devmgr_says(r"dt-bus \(dt-bus\.com1\) asked for a child under node \d+, "
                                  r"which is not its own node \d+ \(COM1\): refused$"),
                      devmgr_says(r"dt-bus \(dt-bus\.com1\) asked to remove node \d+ "
                                  r"\(i8042\), which it did not add: refused$"),
                      devmgr_says(r"dt-bus \(dt-bus\.com1\): child refused: no name=\.\.\. "
                                  r"property"),
                      devmgr_says(r"device COM1/hub node \d+ child of node \d+: name=hub "
                                  r"interface=dt-test role=hub$"),
                      devmgr_says(r"started dt-child \(dt-child\.com1/hub\) on COM1/hub pid "
                                  r"\d+ generation 0 with 1 capabilities$"),
                      devmgr_says(r"device COM1/hub/leaf0 node \d+ child of node \d+: "
                                  r"name=leaf0 interface=dt-test$"),
                      stopping("dt-child.com1/hub/leaf0"),
                      stopping("dt-child.com1/hub/leaf1"),
                      stopping("dt-child.com1/hub"),
                      devmgr_says(r"device COM1/hub node \d+ removed$")),
             in_order(says("dt-child.atxf", r"dt-child: dt-child\.com1/hub up, told its "
                           r"parent$"),
                      says("dt-child.atxf", r"dt-child: dt-child\.com1/hub added nodes \d+ "
                           r"and \d+$")),
             contains(*[says("dt-child.atxf", r"dt-child: dt-child\.com1/hub heard from "
                             r"dt-child\.com1/hub/leaf%d$" % i) for i in (0, 1)]),
             nothing_grew),
         forbid=NO_PANIC + [r"FAIL", r"fault: ", r"missed \d+ heartbeats",
                            r"dt-child.* ended with status [1-9]"],
         exit=None, stop_at=bus_says(r"leak check ok$")[1:]),
]
