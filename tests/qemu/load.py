"""A CPU hog for flake hunting (harness.py --load, make check-qemu QEMU_LOAD=1):
one busy process per host core for as long as the scenarios run, so QEMU's
TCG thread gets a share of the machine, not all of it, as on a slow or
shared CI host. The hogs are the harness's children and end with it, also
when it is interrupted or killed (qemu.popen's parent-death signal)."""
import contextlib
import os
import signal
import sys

import qemu

SPIN = "while True: pass"


@contextlib.contextmanager
def cpu_hog(enabled):
    """Yields the number of hog processes running (0 when not enabled)."""
    procs = []
    if enabled:
        for _ in range(os.cpu_count() or 1):
            # A new session, so a terminal's ^C reaches the harness, which
            # then ends the hogs itself in the finally below; tied to the
            # harness, so they end even if it is killed outright.
            procs.append(qemu.popen([sys.executable, "-c", SPIN], start_new_session=True))
    try:
        yield len(procs)
    finally:
        for p in procs:
            p.send_signal(signal.SIGKILL)
            p.wait()
