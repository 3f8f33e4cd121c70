"""Floating point on the target (tests/qemu/progs/fpcheck.c): printf's
%f %e %g %a, strtod/strtof/strtold, sscanf and libm (linked with -lm), line
for line what the same program prints on the host, built with gcc and
glibc. The lines are one process's, so their order is the program's."""
import os
import re
import subprocess

from scenarios import NO_PANIC, exited

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, "tests/qemu/progs/fpcheck.c")
HOST_BIN = os.path.join(ROOT, "build/tests/qemu/fpcheck-host")


def host_lines():
    """fpcheck's output on the host: gcc, glibc and glibc's libm."""
    os.makedirs(os.path.dirname(HOST_BIN), exist_ok=True)
    subprocess.run(["gcc", "-std=gnu11", "-O2", SOURCE, "-lm", "-o", HOST_BIN], check=True)
    out = subprocess.run([HOST_BIN], check=True, capture_output=True, text=True).stdout
    return out.splitlines()


def same_as_host(log):
    """Every fp: line equal to the host's, in the same order, none missing."""
    target = [line for line in log.split("\n") if line.startswith("fp: ")]
    host = host_lines()
    for i, (got, want) in enumerate(zip(target, host)):
        if got != want:
            return "line %d differs from the host's:\n  target: %s\n  host:   %s" % (
                i + 1, got, want)
    if len(target) != len(host):
        return "%d fp: lines on the target, %d on the host" % (len(target), len(host))
    return None


SCENARIOS = [
    dict(name="libcfp-fpcheck",
         what="printf %f %e %g %a, strtod, sscanf and libm print what glibc's build prints",
         programs=["fpcheck.atxf"],
         cfg=["start fpcheck.atxf", "exit-with fpcheck.atxf"],
         output=[r"^fp: .*$"],
         expect=[r"^fp: \[%f\] 0\.000000$", r"^fp: strtod\(\"0\.1\"\) = 3fb999999999999a ",
                 r"^fp: sscanf 6: 3\.25 ", r"^fp: x=0\.5 sin 0\.479425538604 ",
                 r"^fp: done$", exited("fpcheck.atxf", 0)],
         check=same_as_host,
         forbid=NO_PANIC + [re.escape("<float>")], exit=0),
]
