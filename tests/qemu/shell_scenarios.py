"""The QEMU scenarios of the reference system as a person uses it:
the console's shell on COM1 and the PS/2 keyboard, text typed through QMP
send-key and on the serial line, the keyboard driver killed from the shell
and crashed by a key, and `make run` itself. Same table format as
scenarios.py (whose docstring explains the keys); harness.py runs both.

The shell's terminal output shares COM1 with the kernel log and has no
timestamps (`console: True`). Input is typed only after the console said
it is ready, when nothing else logs, so its lines arrive whole.
"""
import re

from scenarios import NO_PANIC, contains, says

CONSOLE_READY = r"console\.atxf\[\d+\]: console: ready: "
KBD_STARTED = (r"devmgr: started ps2-keyboard \(ps2-keyboard\.i8042\) on i8042 "
               r"pid (?P<kbd>\d+) generation 0")
SETTLE = ("sleep", (0.3,))
SHELL_FORBID = NO_PANIC + [r"unknown command", r"FAIL", r"console: .*fail"]


def out(text):
    """A whole line of the shell's output."""
    return r"^%s$" % re.escape(text)


def devmgr_says(text):
    return says("devmgr.atxf", r"devmgr: " + text)


def console_says(text):
    return says("console.atxf", r"console: " + text)


def resubscribed(generation):
    return console_says(r"subscribed to ps2-keyboard\.i8042 \(ps2-keyboard, generation %d\)$"
                        % generation)


# Every printable character a US keyboard types, through QMP send-key.
TYPED = "echo Hello, World! 0123456789 ~!@#$%^&*()_+ `-=[]\\{}|;':\",./<>?"

SHELL_SCENARIOS = [
    dict(name="shell-keyboard",
         what="text typed with QMP send-key reaches the shell exactly: letters, digits, "
              "shifted symbols, backspace, caps lock, enter",
         initrd="reference", console=True,
         qmp=[(CONSOLE_READY, [SETTLE, ("type_text", (TYPED + "\n",))]),
              (out(TYPED[5:]), [("type_text", ("echo fixx\bed\n",))]),
              (out("fixed"), [("type_text", ("echo ",)), ("send_key", (["caps_lock"],)),
                              ("type_text", ("loud",)), ("send_key", (["shift", "a"],)),
                              ("send_key", (["caps_lock"],)), ("type_text", ("quiet\n",))])],
         expect=[console_says(r"ready: input ps2-keyboard\.i8042 ps2-mouse\.i8042, "
                              r"serial uart16550\.com1$"),
                 out(TYPED[5:]), out("fixed"), out("LOUDaquiet")],
         forbid=SHELL_FORBID, exit=None, stop_at=[out("LOUDaquiet")]),
    dict(name="shell-serial",
         what="the shell on the serial console: help, ps, devices, drivers, lspci, echo",
         initrd="reference", console=True,
         qmp=[(CONSOLE_READY, [SETTLE, ("serial", ("help\r",))]),
              (r"^  mouse ", [("serial", ("ps\r",))]),
              (r" ps2-mouse\.atxf$", [("serial", ("devices\r",))]),
              (r"COM4", [("serial", ("drivers\r",))]),
              (r"uart16550\.com1 ", [("serial", ("lspci\r",))]),
              (r"SATA controller", [("serial", ("echo over the serial line\r",))])],
         expect=[r"^  help ", r"^  ps ", r"^  devices ", r"^  drivers ", r"^  kill ",
                 r"^  restart ", r"^  lspci ", r"^  echo ", r"^  mouse ",
                 r"^ +PID +PARENT +STATE",
                 r"^ +1 +0 +\w+ +\d+ init\.atxf$", r" devmgr\.atxf$", r" console\.atxf$",
                 r" ps2-mouse\.atxf$",
                 r"\bi8042\b.*legacy.*present", r"\bCOM1\b.*legacy.*present",
                 r"\bCOM2\b.*legacy.*absent", r"COM4",
                 r"^ +DRIVER +INSTANCE +DEVICE +STATE +PID +GEN +RESTARTS",
                 r"^ +ps2-keyboard +ps2-keyboard\.i8042 +i8042 +running +\d+ +0 +0$",
                 r"^ +uart16550 +uart16550\.com1 +COM1 +running +\d+ +0 +0$",
                 out("00:00.0 8086:29c0 class 06:00:00 host bridge"),
                 out("00:1f.2 8086:2922 class 01:06:01 SATA controller (AHCI)"),
                 out("over the serial line")],
         forbid=SHELL_FORBID, exit=None, stop_at=[out("over the serial line")]),
]


