"""Finding a driver by its manifest name (atxf_driver_find): devmgr holds the
DRIVER_WAIT request and answers the moment an instance runs, or with ENOENT
when the wait is over; nobody reads the DRIVER list in a loop. The waiting
client is started before devmgr, so its request is held at first; the one
that finds nothing asks devmgr once devmgr runs."""
import re

from scenarios import DEVMGR, NO_PANIC, contains, exited, says

VIRTIO_RNG = ["-device", "virtio-rng-pci,disable-legacy=on,addr=0x11"]
DRIVER = "virtio-rng.atxf=../drivers/virtio-rng.atxf"


def waited_at_least(prog, ms):
    """The not-found answer came after the whole wait, not before."""
    def check(log):
        m = re.search(r"^%s\[\d+\]: driver-wait: no-such-driver: .* after (\d+) ms$"
                      % re.escape(prog), log, re.M)
        if not m:
            return "no answer for no-such-driver"
        if int(m.group(1)) < ms:
            return "ENOENT after %s ms, before the %d ms wait was over" % (m.group(1), ms)
        return None
    return check


def all_of(*checks):
    def check(log):
        for c in checks:
            err = c(log)
            if err:
                return err
        return None
    return check


SCENARIOS = [
    dict(name="driver-wait",
         what="atxf_driver_find waits in devmgr for a driver started later and gets "
              "its instance; a driver no manifest names ends with ENOENT after the wait",
         programs=[DEVMGR, DRIVER, "waiter.atxf=driver-wait.atxf",
                   "nobody.atxf=driver-wait.atxf"],
         qemu_args=VIRTIO_RNG,
         cfg=["start waiter.atxf virtio-rng 60000", "start devmgr.atxf with root bootfs",
              "start nobody.atxf no-such-driver 500"],
         expect=[says("waiter.atxf",
                      r"driver-wait: virtio-rng: virtio-rng\.00-11\.0 after \d+ ms$"),
                 exited("waiter.atxf", 0)],
         check=all_of(contains(exited("nobody.atxf", 1)), waited_at_least("nobody.atxf", 500)),
         forbid=NO_PANIC + [r"^fault: "], exit=None, timeout=240,
         stop_at=[r"waiter\.atxf pid \d+ exited with status 0$",
                  r"nobody\.atxf pid \d+ exited with status 1$"]),
]
