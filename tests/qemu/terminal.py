#!/usr/bin/env python3
"""Plays the person at the terminal: runs a command that boots the system
with the serial console on standard input and output (`make run`,
`atxf-run`) on a pseudo-terminal, as a terminal window would, waits for a
line, types text, waits for the answer, then quits QEMU with Ctrl-A X as a
person would (QEMU's mon:stdio escape).

usage: terminal.py [--timeout S] --ready REGEX --type TEXT --expect REGEX
                   -- COMMAND [ARG...]

TEXT may hold \\r, \\n and \\t escapes. Prints one line saying what it saw;
exits 0 when EXPECT matched a line after TEXT was typed and the command
then ended by itself within 10 s of Ctrl-A X, 1 otherwise (the last lines
of output are printed), 2 on bad usage. The whole output is kept in
--log FILE when given. SIGTERM, SIGHUP or SIGINT ends the command's whole
session (its QEMU with it), then terminal.py by that signal.
"""
import os
import pty
import re
import signal
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu                                      # noqa: E402

QUIT = b"\x01x"                 # Ctrl-A X: QEMU's mon:stdio "exit"
QUIT_WAIT_S = 10.0


class Conversation:
    def __init__(self, ready, text, expect):
        self.ready, self.text, self.expect = re.compile(ready), text, re.compile(expect)
        self.lines, self.typed, self.answered = [], False, False
        self.done = threading.Event()

    def read(self, fd):
        pending = b""
        while True:
            try:
                data = os.read(fd, 4096)
            except OSError:                     # EIO: the last writer closed
                data = b""
            if not data:
                break
            pending += data
            while b"\n" in pending:
                raw, pending = pending.split(b"\n", 1)
                self.line(fd, raw.decode("utf-8", "replace").rstrip("\r"))
        self.done.set()

    def line(self, fd, line):
        self.lines.append(line)
        if not self.typed and self.ready.search(line):
            os.write(fd, self.text.encode())
            self.typed = True
        elif self.typed and self.expect.search(line):
            self.answered = True
            self.done.set()


def talk_and_quit(proc, master, talk, timeout):
    """The conversation, then Ctrl-A X; returns the problem or None."""
    talk.done.wait(timeout)
    problem = None
    if not talk.typed:
        problem = "never saw %r within %.0f s" % (talk.ready.pattern, timeout)
    elif not talk.answered:
        problem = "typed %r; never saw %r" % (talk.text, talk.expect.pattern)
    try:
        os.write(master, QUIT)
    except OSError:
        pass
    try:
        proc.wait(QUIT_WAIT_S)
    except subprocess.TimeoutExpired:
        problem = problem or "still running %.0f s after Ctrl-A X" % QUIT_WAIT_S
    return problem


def converse(command, ready, text, expect, timeout, env=None):
    """Runs the conversation; returns (problem or None, output lines)."""
    talk = Conversation(ready, text, expect)
    master, slave = pty.openpty()
    proc = qemu.popen(command, stdin=slave, stdout=slave, stderr=slave,
                      start_new_session=True, env=env)
    os.close(slave)
    reader = threading.Thread(target=talk.read, args=(master,), daemon=True)
    reader.start()
    try:
        problem = talk_and_quit(proc, master, talk, timeout)
    finally:
        # The command has a session of its own, out of reach of the signals
        # that reach us: whatever of it (make, QEMU) still runs ends here,
        # also when a stop signal (qemu.Stopped) cut the conversation short.
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    reader.join(5)
    os.close(master)
    return problem, talk.lines


def parse(argv):
    opts = {"timeout": 120.0, "ready": None, "type": None, "expect": None, "log": None}
    i = 0
    while i < len(argv) and argv[i] != "--":
        key = argv[i][2:]
        if key not in opts or i + 1 >= len(argv):
            sys.stderr.write(__doc__)
            sys.exit(2)
        opts[key] = float(argv[i + 1]) if key == "timeout" else argv[i + 1]
        i += 2
    opts["command"] = argv[i + 1:]
    if not opts["command"] or None in (opts["ready"], opts["type"], opts["expect"]):
        sys.stderr.write(__doc__)
        sys.exit(2)
    opts["type"] = opts["type"].replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t")
    return opts


def main(argv):
    opts = parse(argv)
    qemu.stop_on_signals()
    try:
        problem, lines = converse(opts["command"], opts["ready"], opts["type"], opts["expect"],
                                  opts["timeout"])
    except qemu.Stopped as e:
        qemu.say("terminal: %s: %s; its session is ended" % (" ".join(opts["command"]), e))
        qemu.end_by_signal(e.signum)
    if opts["log"]:
        with open(opts["log"], "w") as f:
            f.write("\n".join(lines) + "\n")
    if problem:
        print("terminal: %s: %s" % (" ".join(opts["command"]), problem))
        for line in lines[-15:]:
            print("  | " + line)
        return 1
    print("terminal: %s: typed %r, saw %r" % (" ".join(opts["command"]), opts["type"],
                                              opts["expect"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
