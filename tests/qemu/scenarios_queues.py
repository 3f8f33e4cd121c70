"""Deferred completion through a request ring: many requests in flight,
completed out of order from a device's interrupt.

queue-edu.atxf (tests/qemu/progs/queue-edu.c) is a block-class driver on
QEMU's edu device: every READ is held (ATXF_PENDING) and completed later
from the edu's MSI, several per interrupt, picked out of order, with the
sectors' contents computed. queue-client.atxf keeps 64 reads in flight
through an ATTACH_RING ring, checks that each completion names a request
in flight and that its slot holds exactly that request's sectors, then does
four reads through the call path, which the driver defers the same way.
The driver process serves three devices (atxf_device_add): queue-edu0 and
queue-edu0p1/p2, each its own disk with its own contents; the client runs
the whole check against each. Meanwhile a second client attaches a ring
to queue-edu0p1, submits 64 reads the device never finishes and exits: the
driver must cancel all 64 (client gone), and the first client's read of a
hanging sector must end after the driver's 300 ms timeout (-ATXF_ETIMEDOUT);
a read it gives up on itself (its own 300 ms call timeout) must be cancelled
by the driver too, told by the kernel (SYS_CALL_WATCH).
"""
import re

from scenarios import EDU_ARGS, EDU_BAR0, NO_PANIC, all_checks, contains, exited, says

REQUESTS = 640
IN_FLIGHT = 64
DEVICES = ["queue-edu0", "queue-edu0p1", "queue-edu0p2"]


def out_of_order(log):
    """A check: the client saw completions out of submission order."""

    found = re.findall(r"queue-client: \S+: \d+ of \d+ completions right, \d+ in flight, "
                       r"(\d+) out of order$", log, re.M)
    if len(found) != len(DEVICES):
        return "missing: the client's completion lines (%d of %d)" % (len(found), len(DEVICES))
    if any(int(n) == 0 for n in found):
        return "every completion came in submission order: nothing was deferred out of order"
    return None


def device_lines(name):
    """What the client says of one device, in order (the first: the timeout too)."""
    lines = [says("queue-client.atxf", r"queue-client: %s: %d of %d completions right, %d in "
                  r"flight, \d+ out of order$" % (name, REQUESTS, REQUESTS, IN_FLIGHT)),
             says("queue-client.atxf", r"queue-client: %s: 4 of 4 call-path reads right$" % name)]
    if name == DEVICES[0]:
        lines.append(says("queue-client.atxf", r"queue-client: %s: a hung read ended with "
                          r"ETIMEDOUT$" % name))
        lines.append(says("queue-client.atxf", r"queue-client: %s: gave up on a hung read$"
                          % name))
    return lines


SCENARIOS = [
    dict(name="queues-64",
         what="64 ring requests in flight against a driver that completes them out of order "
              "from its interrupt (deferred completion): each reaches its request with its "
              "data, none lost; the call path defers too",
         programs=["queue-edu.atxf", "queue-client.atxf",
                   "queue-abandon.atxf=queue-client.atxf"], qemu_args=EDU_ARGS,
         cfg=["start queue-edu.atxf with %s msi:00:10.0:r" % EDU_BAR0,
              "start queue-abandon.atxf abandon queue-edu0p1",
              "start queue-client.atxf %d %s" % (REQUESTS, " ".join(DEVICES)),
              "exit-with queue-client.atxf"],
         expect=[says("queue-edu.atxf", r"queue-edu0: serving 3 devices: %s$" % " ".join(DEVICES)),
                 says("queue-edu.atxf", r"queue-edu0: %d requests pending at once$" % IN_FLIGHT)]
         + [line for name in DEVICES for line in device_lines(name)]
         + [exited("queue-client.atxf", 0)],
         check=all_checks(out_of_order, contains(
             says("queue-abandon.atxf", r"queue-client: abandoning 64 reads on queue-edu0p1$"),
             says("queue-edu.atxf", r"queue-edu0: 66 hung requests cancelled \(65 client gone, "
                  r"1 timed out\)$"))),
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"dropped"], exit=0, timeout=240),
]
