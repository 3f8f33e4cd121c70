"""The kernel console and the 16550 driver share COM1: the kernel logs
through the UART the driver programs. Each time a driver sets the baud
rate it opens the divisor-latch window (LCR.DLAB set, offset 0 is the
divisor); a log line written then must still come out whole, and the
divisor the driver wrote must stay (tests/qemu/progs/dlab-hold.c holds
the window open the way a driver preempted inside it would)."""
import re

from scenarios import NO_PANIC, exited, says

ROUNDS = 500
CHATTER_LINE = re.compile(r"^chatter\.atxf\[\d+\]: chatter: line (\d+)$")


def chatter_unbroken(log):
    """Every chatter line whole, numbered 1, 2, ... without a gap."""
    want = 1
    for line in log.splitlines():
        if "chatter: line" not in line:
            continue
        m = CHATTER_LINE.match(line)
        if not m:
            return "a chatter line came out broken: %.120s" % line
        if int(m.group(1)) != want:
            return "chatter line %d is missing (line %s came next)" % (want, m.group(1))
        want += 1
    return None if want > 100 else "chatter logged only %d lines" % (want - 1)


SCENARIOS = [
    dict(name="console-shared-uart",
         what="kernel log lines written while a program holds COM1's divisor latch "
              "open all come out whole, none lost, and the divisor stays as written",
         programs=["chatter.atxf", "dlab-hold.atxf"],
         cfg=["start chatter.atxf", "start dlab-hold.atxf %d with ioport:0x3f8-0x3ff:rw" % ROUNDS,
              "exit-with dlab-hold.atxf"],
         expect=[says("dlab-hold.atxf", r"dlab-hold: %d rounds, divisor 1 each time$" % ROUNDS),
                 exited("dlab-hold.atxf", 0)],
         check=chatter_unbroken,
         forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=0),
]
