"""atxf-run's QEMU run: starts the command, copies the serial console to
stdout as it comes, enforces the timeout and turns the way QEMU ended into
atxf-run's exit status. However the run ends, QEMU ends with it: on a
timeout, on an error, on a stop signal (qemu.Stopped), and, through
qemu.popen, when atxf-run itself is killed.

With `exit-with NAME` in boot.cfg, init powers the machine off through
isa-debug-exit when NAME exits, and QEMU exits with (status << 1) | 1
(docs/boot.md). The host keeps 8 bits of that, so only statuses 0..127
survive whole; a larger one (a fault: 128 + vector) is taken from init's
log line `init: NAME pid P exited with status S` when the log has it.
"""
import os
import re
import select
import subprocess
import sys
import time

import qemu

TIMEOUT_STATUS = 124            # as timeout(1)
NO_STATUS = 125                 # the machine ended without the program's status
NOT_FOUND_STATUS = 127          # QEMU could not be started
KERNEL_PANIC_QEMU = 37          # kernel/arch/x86_64/qemu_exit.h: QEMU_EXIT_PANIC
TERM_GRACE = 5.0                # seconds between SIGTERM and SIGKILL

INIT_EXIT = re.compile(rb"init: (\S+) pid \d+ exited with status (\d+)")
PANIC = re.compile(rb"^(\[ *\d+\.\d+\] )?PANIC")


class Watch:
    """What the serial log told: output at all, a panic, exit statuses."""

    def __init__(self):
        self.partial = b""
        self.any_output = False
        self.panic = False
        self.statuses = {}      # member name -> last status init logged

    def feed(self, data):
        self.any_output = True
        lines = (self.partial + data).split(b"\n")
        self.partial = lines.pop()
        for line in lines:
            self._line(line.rstrip(b"\r"))

    def _line(self, line):
        if PANIC.search(line):
            self.panic = True
        m = INIT_EXIT.search(line)
        if m:
            self.statuses[m.group(1).decode("utf-8", "replace")] = int(m.group(2))


def _stop(proc):
    """SIGTERM first: QEMU then restores the terminal it put in raw mode."""
    proc.terminate()
    try:
        proc.wait(TERM_GRACE)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _pump(proc, watch, deadline):
    """Copies QEMU's output until it ends (True) or the deadline (False)."""
    fd = proc.stdout.fileno()
    out = sys.stdout.buffer
    while True:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return False
        data = os.read(fd, 65536)
        if not data:
            return True
        out.write(data)
        out.flush()
        watch.feed(data)


def run(cmd, timeout=None):
    """Runs QEMU; returns (QEMU's exit status or None on timeout, Watch)."""
    watch = Watch()
    proc = qemu.popen(cmd, stdout=subprocess.PIPE)
    deadline = time.monotonic() + timeout if timeout else None
    try:
        ended = _pump(proc, watch, deadline)
    except BaseException:
        _stop(proc)
        raise
    if not ended:
        _stop(proc)
        return None, watch
    return proc.wait(), watch


def program_status(qemu_status, watch, name):
    """(atxf-run's exit status, message or None) for --exit-with NAME."""
    if qemu_status == KERNEL_PANIC_QEMU and watch.panic:
        return NO_STATUS, "the kernel panicked before %s's exit status came" % name
    if qemu_status == 0:
        return NO_STATUS, ("the machine stopped without %s's exit status "
                           "(reset, triple fault, or QEMU quit)" % name)
    if qemu_status < 0:
        return NO_STATUS, "QEMU was killed by signal %d" % -qemu_status
    # Status 1 is also QEMU's own error exit: only a booted machine counts.
    if qemu_status % 2 == 0 or not watch.any_output:
        return NO_STATUS, "QEMU failed (exit status %d)" % qemu_status
    status = qemu_status >> 1
    logged = watch.statuses.get(name)
    if logged is not None and logged % 128 == status:
        status = logged
    return status, "%s exited with status %d" % (name, status)


def plain_status(qemu_status, watch):
    """(exit status, message or None) without --exit-with: 0 for a normal end."""
    if watch.panic:
        return NO_STATUS, "the kernel panicked"
    if qemu_status == 0:
        return 0, None
    if qemu_status < 0:
        return NO_STATUS, "QEMU was killed by signal %d" % -qemu_status
    return NO_STATUS, "QEMU exited with status %d" % qemu_status
