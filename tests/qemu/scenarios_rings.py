"""Request rings in shared memory between two processes (<atxf/ring.h>).

ring-pair.atxf (tests/qemu/progs/ring-pair.c) runs as a client and a
driver: the client grants a ring region (SYS_SHM_GRANT), the driver maps it
(SYS_SHM_MAP), and 10,000 requests pass through with batching; every
completion's id, status and payload is checked by the client, which then
revokes the grant, and the driver must notice without touching the region.
Suppression must keep the signals well below one per request.
"""
import re

from scenarios import NO_PANIC, contains, exited, says

REQUESTS = 10000


def fewer_signals_than_requests(log):
    """A check: doorbells and completion signals together < the requests."""
    m = re.search(r"ring client: signals: (\d+) doorbells, (\d+) completion signals "
                  r"for (\d+) requests$", log, re.M)
    if not m:
        return "missing: the client's signal count"
    doorbells, completions, requests = (int(x) for x in m.groups())
    if doorbells + completions >= requests:
        return "%d doorbells + %d completion signals for %d requests: no suppression" % (
            doorbells, completions, requests)
    return contains(
        says("ring-drv.atxf", r"ring driver: region revoked: refused with ESTALE, still "
             r"serving$"),
        says("ring-drv.atxf", r"ring driver: served %d requests, refused 0, woken \d+ "
             r"times$" % REQUESTS))(log)


SCENARIOS = [
    dict(name="rings-10k",
         what="10,000 requests through a shared-memory ring between two processes: every "
              "completion right, fewer signals than requests, a revoke detected",
         programs=["ring-drv.atxf=ring-pair.atxf", "ring-client.atxf=ring-pair.atxf"],
         cfg=["start ring-drv.atxf driver", "start ring-client.atxf client %d" % REQUESTS,
              "exit-with ring-client.atxf"],
         expect=[says("ring-client.atxf", r"ring client: %d of %d completions right$" %
                      (REQUESTS, REQUESTS)),
                 says("ring-client.atxf", r"ring client: signals: \d+ doorbells, \d+ "
                      r"completion signals for %d requests$" % REQUESTS),
                 exited("ring-client.atxf", 0)],
         check=fewer_signals_than_requests,
         forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=0, timeout=240),
]