def restarted_within_1s(log):
    """devmgr restarted the keyboard driver less than 1000 ms after it ended."""
    m = re.search(r"restarting ps2-keyboard \(ps2-keyboard\.i8042\) generation 1, restart 1, "
                  r"(\d+) ms after it ended", log)
    if not m:
        return "devmgr never restarted the keyboard driver"
    return None if int(m.group(1)) < 1000 else "restarted %s ms after it ended" % m.group(1)


def all_of(*checks):
    def check(log):
        for c in filter(None, checks):
            why = c(log)
            if why:
                return why
        return None
    return check


# After the keyboard driver is gone and back, the others never stopped: the
# mouse driver answers `mouse` with its first process, the UART carried
# every line, no other driver ended.
OTHERS_KEPT_RUNNING = [r"ps2-mouse.*ended with status", r"uart16550.*ended with status",
                       r"console.*exited", r"devmgr.*exited"]
AFTER_RESTART = [
    (r"^typing works again$", [("serial", ("drivers\r",))]),
    (r"^ +ps2-mouse +ps2-mouse\.i8042 ", [("serial", ("mouse\r",))]),
    (r"^mouse: move the mouse", [("move", (4, -2)), ("click", ("left",))]),
    (r"^mouse: left up$", [("type_text", ("q",))]),
]
AFTER_RESTART_LINES = [
    out("typing works again"),
    r"^ +ps2-keyboard +ps2-keyboard\.i8042 +i8042 +running +\d+ +1 +1$",
    r"^ +ps2-mouse +ps2-mouse\.i8042 +i8042 +running +\d+ +0 +0$",
    out("mouse: dx 4 dy -2"), out("mouse: left down"), out("mouse: left up"),
    out("mouse: stopped"),
]

def keyboard_recovery(name, what, end_it, ended, status, check=None, watch=(), **boot):
    """The keyboard driver ends (end_it: the input actions once the console
    is ready, after the steps of watch; ended: the log lines that say how),
    devmgr logs it and restarts it within 1 s, the console follows, and
    typing works again while the mouse and UART drivers never stopped."""
    return dict(name=name, what=what, console=True,
                qmp=list(watch) + [(CONSOLE_READY, [SETTLE] + end_it),
                     (resubscribed(1), [SETTLE, ("type_text", ("echo typing works again\n",))])]
                + AFTER_RESTART,
                expect=ended + [
                    devmgr_says(r"ps2-keyboard \(ps2-keyboard\.i8042\) pid \d+ ended with "
                                r"status %d " % status),
                    devmgr_says(r"restarting ps2-keyboard \(ps2-keyboard\.i8042\) generation 1"),
                    resubscribed(1)] + AFTER_RESTART_LINES,
                check=all_of(restarted_within_1s, check),
                forbid=SHELL_FORBID + OTHERS_KEPT_RUNNING, exit=None,
                stop_at=[out("mouse: stopped")], **boot)


SHELL_SCENARIOS += [
    # The pid to kill comes from devmgr's log (a named group: qmp.py).
    keyboard_recovery(
        "shell-kill-keyboard",
        "`kill PID` of the keyboard driver, typed on that keyboard: logged, devmgr "
        "restarts it within 1 s, typing works again, the mouse and UART never stop",
        watch=[(KBD_STARTED, [])], end_it=[("type_text", ("kill {kbd}\n",))],
        ended=[r"^kill: pid \d+ \(ps2-keyboard\.i8042\) killed; devmgr restarts it$"],
        status=137,
        check=contains(devmgr_says(r"killing ps2-keyboard \(ps2-keyboard\.i8042\) pid \d+, "
                                   r"as asked$")),
        initrd="reference"),
    keyboard_recovery(
        "shell-crash-keyboard",
        "a keyboard driver build that crashes on F12: the fault is logged, devmgr "
        "restarts it within 1 s, typing works again, the others never stop",
        end_it=[("send_key", (["f12"],))],
        ended=[r"^fault: ps2-keyboard\.atxf pid \d+ rip 0x[0-9a-f]+ addr 0x0: #PF page fault"],
        status=142,
        programs=["devmgr.atxf=../services/devmgr.atxf", "console.atxf=../services/console.atxf",
                  "ps2-keyboard.atxf=ps2-keyboard-crash.atxf", "ps2-mouse.atxf",
                  "uart16550.atxf"],
        cfg=["start devmgr.atxf with root bootfs", "start console.atxf"]),
]

def heartbeat_deadline(log):
    """The hung driver was killed after 3 unanswered heartbeats: at least
    1000 ms after its last answer (so not early) and within the documented
    2000 ms plus 3 s of slack: on a loaded machine devmgr's own timer may
    fire late (2917 ms was seen under QEMU_LOAD)."""
    m = re.search(r"ps2-keyboard \(ps2-keyboard\.i8042\) pid \d+ missed 3 heartbeats "
                  r"\(no answer for (\d+) ms\)", log)
    if not m:
        return "devmgr never said the keyboard driver missed its heartbeats"
    ms = int(m.group(1))
    return None if 1000 <= ms <= 5000 else "killed %d ms after its last answer" % ms


