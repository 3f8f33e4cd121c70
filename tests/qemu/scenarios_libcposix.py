"""The C11/POSIX half of the libc on the target (tests/qemu/progs/posixcheck.c):
setjmp, signals, the descriptors, the clocks against the host's, the
environment init passes, atexit. All the order asserted is within one
process; the wall clock's bound allows a loaded TCG host."""
import calendar
import re
import time

from scenarios import HELLO_OUTPUT, NO_PANIC, all_checks, contains, exited, init_says

# posixcheck basics' checks, in the order it makes them.
BASIC_CHECKS = [
    "setjmp/longjmp from 10 calls deep", "signal() returns the old handler",
    "raise() runs the handler", "raise() of an ignored signal", "SIGKILL cannot be caught",
    "write(1)", "isatty(1) and isatty(2)", "isatty(0) is 0, ENOTTY", "isatty(7) is 0, EBADF",
    "read(0) is end of file", "lseek(1) is ESPIPE", "open() is ENOSYS", "close(0) twice",
    "getpid()", "getppid() is init's 1", "nanosleep(50 ms)",
    "the monotonic clock saw the sleep", "the wall clock saw the sleep", "usleep(50000)",
    "the monotonic clock saw usleep", "clock() counts CPU time", "mktime(localtime(t)) == t",
]
BASIC_OUTPUT = [r"^ok: .*$", r"^FAIL: .*$", r"^write\(1\): straight to the console$",
                r"^time: \d+$", r"^date: [\d-]+ [\d:]+$", r"^env: .*$", r"^failures: \d+$"]

# QEMU's RTC starts at the host's UTC time; the guest reads it within a
# minute of that even on a loaded host, and the check runs after the run.
WALL_CLOCK_SLACK_S = 600


def wall_clock_is_hosts(log):
    """time: is the host's time (the guest cannot be ahead of the check, nor
    far behind it), and date: is its UTC calendar form (gmtime, strftime)."""
    t = re.search(r"^time: (\d+)$", log, re.M)
    d = re.search(r"^date: (.+)$", log, re.M)
    if not t or not d:
        return "no time: or date: line"
    guest, host = int(t.group(1)), time.time()
    if not host - WALL_CLOCK_SLACK_S <= guest <= host + 1:
        return "guest wall clock %d, host %d: more than %d s apart" % (
            guest, host, WALL_CLOCK_SLACK_S)
    want = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(guest))
    if d.group(1) != want:
        return "date: %s, but %d is %s UTC" % (d.group(1), guest, want)
    if calendar.timegm(time.strptime(want, "%Y-%m-%d %H:%M:%S")) != guest:
        return "date does not round-trip"
    return None


def ends_with(name, what, args, line, status, never):
    """posixcheck ARGS prints line, then ends with status, and never prints
    never. Statuses above 127 do not survive isa-debug-exit's (status << 1)
    | 1, so the run stops at init's exit line instead of exit-with."""
    done = exited("posixcheck.atxf", status)
    return dict(name=name, what=what, programs=["posixcheck.atxf"],
                cfg=["start posixcheck.atxf " + args], output=["^%s$" % re.escape(line)],
                expect=["^%s$" % re.escape(line), done], stop_at=[done],
                forbid=NO_PANIC + [never], exit=None)


SCENARIOS = [
    dict(name="libcposix-basics",
         what="setjmp, signal/raise, fds 0-2, isatty, clocks, the wall clock, getenv",
         programs=["posixcheck.atxf"],
         cfg=["env GREETING=hello", "env HOME=/", "env GREETING=hi-again",
              "start posixcheck.atxf basics GREETING HOME NOPE", "exit-with posixcheck.atxf"],
         output=BASIC_OUTPUT,
         expect=["^ok: %s$" % re.escape(c) for c in BASIC_CHECKS] +
                [r"^env: GREETING=hi-again$", r"^env: HOME=/$", r"^env: NOPE unset$",
                 r"^failures: 0$", exited("posixcheck.atxf", 0)],
         check=all_checks(wall_clock_is_hosts, contains(r"^clock: wall time \d{4}-\d\d-\d\d "
                                                        r"\d\d:\d\d:\d\d UTC from the CMOS RTC$")),
         forbid=NO_PANIC + [r"^FAIL: "], exit=0),
    ends_with("libcposix-raise",
              "raise(SIGTERM) with the default action ends the process with 128 + 15",
              "raise 15", "raising 15", 143, r"still alive"),
    ends_with("libcposix-fault",
              "a page fault is no signal: the kernel ends the process (142), no handler runs",
              "fault", "about to read address 0", 142, r"SIGSEGV handler ran"),
    # The order is one process's (the runner's system calls, each waiting):
    # hello's lines come before system() returns, in hello's own order. The
    # runner is posixcheck under a second name, so exit-with does not fire
    # when the posixcheck it runs ends.
    dict(name="libcposix-system",
         what="system() runs a boot archive program through init and returns its status",
         programs=["runner.atxf=posixcheck.atxf", "posixcheck.atxf", "hello.atxf"],
         cfg=["start runner.atxf system", "exit-with runner.atxf"],
         output=[r"^ok: .*$", r"^FAIL: .*$", r"^raising 15$", r"^system: .*$",
                 r"^failures: \d+$"] + HELLO_OUTPUT,
         expect=[r"^ok: system\(NULL\): there is a command processor$",
                 r"^hello from hello\.atxf: argc 3$", r"^argv\[2\] = from-system$",
                 r"^system: hello\.atxf returned 0x300$",
                 r"^ok: system\(\) waits for hello's 3$", r"^raising 15$",
                 r"^ok: system\(\) sees raise\(SIGTERM\)'s 143$",
                 r"^ok: system\(\) of a missing program is ENOENT$",
                 r"^ok: system\(\) of no words is EINVAL$", r"^failures: 0$",
                 exited("runner.atxf", 0)],
         check=contains(init_says(r"started hello\.atxf pid \d+ for pid \d+$"),
                        init_says(r"run for pid \d+ refused: .*$")),
         forbid=NO_PANIC + [r"^FAIL: ", r"still alive"], exit=0),
    dict(name="libcposix-spawn-env",
         what="SYS_PROC_SPAWN refuses a malformed environment, and passes a good one on",
         programs=["posixcheck.atxf"],
         cfg=["start posixcheck.atxf spawn-env with root", "exit-with posixcheck.atxf"],
         output=[r"^ok: .*$", r"^FAIL: .*$", r"^failures: \d+$"],
         expect=[r"^ok: spawn refuses a string without =$", r"^ok: spawn refuses an empty name$",
                 r"^ok: spawn refuses 33 strings$", r"^ok: spawn refuses a bad envp$",
                 r"^ok: a good environment reaches the image$", r"^failures: 0$",
                 exited("posixcheck.atxf", 0)],
         forbid=NO_PANIC + [r"^FAIL: "], exit=0),
    dict(name="libcposix-atexit",
         what="exit() runs atexit functions last-registered first, then flushes",
         programs=["posixcheck.atxf"],
         cfg=["start posixcheck.atxf atexit", "exit-with posixcheck.atxf"],
         output=[r"^atexit [12]$"],
         expect=[r"^atexit 2$", r"^atexit 1$", exited("posixcheck.atxf", 5)],
         forbid=NO_PANIC, exit=5),
]
