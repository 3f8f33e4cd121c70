"""A small QMP client for the boot scenarios: keys and pointer events.

QEMU's machine protocol (docs/interop/qmp-spec in QEMU) over a UNIX socket:
QEMU greets with {"QMP": ...}; the client sends {"execute":
"qmp_capabilities"}, then commands, each answered by {"return": ...} or
{"error": ...}; asynchronous {"event": ...} messages may come in between
and are skipped here.

  q = QMP("/tmp/x.sock")                  # waits for QEMU's socket
  q.send_key(["shift", "a"])              # one chord: shift+a, then released
  q.type_text("Hi 42")                    # chords for each character
  q.move(5, -3)                           # relative motion, screen convention
  q.click("left")                         # press and release a button

Injector plays a scenario's script while the serial log streams by:
steps is a list of (regex, actions); when a line matches the first pending
step's regex, its actions run, each a (method name, args) pair: a method of
QMP (("type_text", ("ab",))), ("serial", ("text",)) to type text on the
serial line (QEMU's standard input, COM1's receive side), ("serial_async",
("text",)) to do so on a thread of its own, or ("sleep", (seconds,)). Named groups of the regexes matched so far fill "{name}" in
string arguments: a step on r"pid (?P<pid>\d+)" lets a later one type
"kill {pid}". The harness starts QEMU with qemu_args(sock), gives the
injector QEMU's standard input, and calls injector.on_line(text) for every
log line.
"""
import json
import os
import queue
import re
import socket
import threading
import time

# QEMU key names (qcodes) of the characters type_text knows, unshifted and
# shifted, for a US layout.
_PLAIN = {c: c for c in "abcdefghijklmnopqrstuvwxyz0123456789"}
_PLAIN.update({" ": "spc", "\n": "ret", "-": "minus", "=": "equal", ",": "comma",
               ".": "dot", "/": "slash", ";": "semicolon", "'": "apostrophe",
               "\b": "backspace", "[": "bracket_left", "]": "bracket_right",
               "\\": "backslash", "`": "grave_accent"})
_SHIFTED = dict(zip("!@#$%^&*()_+<>?:{}|\"~", ["1", "2", "3", "4", "5", "6", "7", "8", "9",
                                              "0", "minus", "equal", "comma", "dot", "slash",
                                              "semicolon", "bracket_left", "bracket_right",
                                              "backslash", "apostrophe", "grave_accent"]))


def qemu_args(sock):
    """The QEMU arguments that open a QMP server on sock."""
    return ["-qmp", "unix:%s,server=on,wait=off" % sock]


def chord_for(ch):
    """The qcodes to press together for one character."""
    if ch in _PLAIN:
        return [_PLAIN[ch]]
    if ch.isalpha() and ch.lower() in _PLAIN:
        return ["shift", ch.lower()]
    if ch in _SHIFTED:
        return ["shift", _SHIFTED[ch]]
    raise ValueError("no key for %r" % ch)


class QMPError(Exception):
    pass


