#!/usr/bin/env python3
"""Boots the kernel in QEMU once per scenario (scenarios.py) and checks the
serial log. Prints `OK name` or `FAIL name: why` per scenario (indented like the rest of
`make check`), then
`N passed, N failed`; exits 1 if anything failed.

usage: harness.py [--kernel ELF] [--iso ISO] [--init ATXF] [--progs DIR]
                  [--reference TAR] [--accel auto|kvm|tcg] [--timeout S]
                  [--repeat N] [--load] [--list] [NAME ...]

--repeat N runs each scenario N times in a row and reports, per scenario,
how many runs failed and why the first one did (a scenario passes only if
all N did). --load keeps every host core busy with a CPU hog (load.py)
while the scenarios run, the way a slow or shared CI machine would.
`make check-qemu QEMU_REPEAT=N QEMU_LOAD=1` passes both.

A scenario that names programs or boot.cfg lines gets its own boot archive
(docs/boot.md), built with bootfs.py into build/tests/qemu/<name>.tar from
init (--init, build/services/init.atxf) and the named programs (--progs,
build/progs); `initrd: "reference"` boots the reference archive
(build/image/boot.tar) instead. Each log is saved to build/tests/qemu/<name>.log.

A scenario with `terminal` instead runs a user's command (`make run`) with
terminal.py: it waits for a line, types on the serial console, expects the
answer and quits QEMU with Ctrl-A X.

A scenario with `peer` (a function returning a host program such as
netpeer.NetPeer) gets that program's qemu_args, and it runs beside QEMU:
started before it, its finish() after it, whose answer (None or why) fails
the run like a log check. A peer with a `done` event (pingpeer.PingPeer)
ends the run when it sets it, as a stop_at line would.

A run ends through isa-debug-exit; QEMU then exits with (code << 1) | 1.
The kernel's self-tests use the codes of kernel/arch/x86_64/qemu_exit.h
(EXIT_STATUS below); init's exit-with uses the exit status of a program.

SIGTERM, SIGHUP or SIGINT (Ctrl-C) ends the QEMU of the scenario that is
running, then the harness by that signal: no QEMU is left behind.
"""
import glob
import importlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootfs                                    # noqa: E402
import load                                      # noqa: E402
import qemu                                      # noqa: E402
import qmp                                       # noqa: E402
import terminal                                  # noqa: E402
from scenarios import SCENARIOS as BOOT_SCENARIOS  # noqa: E402
from shell_scenarios import SHELL_SCENARIOS      # noqa: E402

LOG_DIR = "build/tests/qemu"


def area_scenarios():
    """Each tests/qemu/scenarios_AREA.py (pci, dma, libc, ...) adds its SCENARIOS list."""
    here = os.path.dirname(os.path.abspath(__file__))
    found = []
    for path in sorted(glob.glob(os.path.join(here, "scenarios_*.py"))):
        module = importlib.import_module(os.path.basename(path)[:-3])
        found += module.SCENARIOS
    return found


SCENARIOS = BOOT_SCENARIOS + SHELL_SCENARIOS + area_scenarios()
EXIT_STATUS = {33: "pass", 35: "fail", 37: "panic"}
TIMESTAMP = re.compile(r"^\[ *\d+\.\d{6}\] ")
GLUED_TIMESTAMP = re.compile(r"\[ *\d+\.\d{6}\] ")
DEFAULT_TIMEOUT = 60.0                          # generous: TCG on a busy host


class Run:
    """One QEMU run: its log lines, exit status and why it ended."""

    def __init__(self):
        self.lines = []
        self.status = None
        self.stopped = False                    # ended by stop_at
        self.timed_out = False
        self.stderr = ""
        self.seconds = 0.0
        self.qmp_problem = None                 # a QMP script step that failed
        self.peer_problem = None                # what the scenario's host peer saw wrong


def split_glued(line):
    """The console's prompt has no line end, and its shell writes beside the
    kernel's console lock, so a kernel log line written right after it
    starts mid-line ("atxf> [  1.088] devmgr: ..."): split such a line in
    two at the timestamp. Only where the shell shares COM1 (`console`): the
    kernel itself ends a program's partial line before its own, so anywhere
    else a glued line is a defect, and stays one line without a timestamp."""
    m = GLUED_TIMESTAMP.search(line)
    if m and m.start() > 0:
        return [line[:m.start()], line[m.start():]]
    return [line]


