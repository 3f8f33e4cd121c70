#!/usr/bin/env python3
"""Builds and runs the QEMU command line for the ATXF kernel: one place for
`make run`, `make run-gdb` and the test harness (harness.py imports it).

usage: qemu.py [--kernel ELF [--initrd BOOT.TAR] | --iso ISO] [--append CMDLINE] [--gdb]
               [--accel auto|kvm|tcg] [--print] [-- QEMU_ARG ...]

The machine: q35, 256 MiB, one CPU, COM1 on the terminal (Ctrl-A X quits,
Ctrl-A C toggles the QEMU monitor), no display, no reboot (a triple fault
ends QEMU instead of looping), and isa-debug-exit at port 0xf4 so the kernel
can end the run with a status (arch/x86_64/qemu_exit.h).

Accelerator: KVM with `-cpu host` when /dev/kvm works, else TCG with
`-cpu max`. ATXF_ACCEL=kvm|tcg (or --accel) overrides. A host whose KVM is
PVM (/sys/module/kvm_pvm: KVM for nested guests without VMX) counts as no
KVM: it runs a guest that is not PVM-aware by emulation, far slower than TCG.

Ending: QEMU never outlives what started it. qemu.py execs QEMU, so QEMU is
the process that `make run` started and gets its signals (make passes
SIGTERM on to its recipe; the terminal sends SIGHUP and SIGINT to the whole
job). Programs that run QEMU as a child (atxf-run, the harness, terminal.py)
start it with popen() and call stop_on_signals(): a SIGTERM, SIGHUP or
SIGINT becomes Stopped, and they end QEMU before they end. On Linux the
kernel also sends QEMU SIGTERM when its parent ends by any other way, even
SIGKILL (prctl PR_SET_PDEATHSIG).
"""
import ctypes
import fcntl
import os
import signal
import subprocess
import sys

QEMU = os.environ.get("QEMU", "qemu-system-x86_64")
DEFAULT_KERNEL = "build/image/kernel.elf"
KVM_GET_API_VERSION = 0xAE00
KVM_CREATE_VM = 0xAE01
KVM_API_VERSION = 12
DEBUG_EXIT = "isa-debug-exit,iobase=0xf4,iosize=0x04"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
PR_SET_PDEATHSIG = 1            # <linux/prctl.h>
try:
    # Looked up here: after fork, a child should call nothing that may lock.
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):
    _prctl = None               # not Linux: the signal handlers remain


def kvm_problem():
    """None if KVM can run our guest at hardware speed, else why not."""
    if os.path.isdir("/sys/module/kvm_pvm"):
        return "host KVM is PVM, which emulates non-PVM guests (slower than TCG)"
    try:
        fd = os.open("/dev/kvm", os.O_RDWR | os.O_CLOEXEC)
    except OSError as e:
        return "/dev/kvm: %s" % e.strerror
    try:
        if fcntl.ioctl(fd, KVM_GET_API_VERSION, 0) != KVM_API_VERSION:
            return "/dev/kvm: unexpected API version"
        os.close(fcntl.ioctl(fd, KVM_CREATE_VM, 0))
    except OSError as e:
        return "/dev/kvm: cannot create a VM: %s" % e.strerror
    finally:
        os.close(fd)
    return None


def accel_args(choice=None):
    """(qemu arguments, description) for the accelerator to use."""
    choice = choice or os.environ.get("ATXF_ACCEL", "auto")
    if choice == "auto":
        problem = kvm_problem()
        choice = "tcg" if problem else "kvm"
        why = " (%s)" % problem if problem else ""
    else:
        why = " (requested)"
    if choice == "kvm":
        return ["-accel", "kvm", "-cpu", "host"], "kvm" + why
    return ["-accel", "tcg", "-cpu", "max"], "tcg" + why


def command(kernel=None, iso=None, append=None, gdb=False, accel=None,
            serial="mon:stdio", extra=(), initrd=None):
    """The full QEMU argument list, and the accelerator description."""
    args, accel_desc = accel_args(accel)
    cmd = [QEMU, "-machine", "q35", "-m", "256M", "-smp", "1", "-no-reboot",
           "-display", "none", "-serial", serial, "-device", DEBUG_EXIT] + args
    if iso:
        cmd += ["-cdrom", iso, "-boot", "d"]
    else:
        cmd += ["-kernel", kernel or DEFAULT_KERNEL]
        if initrd:
            # QEMU hands -initrd to a multiboot kernel as its module list.
            cmd += ["-initrd", initrd]
        if append:
            cmd += ["-append", append]
    if gdb:
        cmd += ["-s", "-S"]
    return cmd + list(extra), accel_desc


class Stopped(BaseException):
    """A stop signal arrived: end QEMU, then this process (end_by_signal).
    A BaseException, so that `except Exception` does not swallow it."""

    def __init__(self, signum):
        super().__init__("stopped by %s" % signal.Signals(signum).name)
        self.signum = signum


def _stop_once(signum, frame):
    # Later signals would cut the ending of QEMU short: ignore them.
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    raise Stopped(signum)


def stop_on_signals():
    """The first SIGTERM, SIGHUP or SIGINT from now on raises Stopped in
    the main thread; the ones after it are ignored."""
    for s in STOP_SIGNALS:
        signal.signal(s, _stop_once)


def say(text):
    """Prints a line if standard output still takes one (after SIGHUP the
    terminal may be gone)."""
    try:
        print(text)
    except (OSError, ValueError):
        pass


def end_by_signal(signum):
    """Ends this process by signum, as the signal would have, so that a
    shell or a supervisor sees it (exit status 128 + signum in a shell)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signum])
    os.kill(os.getpid(), signum)
    os._exit(128 + signum)


def _tie_to(parent):
    """In a child before exec: SIGTERM when parent ends (also if it ended
    before this call)."""
    if _prctl:
        _prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
    if os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)


def popen(cmd, **kwargs):
    """subprocess.Popen for QEMU (or a command that runs it): the kernel
    sends it SIGTERM if this process ends without ending it."""
    parent = os.getpid()
    return subprocess.Popen(cmd, preexec_fn=lambda: _tie_to(parent), **kwargs)


def parse(argv):
    opts = {"kernel": None, "iso": None, "initrd": None, "append": None, "gdb": False,
            "accel": None, "print": False, "extra": []}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            opts["extra"] = argv[i + 1:]
            break
        if a in ("--gdb", "--print"):
            opts[a[2:]] = True
        elif a in ("--kernel", "--iso", "--initrd", "--append", "--accel") and i + 1 < len(argv):
            opts[a[2:]] = argv[i + 1]
            i += 1
        else:
            sys.exit("qemu.py: unknown argument %r\n%s" % (a, __doc__))
        i += 1
    return opts


def main(argv):
    opts = parse(argv)
    cmd, accel_desc = command(opts["kernel"], opts["iso"], opts["append"], opts["gdb"],
                              opts["accel"], extra=opts["extra"], initrd=opts["initrd"])
    sys.stderr.write("qemu: accelerator %s; Ctrl-A X quits\n" % accel_desc)
    if opts["print"]:
        print(" ".join(cmd))
        return 0
    # This process goes on as QEMU: what started qemu.py signals QEMU itself,
    # and QEMU gets SIGTERM if that ends first.
    _tie_to(os.getppid())
    os.execvp(cmd[0], cmd)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