class QMP:
    def __init__(self, path, timeout=10.0):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise QMPError("no QMP socket at %s" % path)
                time.sleep(0.05)
        self.sock.settimeout(timeout)
        self.buf = b""
        if "QMP" not in self._read():
            raise QMPError("no QMP greeting")
        self.execute("qmp_capabilities")

    def _read(self):
        while b"\n" not in self.buf:
            data = self.sock.recv(4096)
            if not data:
                raise QMPError("QMP connection closed")
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def execute(self, name, **args):
        return self.call(name, args)

    def call(self, name, args):
        """execute with the arguments as a dict (one may be called "name")."""
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            reply = self._read()
            if "event" in reply:
                continue
            if "error" in reply:
                raise QMPError("%s: %s" % (name, reply["error"].get("desc")))
            return reply.get("return")

    def send_key(self, qcodes, hold_ms=50):
        keys = [{"type": "qcode", "data": k} for k in qcodes]
        self.execute("send-key", keys=keys, **{"hold-time": hold_ms})
        time.sleep(hold_ms / 1000.0 + 0.05)     # let the release go out first

    def type_text(self, text):
        for ch in text:
            self.send_key(chord_for(ch))

    def move(self, dx, dy):
        """Relative motion: dx grows right, dy grows down (QEMU's convention too)."""
        events = [{"type": "rel", "data": {"axis": "x", "value": dx}},
                  {"type": "rel", "data": {"axis": "y", "value": dy}}]
        self.execute("input-send-event", events=events)

    def button(self, name, down):
        self.execute("input-send-event",
                     events=[{"type": "btn", "data": {"down": down, "button": name}}])

    def click(self, name):
        self.button(name, True)
        time.sleep(0.05)
        self.button(name, False)

    def screendump(self, path):
        """The display as QEMU shows it, a PPM file at path (an old one is
        removed first, so a check never reads a stale picture)."""
        if os.path.exists(path):
            os.unlink(path)
        self.execute("screendump", filename=os.path.abspath(path))

    def set_link(self, name, up):
        """A NIC's (or netdev's) link, as a cable pulled or plugged (set_link)."""
        self.call("set_link", {"name": name, "up": up})

    def close(self):
        self.sock.close()


class Injector:
    """Runs (regex, actions) steps in order as the log lines arrive.

    The actions run on a thread of their own, one step after another, so
    the log goes on being read while they type or paste: a long paste whose
    echo filled QEMU's output pipe would otherwise stop QEMU and the paste
    alike. ("serial_async", (text,)) writes on yet another thread, so the
    next actions (keys typed over QMP) run while the paste is going in."""

    def __init__(self, sock, steps):
        self.sock, self.steps, self.qmp, self.error = sock, list(steps), None, None
        self.serial = None                      # QEMU's stdin, set by the harness
        self.groups = {}
        self.work = queue.Queue()
        self.worker = None
        self.writers = []

    def _fill(self, arg):
        if not isinstance(arg, str):
            return arg
        for name, value in self.groups.items():
            arg = arg.replace("{%s}" % name, value)
        return arg

    def _act(self, method, args):
        args = tuple(self._fill(a) for a in args)
        if method == "serial":
            self.serial.write(args[0].encode())
            self.serial.flush()
        elif method == "serial_async":
            t = threading.Thread(target=self._write_serial, args=(args[0],), daemon=True)
            t.start()
            self.writers.append(t)
        elif method == "sleep":
            time.sleep(args[0])
        else:
            if self.qmp is None:
                self.qmp = QMP(self.sock)
            getattr(self.qmp, method)(*args)

    def on_line(self, text):
        if not self.steps or self.error:
            return
        m = re.search(self.steps[0][0], text)
        if not m:
            return
        self.groups.update({k: v for k, v in m.groupdict().items() if v is not None})
        _, actions = self.steps.pop(0)
        if self.worker is None:
            self.worker = threading.Thread(target=self._run_steps, daemon=True)
            self.worker.start()
        self.work.put(actions)

    def _run_steps(self):
        while True:
            actions = self.work.get()
            if actions is None or self.error:
                return
            try:
                for method, args in actions:
                    self._act(method, args)
            except (OSError, QMPError, ValueError) as e:
                self.error = "QMP: %s" % e

    def _write_serial(self, text):
        try:
            self.serial.write(text.encode())
            self.serial.flush()
        except (OSError, ValueError) as e:
            self.error = "serial: %s" % e

    def problem(self):
        """None, or why the script did not run to its end."""
        if self.error:
            return self.error
        if self.steps:
            return "QMP: never saw %r" % self.steps[0][0]
        return None

    def finish(self, timeout=5.0):
        """Waits for the actions already started (QEMU has ended by now, so
        a write or QMP command still waiting fails at once)."""
        if self.worker:
            self.work.put(None)
            self.worker.join(timeout)
            self.worker = None
        for t in self.writers:
            t.join(timeout)

    def close(self):
        if self.qmp:
            self.qmp.close()
        if os.path.exists(self.sock):
            os.unlink(self.sock)