def read_output(proc, run, stop_at, injector=None, console=False):
    """Collects serial lines; ends QEMU once every regex of stop_at (a
    list, matched in any order) has matched some line. An injector (qmp.py)
    sees every line and plays its input script when its trigger appears."""
    waiting = list(stop_at or ())
    for raw in proc.stdout:
        raw = raw.decode("utf-8", "replace").rstrip("\r\n")
        for line in split_glued(raw) if console else [raw]:
            run.lines.append(line)
            text = TIMESTAMP.sub("", line)
            if injector:
                injector.on_line(text)
            waiting = [r for r in waiting if not r.search(text)]
            if stop_at and not waiting:
                run.stopped = True
                if injector:
                    # Its last actions (a key's release) finish on a live QEMU.
                    injector.finish()
                proc.kill()
                return


def stop_when_done(peer, proc, run):
    """Ends QEMU once the peer says it is done, as stop_at would."""
    peer.done.wait()
    if proc.poll() is None:
        run.stopped = True
        proc.kill()


def archive_for(sc, opts):
    """The boot archive to boot sc with (None: none), built if it has its own.
    Raises ValueError naming what is missing."""
    if sc.get("initrd") == "reference":
        return opts["reference"]
    if "programs" not in sc and "cfg" not in sc:
        return None
    members = {} if sc.get("no_init") else {"init.atxf": opts["init"]}
    for entry in sc.get("programs", []):
        # "NAME" is build/progs/NAME; "ALIAS=NAME" stores it as ALIAS too.
        alias, _, name = entry.partition("=")
        members[alias] = os.path.join(opts["progs"], name or alias)
    missing = [p for p in members.values() if not os.path.exists(p)]
    if missing:
        raise ValueError("missing %s (make progs?)" % ", ".join(missing))
    out = os.path.join(LOG_DIR, sc["name"] + ".tar")
    bootfs.make_archive(out, members, "".join(line + "\n" for line in sc.get("cfg", [])))
    return out


