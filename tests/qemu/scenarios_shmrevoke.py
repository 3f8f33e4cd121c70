"""A revoked shared region never faults its receiver (ipc/shm.h).

shm-hammer.atxf (tests/qemu/progs/shm-hammer.c) runs a driver that hammers
a client's 64 KiB region in a tight loop while the client takes it back:
by SYS_SHM_REVOKE (shm-revoke-hammer) or by being killed (shm-kill-hammer),
cycle after cycle. The driver must keep running, see ESTALE from the probe,
read no client word afterwards and let the mapping go; after a revoke the
client's region must not change; free RAM and the driver's memory use must
come back to where they were.
"""
from scenarios import NO_PANIC, contains, exited, says

CYCLES = 100
DRIVER = "hammer-drv.atxf"
PROGRAMS = ["hammer-drv.atxf=shm-hammer.atxf", "shm-hammer.atxf"]
RAM = r"free RAM changed by -?\d+ KiB over %d cycles; the driver's use stayed \d+ bytes$" % CYCLES


def hammer(name, mode, what, estale_line, start_with=""):
    return dict(
        name=name, what=what, programs=PROGRAMS,
        cfg=["start %s driver" % DRIVER,
             "start shm-hammer.atxf %s %d%s" % (mode, CYCLES, start_with),
             "exit-with shm-hammer.atxf"],
        expect=[says("shm-hammer.atxf", r"shm-hammer %s: %d cycles: %s$" % (mode, CYCLES,
                                                                          estale_line)),
                says("shm-hammer.atxf", r"shm-hammer %s: %s" % (mode, RAM)),
                exited("shm-hammer.atxf", 0)],
        check=contains(says(DRIVER, r"hammer driver: stopped after %d cycles$" % (CYCLES + 1))),
        forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=0, timeout=300)


SCENARIOS = [
    hammer("shm-revoke-hammer", "revoke",
           "%d revokes while the driver hammers the region: it never faults, sees ESTALE, reads "
           "no client data; the client's region is not written after the revoke; no frame "
           "leaks" % CYCLES,
           r"ESTALE each time, 0 client words read after, region unchanged after each revoke"),
    hammer("shm-kill-hammer", "kill",
           "%d clients killed while the driver hammers their regions: it never faults, sees "
           "ESTALE, reads no client data; no frame leaks" % CYCLES,
           r"ESTALE each time, 0 client words read after", " with root bootfs"),
    dict(name="shm-revoke-self",
         what="a process revokes a grant it maps itself: its loaded mapping reads the "
              "stand-in's zeros at once (the TLB entry went), its own page is untouched",
         programs=["shm-hammer.atxf"],
         cfg=["start shm-hammer.atxf self", "exit-with shm-hammer.atxf"],
         expect=[says("shm-hammer.atxf", r"shm-hammer self: the revoked mapping reads zeros at "
                      r"once, my page kept its bytes$"),
                 exited("shm-hammer.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=0),
]