SHELL_SCENARIOS += [
    keyboard_recovery(
        "shell-hang-keyboard",
        "a keyboard driver build that spins forever on F11: devmgr's heartbeat kills it "
        "within its deadline, restarts it, typing works again, the others never stop",
        end_it=[("send_key", (["f11"],))],
        ended=[devmgr_says(r"ps2-keyboard \(ps2-keyboard\.i8042\) pid \d+ missed 3 "
                           r"heartbeats \(no answer for \d+ ms\): killing it$")],
        status=137, check=heartbeat_deadline,
        programs=["devmgr.atxf=../services/devmgr.atxf", "console.atxf=../services/console.atxf",
                  "ps2-keyboard.atxf=ps2-keyboard-hang.atxf", "ps2-mouse.atxf",
                  "uart16550.atxf"],
        cfg=["start devmgr.atxf with root bootfs", "start console.atxf"]),
]

# Serial input while output flows: 40 command lines sent at once keep the
# 16550 receiving while it transmits the echoes and answers, so its
# interrupt line is often raised again before the driver's ack (an edge
# lost then would silence the UART for good: kernel/irq/irq.c, set_masked).
# Each answer must come back, in order.
BURST = ["burst %02d of 40" % i for i in range(1, 41)]
SHELL_SCENARIOS += [
    dict(name="shell-serial-burst",
         what="40 command lines sent at once on the serial line: every answer comes back, "
              "in order",
         initrd="reference", console=True,
         qmp=[(CONSOLE_READY, [SETTLE, ("serial", ("".join("echo %s\r" % b for b in BURST),))])],
         expect=[out(b) for b in BURST],
         forbid=SHELL_FORBID, exit=None, stop_at=[out(BURST[-1])]),
]

# `make run`, as the README tells a new user: the serial console on the
# terminal, a line typed there answered by the shell, Ctrl-A X to leave.
SHELL_SCENARIOS += [
    dict(name="make-run-shell",
         what="`make run` gives a person at the terminal a working shell on the serial console",
         terminal=dict(command=["make", "-s", "--no-print-directory", "run"],
                       ready=CONSOLE_READY, type="echo make run gives a shell\r",
                       expect=out("make run gives a shell")),
         timeout=120),
]

# 64 KiB of printable text pasted into the shell's serial input in one
# write, as lines of echo commands, while a line is typed on the keyboard:
# every pasted line's answer comes back exactly and in order (the console
# runs each source's line on its own, so only the echo of what is typed
# shares the terminal), the typed command runs too, and the serial driver
# reports 0 overruns. Input that the console cannot take at once waits in
# the driver and then in the UART (flow control): nothing may be lost.
PASTE_FILL = "".join(chr(c) for c in range(0x21, 0x7f) if chr(c) not in "\\")


def paste_lines(total=64 * 1024):
    """Bodies of echo lines ("echo BODY\r" each) of exactly total bytes in all."""
    lines, size, i = [], 0, 0
    while total - size > 120:
        body = "paste %04d %s" % (i, PASTE_FILL[i % 40:i % 40 + 40 + i % 37])
        lines.append(body)
        size += len("echo %s\r" % body)
        i += 1
    last = total - size - len("echo \r")
    lines.append(("paste %04d %s" % (i, PASTE_FILL * 2))[:last])
    return lines


PASTE = paste_lines()
PASTE_TEXT = "".join("echo %s\r" % b for b in PASTE)
TYPED_DURING_PASTE = "echo typed while pasting\n"
assert len(PASTE_TEXT) == 64 * 1024

SHELL_SCENARIOS += [
    dict(name="shell-serial-paste",
         what="64 KiB pasted on the serial line in one write while the keyboard types: "
              "every line comes back exactly, in order, 0 overruns",
         initrd="reference", console=True, timeout=240,
         qmp=[(CONSOLE_READY, [SETTLE, ("serial_async", (PASTE_TEXT,)), ("sleep", (0.5,)),
                               ("type_text", (TYPED_DURING_PASTE,))]),
              (out(PASTE[-1]), [SETTLE, ("serial", ("serial\r",))])],
         expect=[out(b) for b in PASTE] +
                [r"^serial: uart16550\.com1: received (\d+) bytes, sent \d+, overruns 0, "],
         check=contains(out("typed while pasting")),
         forbid=SHELL_FORBID, exit=None,
         stop_at=[r"^serial: uart16550\.com1: received"]),
]