def iso_for(sc, opts, initrd):
    """The ISO to boot sc from: the reference one, or, for a scenario with a
    boot archive of its own, one made like it (kernel/build.mk) around that
    archive."""
    if initrd is None or initrd == opts["reference"]:
        return opts["iso"]
    root = os.path.join(LOG_DIR, sc["name"] + ".isoroot")
    iso = os.path.join(LOG_DIR, sc["name"] + ".iso")
    os.makedirs(os.path.join(root, "boot", "grub"), exist_ok=True)
    shutil.copy(opts["kernel"], os.path.join(root, "boot", "kernel.elf"))
    shutil.copy(initrd, os.path.join(root, "boot", "boot.tar"))
    shutil.copy(os.path.join("kernel", "arch", "x86_64", "grub.cfg"),
                os.path.join(root, "boot", "grub", "grub.cfg"))
    made = subprocess.run(["grub-mkrescue", "-o", iso, root], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    if made.returncode:
        raise ValueError("grub-mkrescue failed: %s" % made.stdout.decode(errors="replace"))
    return iso


def boot(sc, opts, initrd, iso=None):
    extra, injector = list(sc.get("qemu_args", ())), None
    if sc.get("qmp"):
        sock = os.path.join(LOG_DIR, sc["name"] + ".qmp")
        injector = qmp.Injector(sock, sc["qmp"])
        extra += qmp.qemu_args(sock)
    # A host program playing the far end (netpeer.py): started before QEMU.
    peer = sc["peer"]() if sc.get("peer") else None
    if peer:
        extra += peer.qemu_args
        peer.start()
    cmd, _ = qemu.command(kernel=opts["kernel"],
                          iso=iso,
                          append=sc.get("append"), accel=opts["accel"], serial="stdio",
                          extra=extra, initrd=initrd)
    run = Run()
    stop_at = sc.get("stop_at") or []
    stop_at = [re.compile(r) for r in ([stop_at] if isinstance(stop_at, str) else stop_at)]
    start = time.monotonic()
    proc = qemu.popen(cmd, stdin=subprocess.PIPE if injector else subprocess.DEVNULL,
                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader = threading.Thread(target=read_output,
                              args=(proc, run, stop_at, injector, sc.get("console", False)))
    if peer and getattr(peer, "done", None) is not None:
        # A peer that knows when it is done (pingpeer.py) ends the run.
        threading.Thread(target=stop_when_done, args=(peer, proc, run), daemon=True).start()
    try:
        if injector:
            injector.serial = proc.stdin
        reader.start()
        reader.join(sc.get("timeout", opts["timeout"]))
    except qemu.Stopped:
        proc.kill()
        proc.wait()
        raise
    if reader.is_alive():
        run.timed_out = True
        proc.kill()
        reader.join()
    run.stderr = proc.stderr.read().decode("utf-8", "replace").strip()
    run.status = proc.wait()
    run.seconds = time.monotonic() - start
    if injector:
        injector.finish()
        run.qmp_problem = injector.problem()
        injector.close()
        proc.stdin.close()
    if peer:
        run.peer_problem = peer.finish()
    return run


def ending_problem(sc, run, timeout):
    """Why the way the run ended is wrong, or None."""
    last = run.lines[-1] if run.lines else "(no output)"
    if run.timed_out:
        return "timed out after %.0f s; last line: %s" % (timeout, last)
    if sc["exit"] is None:
        return None if run.stopped else "QEMU ended (status %d) before the expected line" % run.status
    if isinstance(sc["exit"], int):
        return exit_with_problem(sc["exit"], run, last)
    got = EXIT_STATUS.get(run.status)
    if got == sc["exit"]:
        return None
    if got:
        return "kernel exited with %s, expected %s; last line: %s" % (got.upper(), sc["exit"].upper(), last)
    if run.status == 0:
        return "QEMU exited without isa-debug-exit (reset or triple fault?); last line: " + last
    return "QEMU failed (status %d): %s" % (run.status, run.stderr.splitlines()[-1:] or "")


def exit_with_problem(want, run, last):
    """init powered off through exit-with: QEMU's status is (want << 1) | 1."""
    if run.status == (want << 1) | 1:
        return None
    if any("PANIC" in line for line in run.lines):
        return "the kernel panicked; last line: " + last
    if run.status & 1:
        return "exit-with status %d, expected %d; last line: %s" % (run.status >> 1, want, last)
    return "QEMU ended with status %d, not through exit-with (status %d); last line: %s" % (
        run.status, want, last)


def log_problem(sc, lines):
    """Why the log's content is wrong, or None. lines have no timestamps."""
    pos = 0
    for pattern in sc.get("expect", []):
        rx = re.compile(pattern)
        while pos < len(lines) and not rx.search(lines[pos]):
            pos += 1
        if pos == len(lines):
            return "missing (in order): %s" % pattern
        pos += 1
    for pattern in sc.get("forbid", []):
        for line in lines:
            if re.search(pattern, line):
                return "unexpected line: %s" % line
    check = sc.get("check")
    return check("\n".join(lines)) if check else None


def untimestamped(raw_lines, output=()):
    """Strips timestamps; returns (lines, the first line that had none and
    is not program output: matches none of the `output` regexes)."""
    lines, bad = [], None
    output = [re.compile(r) for r in output]
    for line in raw_lines:
        if not line.strip():
            continue
        if (not TIMESTAMP.match(line) and bad is None and
                not any(r.search(line) for r in output)):
            bad = line
        lines.append(TIMESTAMP.sub("", line))
    return lines, bad


def run_terminal(sc):
    """A scenario that runs a user's command (make run) through terminal.py."""
    t = sc["terminal"]
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    start = time.monotonic()
    why, lines = terminal.converse(t["command"], t["ready"], t["type"], t["expect"],
                                   sc.get("timeout", DEFAULT_TIMEOUT), env=env)
    with open(os.path.join(LOG_DIR, sc["name"] + ".log"), "w") as f:
        f.write("\n".join(lines) + "\n")
    if why:
        why = "%s; last line: %s" % (why, lines[-1] if lines else "")
    return why, time.monotonic() - start


def run_once(sc, opts):
    """Runs sc once: (None or why it failed, seconds)."""
    if "terminal" in sc:
        return run_terminal(sc)
    try:
        initrd = archive_for(sc, opts)
        iso = iso_for(sc, opts, initrd) if sc.get("iso") else None
    except (OSError, ValueError) as e:
        return "boot archive: %s" % e, 0.0
    # A scenario's own files made fresh for each run (disk images: its
    # check reads them after QEMU ended).
    if sc.get("prepare"):
        sc["prepare"]()
    run = boot(sc, opts, initrd, iso)
    with open(os.path.join(LOG_DIR, sc["name"] + ".log"), "w") as f:
        f.write("\n".join(run.lines) + "\n")
    lines, bad = untimestamped(run.lines, sc.get("output", ()))
    why = ending_problem(sc, run, sc.get("timeout", opts["timeout"]))
    if not why and bad is not None and not sc.get("console"):
        why = "a log line without a timestamp: %s" % bad
    return why or run.qmp_problem or log_problem(sc, lines) or run.peer_problem, run.seconds


def run_scenario(sc, opts):
    """Runs sc opts["repeat"] times; prints one line; True if every run passed.
    A failed run's log is kept as NAME.fail-K.log (K: the run, from 1)."""
    repeat = opts["repeat"]
    failures, seconds = [], []
    for k in range(1, repeat + 1):
        why, secs = run_once(sc, opts)
        seconds.append(secs)
        if why:
            failures.append((k, why))
            log = os.path.join(LOG_DIR, sc["name"] + ".log")
            if repeat > 1 and os.path.exists(log):
                os.replace(log, os.path.join(LOG_DIR, "%s.fail-%d.log" % (sc["name"], k)))
    if repeat == 1:
        if failures:
            print("  FAIL    %s: %s" % (sc["name"], failures[0][1]))
        else:
            print("  OK      %s (%.1f s)" % (sc["name"], seconds[0]))
    elif failures:
        print("  FAIL    %s: %d of %d runs failed (runs %s); run %d: %s" % (
            sc["name"], len(failures), repeat, ",".join(str(k) for k, _ in failures),
            failures[0][0], failures[0][1]))
    else:
        print("  OK      %s (%d of %d runs, %.1f-%.1f s)" % (
            sc["name"], repeat, repeat, min(seconds), max(seconds)))
    sys.stdout.flush()
    return not failures


def parse(argv):
    opts = {"kernel": qemu.DEFAULT_KERNEL, "iso": "build/atxf.iso", "accel": None,
            "init": "build/services/init.atxf", "progs": "build/progs",
            "reference": "build/image/boot.tar",
            "timeout": DEFAULT_TIMEOUT, "list": False, "names": [], "repeat": 1,
            "load": False}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--list", "--load"):
            opts[a[2:]] = True
        elif a == "--repeat" and i + 1 < len(argv) and argv[i + 1].isdigit() \
                and int(argv[i + 1]) > 0:
            opts["repeat"] = int(argv[i + 1])
            i += 1
        elif a in ("--kernel", "--iso", "--accel", "--timeout", "--init", "--progs",
                   "--reference") and i + 1 < len(argv):
            opts[a[2:]] = float(argv[i + 1]) if a == "--timeout" else argv[i + 1]
            i += 1
        elif a.startswith("-"):
            sys.exit("harness.py: unknown option %s\n%s" % (a, __doc__))
        else:
            opts["names"].append(a)
        i += 1
    return opts


def main(argv):
    opts = parse(argv)
    chosen = [s for s in SCENARIOS if not opts["names"] or s["name"] in opts["names"]]
    unknown = set(opts["names"]) - {s["name"] for s in SCENARIOS}
    if unknown:
        sys.exit("harness.py: no scenario named %s" % ", ".join(sorted(unknown)))
    if opts["list"]:
        for s in chosen:
            print("%-12s %s" % (s["name"], s["what"]))
        return 0
    os.makedirs(LOG_DIR, exist_ok=True)
    print("qemu: accelerator %s" % qemu.accel_args(opts["accel"])[1])
    if opts["repeat"] > 1:
        print("qemu: each scenario %d times" % opts["repeat"])
    try:
        with load.cpu_hog(opts["load"]) as hog:
            if hog:
                print("qemu: under load: %d CPU hog processes on %d host cores" % (hog, hog))
            passed = sum(run_scenario(s, opts) for s in chosen)
    except qemu.Stopped as e:
        # Outside the with: the hogs have ended too.
        qemu.say("harness: %s; its QEMU is ended" % e)
        qemu.end_by_signal(e.signum)
    print("%d passed, %d failed" % (passed, len(chosen) - passed))
    return 0 if passed == len(chosen) else 1


if __name__ == "__main__":
    qemu.stop_on_signals()
    sys.exit(main(sys.argv[1:]))
