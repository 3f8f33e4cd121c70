#!/usr/bin/env python3
"""Checks that a command which runs QEMU (atxf-run, make run, harness.py)
leaves no process behind when a signal ends it, as a script, an IDE,
timeout(1) or a closed terminal would end it.

usage: sigcheck.py --signal TERM|HUP|INT|KILL [--ready REGEX | --below N]
                   [--timeout S] [--within S] [--name NAME] [--log FILE]
                   -- COMMAND [ARG...]

Starts COMMAND in a session of its own with pipes for its standard input,
output and error, and waits (at most --timeout S, default 120) until it is
running QEMU: a line of its standard output matches REGEX (default: any
output at all), or with --below N, N processes run below it and have not
changed for a second (for a command that does not show QEMU's output). Then it notes every process below
COMMAND (through /proc/PID/task/*/children: by pid, never by name, since
other QEMUs may run on the machine), sends the signal to COMMAND's pid
alone and waits up to --within S (default 15) for COMMAND and each noted
process to be gone (a zombie counts as gone). A process counts as the
noted one only while its start time is the same, so a reused pid is not
mistaken for it. A noted process that ended before the signal makes the
check fail: it proves nothing.

Prints one OK or FAIL line; exits 0 when everything went, 1 otherwise (and
then kills what is left, by pid, so that a failed check leaves nothing
behind), 2 on bad usage. --log FILE keeps COMMAND's output.
"""
import os
import re
import signal
import subprocess
import sys
import threading
import time

POLL_S = 0.02
STABLE_S = 1.0                  # --below: the processes stay the same this long


def start_time(pid):
    """The process's start time (clock ticks after boot), or None if it is
    gone or a zombie."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()    # after "pid (comm) "
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[19])                          # field 22 of proc(5)


def children(pid):
    found = []
    try:
        tasks = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return found
    for tid in tasks:
        try:
            with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
                found += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found


def descendants(pid):
    """{pid: start time} of every live process below pid."""
    found, todo = {}, children(pid)
    while todo:
        p = todo.pop()
        t = start_time(p)
        if t is not None and p not in found:
            found[p] = t
            todo += children(p)
    return found


def alive(procs):
    return {p: t for p, t in procs.items() if start_time(p) == t}


class Output:
    """COMMAND's output, read as it comes (so that it never blocks on a
    full pipe); ready is set at the first stdout line matching REGEX."""

    def __init__(self, ready):
        self.ready_rx = re.compile(ready) if ready is not None else None
        self.ready = threading.Event()
        self.lines = []
        self.lock = threading.Lock()

    def read(self, stream, is_stdout):
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            with self.lock:
                self.lines.append(line)
            if is_stdout and self.ready_rx and self.ready_rx.search(line):
                self.ready.set()


def wait_ready(proc, out, below, timeout):
    """None once COMMAND runs QEMU, else why not."""
    deadline = time.monotonic() + timeout
    seen, since = {}, time.monotonic()
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return "the command ended (status %d) before it was ready" % proc.returncode
        if out.ready.is_set():
            return None
        now = descendants(proc.pid) if below else {}
        if now != seen:
            seen, since = now, time.monotonic()
        elif below and len(now) >= below and time.monotonic() - since >= STABLE_S:
            return None
        time.sleep(POLL_S)
    return "not ready within %.0f s" % timeout


def wait_gone(proc, noted, within):
    """The processes (noted, and COMMAND) still there after within seconds."""
    deadline = time.monotonic() + within
    while True:
        left = alive(noted)
        if proc.poll() is None:
            left[proc.pid] = "COMMAND"
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(POLL_S)


def kill_left(left):
    for pid, t in left.items():
        if t == "COMMAND" or start_time(pid) == t:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def how_it_ended(proc):
    if proc.returncode is None:
        return "still running"
    if proc.returncode < 0:
        return "ended by SIG%s" % signal.Signals(-proc.returncode).name[3:]
    return "exit status %d" % proc.returncode


def check(opts, out):
    """(problem or None, what happened)."""
    sig = getattr(signal, "SIG" + opts["signal"])
    proc = subprocess.Popen(opts["command"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    readers = [threading.Thread(target=out.read, args=(s, s is proc.stdout), daemon=True)
               for s in (proc.stdout, proc.stderr)]
    for r in readers:
        r.start()
    problem = wait_ready(proc, out, opts["below"], opts["timeout"])
    noted = descendants(proc.pid) if not problem else {}
    if not problem and not noted:
        problem = "ready, but no process runs below it"
    if not problem and (alive(noted) != noted or proc.poll() is not None):
        problem = "a process ended by itself before the signal: nothing to check"
    if problem:
        kill_left(wait_gone(proc, dict(noted, **descendants(proc.pid)), 0))
        proc.wait()
        return problem, None
    os.kill(proc.pid, sig)
    left = wait_gone(proc, noted, opts["within"])
    kill_left(left)
    proc.wait()
    what = "SIG%s to pid %d (%s) with %d process(es) below it, pids %s" % (
        opts["signal"], proc.pid, how_it_ended(proc), len(noted),
        " ".join(str(p) for p in sorted(noted)))
    if left:
        return "still there %.0f s later: pid %s (now killed)" % (
            opts["within"], " ".join(str(p) for p in sorted(left))), what
    return None, what


def parse(argv):
    opts = {"signal": None, "ready": None, "below": 0, "timeout": 120.0, "within": 15.0,
            "name": None, "log": None}
    numbers = {"timeout": float, "within": float, "below": int}
    i = 0
    while i < len(argv) and argv[i] != "--":
        key = argv[i][2:]
        if key not in opts or i + 1 >= len(argv):
            usage()
        try:
            opts[key] = numbers.get(key, str)(argv[i + 1])
        except ValueError:
            usage()
        i += 2
    opts["command"] = argv[i + 1:]
    if (not opts["command"] or opts["signal"] not in ("TERM", "HUP", "INT", "KILL")
            or (opts["below"] and opts["ready"] is not None)):
        usage()
    opts["name"] = opts["name"] or " ".join(opts["command"])
    return opts


def usage():
    sys.stderr.write(__doc__)
    sys.exit(2)


def main(argv):
    opts = parse(argv)
    # Without --ready or --below, any line on standard output is QEMU's.
    out = Output(opts["ready"] if opts["ready"] is not None or opts["below"] else "")
    problem, what = check(opts, out)
    if opts["log"]:
        with open(opts["log"], "w") as f:
            f.write("\n".join(out.lines) + "\n")
    if problem:
        print("  FAIL    %s: %s%s" % (opts["name"], what + ": " if what else "", problem))
        for line in out.lines[-10:]:
            print("          | " + line)
        return 1
    print("  OK      %s (%s: all gone)" % (opts["name"], what))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
