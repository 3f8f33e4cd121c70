"""dmesg: the console's shell reads the kernel's log ring (SYS_LOG_READ,
kernel/syscall/sys_log.c) with the klog capability init gives it
(services/init/boot.cfg: `start console.atxf with klog:r`).

dmesg-boot-lines: `dmesg` typed on the serial line after boot prints the
kernel's boot lines again, timestamps and all (the serial line shows them
a second time, after the command), and the console's own ready line; the
"kernel ready" line it prints is the very one of the boot (same text).
dmesg-no-capability: a console started without the clause says so and
prints no kernel line.
"""
import re

from scenarios import BOOT_LINES
from shell_scenarios import CONSOLE_READY, SETTLE, SHELL_FORBID, out

END = "dmesg-end"
READY = r"^kernel ready: [\d.]+ ms after kernel entry$"


def printed_again(pattern):
    """A check: the lines matching pattern are exactly two, the same text."""
    def check(log):
        found = [l for l in log.splitlines() if re.search(pattern, l)]
        if len(found) != 2 or found[0] != found[1]:
            return "lines matching %s: %s, not the boot's one printed again" % (pattern, found)
        return None
    return check


SCENARIOS = [
    dict(name="dmesg-boot-lines",
         what="`dmesg` prints the kernel's boot lines from its log ring (SYS_LOG_READ with the "
              "console's klog capability), the same lines the serial line showed at boot",
         initrd="reference", console=True,
         # The console's ready line again: dmesg has reached it.
         qmp=[(CONSOLE_READY, [SETTLE, ("serial", ("dmesg\r",))]),
              (CONSOLE_READY, [("serial", ("echo %s\r" % END,))])],
         expect=BOOT_LINES + [CONSOLE_READY, r"dmesg$"] + BOOT_LINES +
                [CONSOLE_READY, out(END)],
         check=printed_again(READY),
         forbid=SHELL_FORBID + [r"^dmesg: "], exit=None, stop_at=[out(END)]),
    dict(name="dmesg-no-capability",
         what="a console started without the klog clause: `dmesg` says it holds no klog "
              "capability, and no kernel line is printed again",
         programs=["devmgr.atxf=../services/devmgr.atxf", "console.atxf=../services/console.atxf",
                   "ps2-keyboard.atxf", "ps2-mouse.atxf", "uart16550.atxf"],
         cfg=["start devmgr.atxf with root bootfs", "start console.atxf"], console=True,
         qmp=[(CONSOLE_READY, [SETTLE, ("serial", ("dmesg\r",))]),
              (r"^dmesg: ", [("serial", ("echo %s\r" % END,))])],
         expect=[CONSOLE_READY, out("dmesg: the console holds no klog capability with read "
                                    "(boot.cfg: start console.atxf with klog:r)"), out(END)],
         check=lambda log: None if log.count("kernel ready:") == 1 else
               "the kernel ready line was printed again",
         forbid=SHELL_FORBID, exit=None, stop_at=[out(END)]),
]
