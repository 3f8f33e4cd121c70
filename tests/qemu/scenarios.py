"""The QEMU boot scenarios: a table, one entry per check a user would make.

Each scenario boots the kernel (QEMU -kernel, or the GRUB ISO) with a kernel
command line, QEMU arguments and a boot archive, then checks the serial log:

  programs  ATXF programs from build/progs for its boot archive ("NAME.atxf",
            or "ALIAS.atxf=NAME.atxf" to store one under a second name);
            init.atxf (build/services/init.atxf) is always added
  cfg       the archive's boot.cfg lines (docs/boot.md)
  initrd    "reference": boot build/image/boot.tar, the reference archive
            (without programs, cfg or initrd: no archive, no init)
  expect    regexes that must each match some line, in this order
  forbid    regexes that must match no line
  exit      how the run must end: "pass", "fail" or "panic" (a kernel
            self-test through isa-debug-exit), an int (init's exit-with
            powered off with that program exit status), or None when the
            harness stops the run as soon as the `stop_at` regex has matched
            (a list of regexes: once each has matched a line, in any order,
            for runs whose programs end in no fixed order)
  qemu_args extra QEMU arguments (devices: ["-device", "edu"])
  check     optional function(log_text) -> None or a reason for failing
  qmp       an input script, played as the log streams by (qmp.py's
            Injector): keys and pointer events through QMP, text on the
            serial line
  console   True when the console's shell shares COM1 with the kernel log:
            its terminal output has no timestamps
  output    regexes for the lines a program prints (its raw output, no
            timestamp): a line without a timestamp must match one of them

Kernel self-tests are selected with ktest=NAME (kernel/test/ktest.c).
Every line of every log must carry the kernel's timestamp, but for the
console's terminal output (`console`) and the program output a scenario
declares (`output`); the harness checks that for all scenarios. A service's
or driver's log line is "NAME[PID]: text" (atxf_log, SYS_LOG_WRITE), so
init's lines are "init.atxf[1]: init: ..."; a program's printf output is
its own bytes, with no prefix (SYS_DEBUG_WRITE, docs/boot.md).
"""
import re

# The memory map and the ready line, as every boot shows them.
BOOT_LINES = [
    r"^ATXF kernel \S+$",
    r"^clock: TSC at [\d.]+ MHz",
    r"^memory map: \d+ regions$",
    r"^  \[mem 0x0000000000000000-0x[0-9a-f]{16}\] usable",
    r"^  \[mem 0x0000000000100000-0x[0-9a-f]{16}\] usable",
    r"^memory map: \d+ MiB usable$",
    r"^pmm: \d+ frames free",
    r"^paging: kernel tables at 0x[0-9a-f]+, text R-X, rodata R--, data RW-",
    r"^lapic: timer [\d.]+ MHz .*periodic at 1000 Hz$",
    r"^kernel ready: [\d.]+ ms after kernel entry$",
]

NO_PANIC = [r"PANIC", r"EXCEPTION"]

# hello.atxf prints (it is a user's program, not a service): its raw lines.
HELLO_OUTPUT = [r"^hello from hello\.atxf: argc \d+$", r"^argv\[\d+\] = \S+$"]

# What outstream.atxf (tests/qemu/progs/outstream.c) prints, line by line.
OUTSTREAM_LINES = (["ab", "0123456789" * 100] +
                   ["".join(chr(ord("a") + i % 26) for i in range(2000))] * 8 +
                   ["plain text,\ttabbed, 100% sure,", "in UTF-8: caf\u00e9,",
                    "and no carriage return", "stderr: one line",
                    "stderr: a line in two writes", "stdout: the last line"])
OUTSTREAM_OUTPUT = ["^%s$" % re.escape(line) for line in OUTSTREAM_LINES]
CHATTER_LINE = re.compile(r"^chatter\.atxf\[\d+\]: chatter: line \d+$")


def chatter_while_printing(log):
    """chatter's lines are whole, and some came while outstream printed:
    between its first line and its last (so they had a chance to collide)."""
    lines = log.split("\n")
    for line in lines:
        if "chatter: line" in line and not CHATTER_LINE.match(line):
            return "a chatter line mixed with something: %.120s" % line
    first, last = lines.index(OUTSTREAM_LINES[0]), lines.index(OUTSTREAM_LINES[-1])
    during = sum(1 for line in lines[first:last] if CHATTER_LINE.match(line))
    return None if during else "chatter logged nothing while outstream printed"


def fault_report(mnemonic, name, vector, thread, func, caller):
    """The lines a kernel-mode exception report must contain, in order."""
    return [
        r"^EXCEPTION %s %s \(vector %d\) in kernel mode, thread %s" % (
            re.escape(mnemonic), name, vector, thread),
        r"^  rip 0008:ffffffff8[0-9a-f]{7} <%s\+0x[0-9a-f]+>  rflags [0-9a-f]{16}$" % func,
        r"^  rsp 0010:[0-9a-f]{16}  err [0-9a-f]{16}  cr2 [0-9a-f]{16}$",
        r"^  rax [0-9a-f]{16}  rbx [0-9a-f]{16}  rcx [0-9a-f]{16}$",
        r"^  r13 [0-9a-f]{16}  r14 [0-9a-f]{16}  r15 [0-9a-f]{16}$",
        r"^  cr0 [0-9a-f]{16}  cr3 [0-9a-f]{16}  cr4 [0-9a-f]{16}$",
        r"^backtrace:$",
        r"^  #0  0x[0-9a-f]{16} %s\+0x" % func,
        r"^  (\?  |#1 ) 0x[0-9a-f]{16} %s\+0x" % caller,
        r"^  #\d+ +0x[0-9a-f]{16} thread_start\+0x",
        r"^PANIC: unhandled %s %s in kernel mode$" % (re.escape(mnemonic), name),
        r"^kernel halted$",
    ]


def sleep_in_range(log):
    m = re.search(r"sleep\(100 ms\) took ([\d.]+) ms", log)
    if not m:
        return "no sleep measurement in the log"
    ms = float(m.group(1))
    # Never early; the upper bound allows a loaded TCG host (test_sched.c).
    return None if 100.0 <= ms < 1000.0 else "slept %.3f ms, not in [100, 1000)" % ms


# What init prints, behind the kernel's "NAME[PID]: " prefix.
def init_says(text):
    return r"^init\.atxf\[1\]: init: " + text


INIT_LINES = [
    r"^boot: boot archive \S+: \d+ KiB, \d+ members$",
    r"^boot: init is init\.atxf, pid 1$",
    r"^init running: [\d.]+ ms after kernel entry$",
]


def started(name):
    return init_says(r"started %s pid \d+$" % re.escape(name))


def exited(name, status):
    return init_says(r"%s pid \d+ exited with status %d$" % (re.escape(name), status))


def contains(*patterns):
    """A check: each regex matches some line, in any order."""
    def check(log):
        for p in patterns:
            if not re.search(p, log, re.M):
                return "missing: " + p
        return None
    return check


def all_checks(*checks):
    """A check: each of checks passes, the first failure's reason otherwise."""
    def check(log):
        for c in checks:
            why = c(log)
            if why:
                return why
        return None
    return check


def cpu_share(name, wall_ms, most):
    """A check: name's CPU time (its exit line) is at most `most` of wall_ms,
    so something else ran meanwhile."""
    def check(log):
        m = re.search(r"exit: %s pid \d+ status 0, ([\d.]+) ms of CPU" % re.escape(name), log)
        if not m:
            return "no exit line for %s" % name
        ms = float(m.group(1))
        if ms > most * wall_ms:
            return "%s had %.1f ms of CPU in its %d ms: it ran alone" % (name, ms, wall_ms)
        return None
    return check


# fault.atxf KIND: the kernel's report and the status init sees (128 + vector).
FAULTS = [
    ("pf-null", r"addr 0x0: #PF page fault \(page not present, read, user\)", 142),
    ("pf-kernel", r"addr 0xffffffff80000000: #PF page fault \(.*, read, user\)", 142),
    ("gp", r"#GP general protection", 141),
    ("ud", r"#UD invalid opcode", 134),
    ("de", r"#DE divide error", 128),
    ("priv", r"#GP general protection", 141),
    ("io", r"#GP general protection", 141),
    ("wx", r"#PF page fault \(protection violation, write, user\)", 142),
    ("nx", r"#PF page fault \(protection violation, instruction fetch, user\)", 142),
]


def faults_contained(log):
    """Each kind's process reported once, with its reason and status; the
    survivor finished after all of them."""
    pid_of = {kind: pid for pid, kind in
              re.findall(r"^fault\.atxf\[(\d+)\]: fault (\S+): about to fault$", log, re.M)}
    last = 0
    for kind, reason, status in FAULTS:
        pid = pid_of.get(kind)
        if not pid:
            return "fault %s never ran" % kind
        m = re.search(r"^fault: fault\.atxf pid %s rip 0x[0-9a-f]+ (.*)$" % pid, log, re.M)
        if not m or not re.search(reason, m.group(1)):
            return "fault %s (pid %s): want /%s/, got %s" % (
                kind, pid, reason, m.group(0) if m else "no fault line")
        if not re.search(exited("fault.atxf", status).replace(r"pid \d+", "pid " + pid), log, re.M):
            return "fault %s (pid %s): init did not see status %d" % (kind, pid, status)
        last = max(last, m.end())
    if log.find("spin survivor:", last) < 0:
        return "the survivor did not finish after the faults"
    return None


SCENARIOS = [
    dict(name="boot-kernel",
         what="QEMU -kernel boot of the reference image: memory map, init ready",
         initrd="reference", expect=BOOT_LINES + INIT_LINES +
         [init_says(r"ready \(2 programs started\)$")],
         forbid=NO_PANIC, exit=None, stop_at=r"init: ready "),
    dict(name="boot-iso",
         what="GRUB ISO boot: the same, kernel and boot archive loaded by GRUB",
         iso=True, expect=[r'^boot: loader "GRUB'] + BOOT_LINES[2:6] +
         [r'^boot module 0: \[0x[0-9a-f]+-0x[0-9a-f]+\) "boot\.tar"$'] + BOOT_LINES[6:] +
         INIT_LINES + [init_says(r"ready \(2 programs started\)$")],
         forbid=NO_PANIC, exit=None, stop_at=r"init: ready "),
    dict(name="lib",
         what="kernel printf, string functions and heap",
         append="ktest=lib", expect=[r"^ktest lib: PASS$"], forbid=NO_PANIC, exit="pass"),
    dict(name="mm",
         what="frame allocator, W^X kernel image, user address spaces, PAT memory types",
         append="ktest=mm",
         expect=[r"^pat: entry 4 is write-combining$",
                 r"^ktest mm: device pages are write-combining or uncached as asked, RAM "
                 r"write-back$", r"^ktest mm: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="fault-ud",
         what="ud2 in a kernel thread: full report, backtrace, panic",
         append="ktest=ud",
         expect=fault_report("#UD", "invalid opcode", 6, "ktest-ud", "do_invalid_opcode",
                             "ud_thread"),
         exit="panic"),
    dict(name="fault-pf",
         what="read of an unmapped kernel address: #PF report with cr2",
         append="ktest=pf",
         expect=fault_report("#PF", "page fault", 14, r"ktest-pf \(page not present, "
                             r"read, supervisor\)", "do_bad_read", "pf_thread"),
         check=lambda log: None if re.search(r"cr2 ffffc0ffdead0000", log)
         else "cr2 does not show the faulting address",
         exit="panic"),
    dict(name="fault-uaf",
         what="a kernel thread reads a heap block it freed: the #PF report says which "
              "block the address is in and whose kfree let it go",
         append="ktest=uaf",
         expect=fault_report("#PF", "page fault", 14, r"ktest-uaf \(page not present, "
                             r"read, supervisor\)", "do_stale_read", "uaf_thread")[:-2] + [
             r"^  0x[0-9a-f]{16} is 32 bytes into a heap block of 4 page\(s\) freed at "
             r"\d+\.\d{6} s by:$",
             r"^  #0  0x[0-9a-f]{16} kfree\+0x",
             r"^  #1  0x[0-9a-f]{16} free_the_block\+0x",
             r"^  #2  0x[0-9a-f]{16} uaf_thread\+0x",
             r"^PANIC: unhandled #PF page fault in kernel mode$"],
         exit="panic"),
    dict(name="overflow",
         what="kernel stack overflow hits the guard page; #DF reports on its own stack",
         append="ktest=overflow",
         expect=[r"^EXCEPTION #DF double fault \(vector 8\) in kernel mode, thread ktest-overflow$",
                 r"^  rip 0008:ffffffff8[0-9a-f]{7} <recurse",
                 r"^  rsp is at the bottom of a mapped stack: kernel stack overflow$",
                 r"^  #1  0x[0-9a-f]{16} recurse",
                 r"^  \.\.\. the same \d+ more time\(s\)$",
                 r"^PANIC: unhandled #DF double fault in kernel mode$"],
         exit="panic"),
    dict(name="threads",
         what="two CPU-bound kernel threads both progress under preemption",
         append="ktest=threads",
         expect=[r"^ktest threads: spin-a counted [1-9]\d* in \d+ ms, spin-b "
                 r"[1-9]\d* in \d+ ms", r"^ktest threads: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="priority",
         what="a ready higher-priority thread always runs before a lower one",
         append="ktest=priority", expect=[r"^ktest priority: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="sleep",
         what="a 100 ms sleep never ends early (and not 10 times late) by the kernel clock",
         append="ktest=sleep", expect=[r"^ktest sleep: PASS$"], check=sleep_in_range,
         forbid=NO_PANIC, exit="pass"),
    dict(name="irq",
         what="ISA IRQ 0 through the IOAPIC (MADT override to GSI 2) to its handler",
         append="ktest=irq",
         expect=[r"^ktest irq: ISA IRQ 0 -> GSI 2 -> vector 0x32: 1 interrupt\(s\)$",
                 r"^ktest irq: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="proc",
         what="kernel side of processes: spawn, wait, timeouts, kill, orphans, no leaks",
         append="ktest=proc", programs=["hello.atxf", "spin.atxf"], no_init=True,
         output=HELLO_OUTPUT,
         expect=[r"^kill: spin\.atxf pid \d+, by ktest-parent pid \d+$",
                 r"^exit: spin\.atxf pid \d+ status 137, ",
                 r"^loader: hello\.atxf: refused: wrong magic",
                 r"^ktest proc: spawn, wait, timeouts, kill, refusal, orphans: -?\d+ frames net$",
                 r"^ktest proc: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="hello",
         what="init starts hello.atxf with arguments; its printf output and exit status",
         programs=["hello.atxf"], cfg=["start hello.atxf 7 alpha beta", "exit-with hello.atxf"],
         # The child may print before init logs that it started it: the two
         # processes' lines are in no promised order, so "started" is
         # checked anywhere; hello's own lines, its exit and init's report
         # of the exit are ordered (the exit follows the output, which the
         # kernel sends before its exit line, and init learns of the exit
         # after the kernel logs it). hello prints: its lines are raw.
         output=HELLO_OUTPUT,
         expect=INIT_LINES + [r"^hello from hello\.atxf: argc 4$",
                              r"^argv\[0\] = hello\.atxf$",
                              r"^argv\[1\] = 7$",
                              r"^argv\[2\] = alpha$",
                              r"^argv\[3\] = beta$",
                              r"^exit: hello\.atxf pid \d+ status 7, [\d.]+ ms of CPU$",
                              exited("hello.atxf", 7)],
         check=contains(started("hello.atxf"), init_says(r"ready \(1 programs started\)$")),
         forbid=NO_PANIC + [r"^hello\.atxf\["], exit=7),
    # chatter.atxf logs a line each time outstream's time slice ends; the
    # harness splits a line that a kernel line landed in, and the pieces
    # would match none of `output`. Order: outstream's own lines, in order.
    dict(name="output-stream",
         what="a program's printf output stays whole lines while another program logs",
         programs=["outstream.atxf", "chatter.atxf"],
         cfg=["start chatter.atxf", "start outstream.atxf", "exit-with outstream.atxf"],
         output=OUTSTREAM_OUTPUT,
         expect=OUTSTREAM_OUTPUT + [r"^exit: outstream\.atxf pid \d+ status 0, ",
                                    exited("outstream.atxf", 0)],
         check=chatter_while_printing, forbid=NO_PANIC, exit=0),
    # All one process's doing, so the order is the design's: the prompt
    # goes out at the sleep, the log line ends its line, "bye" goes out at
    # the exit and the exit line ends it. A kernel line glued to a partial
    # line would be a line without a timestamp matching no `output`.
    dict(name="output-partial",
         what="a prompt shows while its program waits; kernel lines end a partial line first",
         programs=["prompt.atxf"], cfg=["start prompt.atxf", "exit-with prompt.atxf"],
         output=[r"^prompt> $", r"^answer$", r"^bye$"],
         expect=[r"^prompt> $", r"^prompt\.atxf\[\d+\]: prompt: logged while the prompt shows$",
                 r"^answer$", r"^bye$", r"^exit: prompt\.atxf pid \d+ status 0, ",
                 exited("prompt.atxf", 0)],
         forbid=NO_PANIC + [r"prompt> answer"], exit=0),
    dict(name="spin",
         what="two CPU-bound ATXF programs both progress under preemption",
         programs=["spin-a.atxf=spin.atxf", "spin-b.atxf=spin.atxf"],
         cfg=["start spin-a.atxf 300 A", "start spin-b.atxf 350 B", "exit-with spin-b.atxf"],
         # Two processes: spin-a's line is checked anywhere (its shorter
         # run usually ends first, but nothing promises that); spin-b's
         # line comes before init hears it exit.
         expect=[r"^spin-b\.atxf\[\d+\]: spin B: [1-9]\d* iterations in \d+ ms$",
                 exited("spin-b.atxf", 0)],
         check=all_checks(
             contains(r"^spin-a\.atxf\[\d+\]: spin A: [1-9]\d* iterations in \d+ ms$"),
             cpu_share("spin-a.atxf", 300, 0.75)),
         forbid=NO_PANIC, exit=0),
    dict(name="sleeper",
         what="sleep(100 ms) in an ATXF program never ends early, by the kernel clock",
         programs=["sleeper.atxf"], cfg=["start sleeper.atxf", "exit-with sleeper.atxf"],
         expect=[r"^sleeper\.atxf\[\d+\]: sleeper: sleep\(100 ms\) took [\d.]+ ms$"],
         check=sleep_in_range, forbid=NO_PANIC, exit=0),
    # The survivor spins 3 s of the kernel clock: init starts the nine fault
    # programs one by one, about 60 ms each on a loaded TCG machine, and the
    # check wants every fault to have happened before the survivor ends.
    dict(name="faults",
         what="every fault kind ends only its process, reported; a spinner finishes",
         programs=["fault.atxf", "spin.atxf"],
         cfg=["start spin.atxf 3000 survivor"] +
             ["start fault.atxf " + kind for kind, _, _ in FAULTS] + ["exit-with spin.atxf"],
         expect=[init_says(r"ready \(10 programs started\)$"), exited("spin.atxf", 0)],
         check=faults_contained, forbid=NO_PANIC + [r"still alive"], exit=0),
    dict(name="refusal",
         what="a corrupted ATXF and malformed boot.cfg lines are refused; the rest boots",
         programs=["bad.atxf", "hello.atxf"], output=HELLO_OUTPUT,
         cfg=["start bad.atxf", "frobnicate now", "start", "start missing.atxf",
              "start hello.atxf 3", "exit-with hello.atxf"],
         expect=[r"^loader: bad\.atxf: refused: text_offset is not a non-zero multiple of "
                 r"4096 \(text_offset 0x1001, not a multiple of 0x1000\)$",
                 init_says(r"boot\.cfg:1: cannot start bad\.atxf: not a valid ATXF executable$"),
                 init_says(r'boot\.cfg:2: unknown directive "frobnicate"; line skipped$'),
                 init_says(r"boot\.cfg:3: start needs a program name; line skipped$"),
                 init_says(r"boot\.cfg:4: missing\.atxf: not in the boot archive$"),
                 started("hello.atxf"), init_says(r"ready \(1 programs started\)$"),
                 exited("hello.atxf", 3)],
         forbid=NO_PANIC, exit=3),
    dict(name="bad-init",
         what="a corrupted init is refused with its reason; the kernel goes on",
         programs=["bad.atxf"], no_init=True, append="init=bad.atxf",
         expect=[r"^loader: bad\.atxf: refused: text_offset is not a non-zero multiple",
                 r'^boot: cannot start init "bad\.atxf": ENOEXEC; the kernel goes on without it$'],
         forbid=NO_PANIC, exit=None, stop_at=r"^boot: cannot start init"),
    # sysfuzz yields now and then (SYS_YIELD is one of its 64 numbers), and
    # each yield gives the spinner a whole 10 ms time slice: about 2 s in all.
    dict(name="sysfuzz",
         what="10,000 random system calls with hostile arguments: no panic, programs still run",
         programs=["sysfuzz.atxf", "spin.atxf"],
         # spin must outlast the fuzzing, which takes 2.5 s on an idle
         # machine and up to 10 s on a loaded one: 15 s leaves room.
         cfg=["start sysfuzz.atxf 1 10000", "start spin.atxf 15000 after",
              "exit-with spin.atxf"], timeout=120,
         expect=[r"^sysfuzz\.atxf\[\d+\]: sysfuzz: 10000 calls done, \d+ errors$",
                 exited("sysfuzz.atxf", 0),
                 r"^spin\.atxf\[\d+\]: spin after: [1-9]\d* iterations in \d+ ms$",
                 exited("spin.atxf", 0)],
         forbid=NO_PANIC, exit=0),
]


# Capabilities, IPC, hardware access, IRQ forwarding. Each
# scenario's programs are in tests/qemu/progs (their first comment says
# what they print); init gives them capabilities from the `with` clauses of
# their start lines (docs/boot.md).
def says(prog, text):
    """A line prog (its archive name) printed."""
    return r"^%s\[\d+\]: " % re.escape(prog) + text


def shared_says(x, text):
    """A line irq-shared instance x ("A" or "B") printed."""
    return says("irq-shared-%s.atxf" % x.lower(), r"irq-shared %s: " % x + text + "$")


CAP_IPC_IRQ_SCENARIOS = [
    dict(name="ipc-objects",
         what="kernel side of ports: bounded queue, notifications first and coalesced, "
              "death releases queued caps; reply tokens; contiguous DMA frames",
         append="ktest=ipc",
         expect=[r"^ipc: reply tokens keyed per boot from (rdrand|tsc)$",
                 r"^ktest ipc: 4096 reply tokens unique and never 0; a token finds its call "
                 r"only for the call's server$",
                 r"^ktest ipc: queue of 16, notifications first, death \(also from inside a queue, "
                 r"and in a cycle\), contiguous frames: "
                 r"-?\d+ frames net$", r"^ktest ipc: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    # spin.atxf holds 0x60-0x64 (READ|WRITE: open in its I/O bitmap) and
    # runs first, so ioport-deny's direct inb comes right after a switch away
    # from a process that has the port open: the bitmap must be closed again.
    dict(name="ioport-deny",
         what="no IOPORT capability: SYS_IO_INB(0x60) is EPERM, a direct inb is a #GP that ends "
              "it, even right after a process holding the port ran",
         programs=["ioport-deny.atxf", "spin.atxf"],
         cfg=["start spin.atxf 200 owner with ioport:0x60-0x64:rw", "start ioport-deny.atxf"],
         expect=[says("ioport-deny.atxf", r"ioport-deny: SYS_IO_INB\(0x60\) = -EPERM: refused ok$"),
                 says("ioport-deny.atxf", r"ioport-deny: direct inb 0x60 next"),
                 r"^fault: ioport-deny\.atxf pid \d+ rip 0x[0-9a-f]+ addr 0x60: #GP general "
                 r"protection \(port I/O: port 0x60 is not open to it\)$",
                 exited("ioport-deny.atxf", 141)],
         # 141 does not fit QEMU's 7 bits of exit-with status: stop at init's line.
         forbid=NO_PANIC + [r"still alive"], exit=None,
         stop_at=exited("ioport-deny.atxf", 141)),
    dict(name="ioport-xfer",
         what="an IoPort range derived and moved in a message works by syscall and direct in, "
              "only for its ports",
         programs=["io-give.atxf=ioport-xfer.atxf", "io-take.atxf=ioport-xfer.atxf"],
         cfg=["start io-take.atxf take", "start io-give.atxf give with ioport:0x70-0x77:rwg",
              "exit-with io-take.atxf"],
         expect=[says("io-take.atxf", r"ioport-xfer take: before the transfer: SYS_IO_INB\(0x71\) "
                      r"refused: EPERM ok$"),
                 says("io-take.atxf", r"ioport-xfer take: received ports 0x70-0x71, rights rwg$"),
                 says("io-take.atxf", r"ioport-xfer take: RTC seconds via SYS_IO_INB: 0x[0-5][0-9]$"),
                 says("io-take.atxf", r"ioport-xfer take: RTC seconds via a direct in: 0x[0-5][0-9]$"),
                 says("io-take.atxf", r"ioport-xfer take: port 0x72 \(outside the range\) refused: "
                      r"EPERM ok$"),
                 says("io-take.atxf", r"ioport-xfer take: ok$")],
         check=contains(says("io-give.atxf", r"ioport-xfer give: sent ports 0x70-0x71 ")),
         forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=0),
    dict(name="ipc-pingpong",
         what="1000 IPC calls between two programs found through init's name service",
         programs=["ipc-pong.atxf", "ipc-ping.atxf"],
         cfg=["start ipc-pong.atxf", "start ipc-ping.atxf 1000", "exit-with ipc-ping.atxf"],
         expect=[says("ipc-pong.atxf", r'ipc-pong: registered "pong"$'),
                 says("ipc-ping.atxf", r"ipc-ping: 1000 round trips ok$"),
                 exited("ipc-ping.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL"], exit=0),
    # Three roles of tests/qemu/progs/forger.c: the forger learns tokens of
    # calls made to it and is even handed the exact token of the victim's
    # pending call; the kernel lets only the call's server answer it.
    dict(name="ipc-reply-forger",
         what="a process that is not a call's server cannot answer it, whatever token it "
              "tries; the caller ends by its own timeout",
         programs=["fg-server.atxf=forger.atxf", "fg-forger.atxf=forger.atxf",
                   "fg-victim.atxf=forger.atxf"],
         cfg=["start fg-server.atxf server", "start fg-forger.atxf forger",
              "start fg-victim.atxf victim"],
         expect=[says("fg-forger.atxf", r"forger: answered 4 calls of its own$"),
                 says("fg-forger.atxf", r"forger: [1-9]\d{3,} forged replies, 0 accepted, "
                      r"all ENOENT$"),
                 says("fg-forger.atxf", r"forger: the leaked token was tried while the call "
                      r"was pending: ok$")],
         check=contains(
             says("fg-victim.atxf", r"victim: call ended with ETIMEDOUT after \d+ ms \(its "
                  r"timeout: 5000 ms\): ok$"),
             says("fg-server.atxf", r"server: late reply after the victim's timeout: ENOENT ok$")),
         forbid=NO_PANIC + [r"FAIL"], exit=None,
         # Each role's end, whatever its status: a failure shows at once.
         stop_at=[init_says(r"fg-%s\.atxf pid \d+ exited with status" % r)[1:]
                  for r in ("forger", "victim", "server")]),
    dict(name="names",
         what="the name service's contract: register, look up, duplicates, bad names, rights, "
              "instance names",
         programs=["names-check.atxf"],
         cfg=["start names-check.atxf with ioport:0x80-0x80:rg", "exit-with names-check.atxf"],
         expect=[says("names-check.atxf", r"names-check: 15 of 15 checks ok$"),
                 exited("names-check.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL"], exit=0),
    dict(name="port-xfer",
         what="a send-only port right travels in a message; the receiver answers through it",
         programs=["port-give.atxf=port-xfer.atxf", "port-take.atxf=port-xfer.atxf"],
         cfg=["start port-take.atxf take", "start port-give.atxf give"],
         expect=[says("port-take.atxf", r"port-xfer take: received a port: handle \d+, rights -wg$"),
                 says("port-take.atxf", r"port-xfer take: receiving on it refused: EPERM ok$")],
         check=contains(says("port-take.atxf", r"port-xfer take: sent ECHO back through it: ok$"),
                        says("port-give.atxf", r"port-xfer give: ECHO from pid \d+ through the "
                             r"transferred right: ok$")),
         forbid=NO_PANIC + [r"FAIL"], exit=None,
         stop_at=[exited("port-take.atxf", 0)[1:], exited("port-give.atxf", 0)[1:]]),
    dict(name="shm",
         what="a shared-memory grant: mapped and written by the receiver, revoked (the receiver "
              "reads zeros, no fault), unmapped, then it faults",
         programs=["shm-give.atxf=shm.atxf", "shm-take.atxf=shm.atxf"],
         cfg=["start shm-take.atxf take", "start shm-give.atxf give"],
         expect=[says("shm-take.atxf", r"shm take: mapped the grant at 0x[0-9a-f]+: pattern ok$"),
                 says("shm-take.atxf", r"shm take: wrote the reply pattern$"),
                 says("shm-give.atxf", r"shm give: reply pattern seen in my page: ok$")],
         check=contains(says("shm-give.atxf", r"shm give: revoked; my page is still mine: ok$"),
                        says("shm-take.atxf", r"shm take: revoked: probe ESTALE, the page reads "
                             r"zeros, keeps my writes$"),
                        says("shm-take.atxf", r"shm take: unmapped; touching the page next must "
                             r"fault$"),
                        r"^fault: shm-take\.atxf pid \d+ rip 0x[0-9a-f]+ addr 0x[0-9a-f]+: #PF "
                        r"page fault \(page not present, read, user\)$"),
         forbid=NO_PANIC + [r"FAIL", r"still alive"], exit=None,
         stop_at=[exited("shm-take.atxf", 142)[1:], exited("shm-give.atxf", 0)[1:]]),
    dict(name="kill-reacquire",
         what="killing a process frees its port, IRQ line, DMA and I/O ports; a second "
              "process takes them, peers see EPEER",
         programs=["holder.atxf", "taker.atxf", "killer.atxf"],
         cfg=["start holder.atxf with irq:8:r dma:64K:w ioport:0x70-0x71:rw pci:00:00.0:r",
              "start taker.atxf with irq:8:r dma:64K:w ioport:0x70-0x71:rw pci:00:00.0:r",
              "start killer.atxf holder.atxf taker with root",
              "exit-with taker.atxf"],
         expect=[says("holder.atxf", r"holder: port \"holder\", irq 8 bound, dma 64 KiB at "
                      r"bus 0x[0-9a-f]+, ioports 0x70-0x71$"),
                 says("holder.atxf", r"holder: ready, sleeping$"),
                 says("taker.atxf", r'taker: while holder lives: irq bind EBUSY, "holder" EEXIST: ok$'),
                 r"^kill: holder\.atxf pid \d+, by killer\.atxf pid \d+$",
                 r"^irq: line 0x8 masked and freed \(holder\.atxf pid \d+ ended\)$",
                 says("taker.atxf", r"taker: holder's port after the kill: send EPEER: ok$"),
                 says("taker.atxf", r'taker: after the kill: irq bound, "holder" registered, '
                      r"dma 64 KiB at bus 0x[0-9a-f]+: ok$"),
                 exited("taker.atxf", 0)],
         # The kernel says what it reclaimed after the holder's port died,
         # so the taker, woken by that, may print first.
         check=contains(r"^reclaim: holder\.atxf pid \d+: 1 IRQ handler\(s\) removed, 64 KiB "
                        r"of DMA memory freed \(0 KiB still charged\)$"),
         forbid=NO_PANIC + [r"FAIL"], exit=0),
]

# QEMU's edu device (PCI 1234:11e8), pinned to 00:10.0. On this machine
# (q35, 256 MiB) the firmware puts its BAR0 (1 MiB) at 0xfea00000.
EDU_ARGS = ["-device", "edu,addr=0x10"]
EDU_BAR0 = "mmio:0xfea00000+0x100000:rw"

CAP_IPC_IRQ_SCENARIOS += [
    dict(name="irq-msi",
         what="edu's MSI forwarded as notifications: one per interrupt, masked until ack",
         programs=["irq-edu.atxf"], qemu_args=EDU_ARGS,
         cfg=["start irq-edu.atxf 10 with %s msi:00:10.0:r" % EDU_BAR0,
              "exit-with irq-edu.atxf"],
         expect=[r"^irq: irq-edu\.atxf pid \d+ handles line 0x100000080 \(vector 0x[0-9a-f]+, MSI\)$",
                 says("irq-edu.atxf", r"irq-edu: edu id 0x[0-9a-f]+ at 0x[0-9a-f]+, irq handle \d+ "
                      r"bound to bit 3$"),
                 says("irq-edu.atxf", r"irq-edu: 11 interrupts, 11 notifications, masked until "
                      r"ack: yes$"),
                 exited("irq-edu.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL"], exit=0),
    # Slot 16's INTA# reaches the IOAPIC as GSI 20 (ICH9 PIRQE), level and
    # active low: the kernel masks the pin until the ack.
    dict(name="irq-intx",
         what="edu's level-triggered INTx through the IOAPIC: one notification per interrupt, "
              "masked until ack",
         programs=["irq-edu.atxf"], qemu_args=EDU_ARGS,
         cfg=["start irq-edu.atxf 10 with %s irq:20:r" % EDU_BAR0, "exit-with irq-edu.atxf"],
         expect=[r"^irq: irq-edu\.atxf pid \d+ handles line 0x14 \(vector 0x44, level\)$",
                 says("irq-edu.atxf", r"irq-edu: 11 interrupts, 11 notifications, masked until "
                      r"ack: yes$"),
                 r"^irq: line 0x14 masked and freed \(irq-edu\.atxf pid \d+ ended\)$",
                 exited("irq-edu.atxf", 0)],
         forbid=NO_PANIC + [r"FAIL"], exit=0),
    # Two edu devices, slots 16 and 20: both INTA# reach GSI 20 (ICH9
    # PIRQE), so two processes share one level-triggered line. A raises on
    # its device, then B on its own; each notification reaches both, and the
    # line stays masked until both have acked (tests/qemu/progs/irq-shared.c).
    dict(name="irq-shared",
         what="one level-triggered INTx line shared by two processes: both notified, "
              "masked until both acked",
         programs=["irq-shared-a.atxf=irq-shared.atxf", "irq-shared-b.atxf=irq-shared.atxf"],
         qemu_args=["-device", "edu,addr=0x10", "-device", "edu,addr=0x14"],
         cfg=["start irq-shared-a.atxf A with mmio:0xfe900000+0x100000:rw irq:20:r",
              "start irq-shared-b.atxf B with mmio:0xfea00000+0x100000:rw irq:20:r",
              "exit-with irq-shared-a.atxf"],
         expect=[r"^irq: irq-shared-a\.atxf pid \d+ handles line 0x14 \(vector 0x44, level\)$",
                 r"^irq: irq-shared-b\.atxf pid \d+ handles line 0x14 \(vector 0x44, level\)$",
                 shared_says("B", r"10 notifications, 5 mine, 5 others'; masked until both "
                                  r"acked: yes"),
                 exited("irq-shared-b.atxf", 0),
                 shared_says("A", r"10 notifications, 5 mine, 5 others'; masked until both "
                                  r"acked: yes"),
                 r"^irq: line 0x14 masked and freed \(irq-shared-a\.atxf pid \d+ ended\)$",
                 exited("irq-shared-a.atxf", 0)],
         # A's and B's lines of one phase come in either order.
         check=contains(
             shared_says("A", r"edu id 0x[0-9a-f]+ at 0xfe900000, irq handle \d+ \(GSI 20\) "
                              r"bound to bit 3"),
             shared_says("B", r"edu id 0x[0-9a-f]+ at 0xfea00000, irq handle \d+ \(GSI 20\) "
                              r"bound to bit 3"),
             shared_says("A", r"phase 1, A raises: 5 notifications, 5 mine, 0 others'; "
                              r"masked until both acked: yes"),
             shared_says("B", r"phase 1, A raises: 5 notifications, 0 mine, 5 others'; "
                              r"masked until both acked: yes"),
             shared_says("A", r"phase 2, B raises: 5 notifications, 0 mine, 5 others'; "
                              r"masked until both acked: yes"),
             shared_says("B", r"phase 2, B raises: 5 notifications, 5 mine, 0 others'; "
                              r"masked until both acked: yes")),
         forbid=NO_PANIC + [r"FAIL"], exit=0),
]

SCENARIOS += CAP_IPC_IRQ_SCENARIOS


# The PS/2 keyboard and mouse drivers and the 16550 driver
# (drivers/), started by hand with boot.cfg `with` clauses (devmgr's own
# scenarios start them from their manifests). Without an instance argument
# they take the framework's default names, ps2-keyboard0 and ps2-mouse0; the
# keyboard driver owns the i8042 (the mouse driver waits for ps2-keyboard0);
# the UART driver runs on COM2 (a second -serial), for COM1 is the kernel's
# log. input-events.atxf subscribes to both input drivers and prints what they report (tests/qemu/progs/input-events.c).
KBD_START = "start ps2-keyboard.atxf with ioport:0x60-0x60:rw ioport:0x64-0x64:rw irq:1:r"
MOUSE_START = "start ps2-mouse.atxf with ioport:0x60-0x60:rw ioport:0x64-0x64:rw irq:12:r"
COM2_START = "start uart16550.atxf com2 with ioport:0x2f8-0x2ff:rw irq:3:r"

DRIVER_SCENARIOS = [
    dict(name="drivers-start",
         what="ps2-keyboard, ps2-mouse and uart16550 probe their devices and register "
              "ps2-keyboard0, ps2-mouse0 and com2; a client subscribes to both input devices",
         programs=["ps2-keyboard.atxf", "ps2-mouse.atxf", "uart16550.atxf", "input-events.atxf"],
         qemu_args=["-serial", "null"],
         cfg=[KBD_START, MOUSE_START, COM2_START, "start input-events.atxf ps2-keyboard0 ps2-mouse0"],
         expect=[says("ps2-keyboard.atxf", r"ps2-keyboard0: i8042 ready, keyboard on IRQ 1$"),
                 says("ps2-mouse.atxf", r"ps2-mouse0: streaming, mouse on IRQ 12$"),
                 says("input-events.atxf", r"input-events: subscribed to ps2-mouse0$")],
         check=contains(says("uart16550.atxf", r"com2: 16550 at port 0x2f8, 115200 baud$"),
                        says("input-events.atxf", r"input-events: subscribed to ps2-keyboard0$")),
         forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=None,
         stop_at=[says("uart16550.atxf", r"com2: 16550 at port")[1:],
                  says("input-events.atxf", r"input-events: subscribed to ps2-mouse0$")[1:]]),
]

# The UART driver's transmit path on COM2, written to a file QEMU keeps:
# more than the 16-byte FIFO, so THR-empty interrupts carry the rest.
COM2_OUT = "build/tests/qemu/uart16550-com2.out"
COM2_TEXT = "uart16550-on-COM2:the-THR-empty-interrupt-carried-all-of-these-bytes"


def com2_got(text):
    """A check: COM2's file holds exactly text and a newline."""
    def check(log):
        try:
            with open(COM2_OUT, "rb") as f:
                got = f.read()
        except OSError as e:
            return "no COM2 output: %s" % e
        want = (text + "\n").encode()
        return None if got == want else "COM2 got %r, want %r" % (got, want)
    return check


DRIVER_SCENARIOS += [
    dict(name="uart16550-write",
         what="a client's WRITE to com2 goes out on COM2 whole, past the 16-byte FIFO",
         programs=["uart16550.atxf", "char-write.atxf"],
         qemu_args=["-serial", "file:" + COM2_OUT],
         cfg=[COM2_START, "start char-write.atxf com2 " + COM2_TEXT,
              "exit-with char-write.atxf"],
         expect=[says("uart16550.atxf", r"com2: 16550 at port 0x2f8, 115200 baud$"),
                 says("char-write.atxf", r"char-write: com2 took %d bytes$" % (len(COM2_TEXT) + 1)),
                 exited("char-write.atxf", 0)],
         check=com2_got(COM2_TEXT),
         forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=0),
]

def event(text):
    """A line input-events.atxf printed for one event."""
    return says("input-events.atxf", r"input-events: %s$" % text)


# Keys and pointer events injected through QEMU's monitor (qmp.py), once the
# client has subscribed to both devices. Each step of a QMP script waits for
# its log line; the expected events must appear in this order.
INPUT_PROGRAMS = ["ps2-keyboard.atxf", "ps2-mouse.atxf", "input-events.atxf"]
INPUT_CFG = [KBD_START, MOUSE_START, "start input-events.atxf ps2-keyboard0 ps2-mouse0"]
INPUT_READY = r"input-events: subscribed to ps2-mouse0$"

KEY_EVENTS = ["KEY 0x1e 1", "KEY 0x1e 0",                  # a
              "KEY 0x02 1", "KEY 0x02 0",                  # 1
              "KEY 0x2a 1", "KEY 0x30 1", "KEY 0x30 0", "KEY 0x2a 0",   # shift + b
              "KEY 0x3a 1", "KEY 0x3a 0",                  # caps lock (LEDs sent and ACKed)
              "KEY 0x2e 1", "KEY 0x2e 0"]                  # c
MOUSE_EVENTS = ["REL 0 5", "REL 1 -3", "BUTTON 0 1", "BUTTON 0 0",
                "REL 0 -7", "REL 1 9", "BUTTON 1 1", "BUTTON 1 0",
                "BUTTON 2 1", "BUTTON 2 0"]

DRIVER_SCENARIOS += [
    dict(name="ps2-keys",
         what="keys typed through QMP send-key reach a subscriber as make/break codes, "
              "with shift and caps lock (whose LED command the keyboard must ACK)",
         programs=INPUT_PROGRAMS, cfg=INPUT_CFG,
         qmp=[(INPUT_READY, [("type_text", ("a1B",)), ("send_key", (["caps_lock"],)),
                             ("type_text", ("c",))])],
         expect=[event(e) for e in KEY_EVENTS],
         forbid=NO_PANIC + [r"FAIL", r"^fault: ", r"keyboard does not take"], exit=None,
         stop_at=[event(KEY_EVENTS[-1])[1:]]),
    dict(name="ps2-mouse-events",
         what="relative motion and buttons injected with input-send-event arrive with "
              "the right signs (Y grows down) and buttons",
         programs=INPUT_PROGRAMS, cfg=INPUT_CFG,
         qmp=[(INPUT_READY, [("move", (5, -3)), ("click", ("left",)), ("move", (-7, 9)),
                             ("click", ("right",)), ("click", ("middle",))])],
         expect=[event(e) for e in MOUSE_EVENTS],
         forbid=NO_PANIC + [r"FAIL", r"^fault: "], exit=None,
         stop_at=[event(MOUSE_EVENTS[-1])[1:]]),
]

SCENARIOS += DRIVER_SCENARIOS

# ---- devmgr (services/devmgr, docs/devmgr.md) ------------------------------
# devmgr is built into build/services, beside init, not build/progs.
DEVMGR = "devmgr.atxf=../services/devmgr.atxf"


def devmgr_says(text):
    return says("devmgr.atxf", r"devmgr: " + text)


DEVMGR_SCENARIOS = [
    # Under init: registers its name, enumerates PCI (q35 on bus 0, an edu
    # pinned at 00:10.0) and the legacy table, and finds no boot archive
    # (the kernel maps it into the first process only).
    dict(name="devmgr-enumerate",
         what="devmgr under init: registers \"devmgr\", logs the PCI and legacy devices",
         programs=[DEVMGR], qemu_args=EDU_ARGS,
         cfg=["start devmgr.atxf with root"],
         expect=[started("devmgr.atxf"),
                 devmgr_says(r"device 00:00\.0 pci 8086:29c0 class 06:00:00"),
                 devmgr_says(r"device 00:10\.0 pci 1234:11e8 class 00:ff:00 "
                             r"bar0 mmio 0xfea00000\+0x100000 msi"),
                 devmgr_says(r"device 00:1f\.2 pci 8086:2922 class 01:06:01 .*bar5 mmio "),
                 devmgr_says(r"device i8042 legacy ports 0x60-0x60 0x64-0x64 irq 1 12: present$"),
                 devmgr_says(r"device COM1 legacy ports 0x3f8-0x3ff irq 4: present$"),
                 devmgr_says(r"device COM2 legacy ports 0x2f8-0x2ff irq 3: absent$"),
                 devmgr_says(r"\d+ devices$"),
                 devmgr_says(r"no boot archive in reach: no drivers to start$"),
                 devmgr_says(r"ready \(0 driver instances\)$")],
         check=contains(says("init.atxf", r"names: devmgr -> pid \d+$")),
         forbid=NO_PANIC + [r"FAIL", r"devmgr: registering"], exit=None,
         stop_at=[devmgr_says(r"ready ")[1:], says("init.atxf", r"names: devmgr -> pid")[1:]]),
    # devmgr as the first process (init=devmgr.atxf) has the boot archive
    # and ROOT as handle 2, so it reads the test drivers' manifests: the
    # greedy one asks for COM2's ports on COM1 and is refused; the flaky one
    # crashes twice and is restarted within 1 s each time, then serves with
    # exactly its manifest's capabilities; the crashy one ends five times in
    # 5 s and is given up on.
    dict(name="devmgr-supervise",
         what="devmgr: least privilege refusal, restart with backoff, giving up",
         programs=[DEVMGR, "dm-flaky.atxf", "dm-crashy.atxf", "dm-greedy.atxf"], cfg=[],
         append="init=devmgr.atxf",
         expect=[devmgr_says(r"no name service: reachable by its drivers only$"),
                 devmgr_says(r"device COM1 legacy ports 0x3f8-0x3ff irq 4: present$"),
                 devmgr_says(r"3 drivers with a manifest in the boot archive$"),
                 devmgr_says(r"refused dm-greedy \(dm-greedy\.atxf\) on COM1: ioport "
                             r"0x2f8\+0x8: outside the device's port ranges: the device does "
                             r"not own it$"),
                 devmgr_says(r"ready \(2 driver instances\)$")],
         check=contains(
             devmgr_says(r"started dm-flaky \(dm-flaky\.com1\) on COM1 pid \d+ generation 0 "
                         r"with 2 capabilities$"),
             says("dm-flaky.atxf", r"dm-flaky: generation 0: crashing$"),
             devmgr_says(r"dm-flaky \(dm-flaky\.com1\) pid \d+ ended with status 142 "
                         r"after \d+ ms$"),
             devmgr_says(r"dm-flaky \(dm-flaky\.com1\): restarting in 50 ms$"),
             devmgr_says(r"restarting dm-flaky \(dm-flaky\.com1\) generation 1, restart 1, "
                         r"[1-9]?\d{1,2} ms after it ended$"),
             devmgr_says(r"dm-flaky \(dm-flaky\.com1\): restarting in 100 ms$"),
             devmgr_says(r"restarting dm-flaky \(dm-flaky\.com1\) generation 2, restart 2, "
                         r"[1-9]?\d{1,2} ms after it ended$"),
             says("dm-flaky.atxf", r"dm-flaky: handle 2 kind 2 0x3f8\+0x8 rights 1$"),
             says("dm-flaky.atxf", r"dm-flaky: handle 3 kind 3 0x4\+0x1 rights 1$"),
             devmgr_says(r"dm-flaky \(dm-flaky\.com1\) pid \d+ generation 2 says hello: "
                         r"serving$"),
             says("dm-flaky.atxf", r"dm-flaky: generation 2 serving, hello answered 0$"),
             devmgr_says(r"restarting dm-crashy \(dm-crashy\.com1\) generation 4, restart 4, "),
             says("dm-crashy.atxf", r"dm-crashy: generation 4: exiting with 3$"),
             devmgr_says(r"dm-crashy \(dm-crashy\.com1\): 5 failures within 5000 ms: "
                         r"giving up$")),
         forbid=NO_PANIC + [r"FAIL", r"dm-flaky: handle 4", r"generation 5",
                            r"dm-flaky: generation 3"],
         exit=None,
         stop_at=[devmgr_says(r"dm-crashy \(dm-crashy\.com1\): 5 failures")[1:],
                  says("dm-flaky.atxf", r"dm-flaky: generation 2 serving")[1:]]),
]

# The real drivers (drivers/, build/drivers) started by devmgr from their
# manifests alone, each with exactly the ports and IRQ its device owns. As
# the first process devmgr has no name service, so nobody publishes the
# drivers' instance names (devmgr would, after their HELLO).
DEVMGR_DRIVERS = ["%s.atxf=../drivers/%s.atxf" % (d, d) for d in ("ps2-keyboard", "uart16550")]

def devmgr_starts_drivers(name, what, first=(), **boot):
    """devmgr starts ps2-keyboard on i8042 and uart16550 on COM1 from their
    manifests, each binds its IRQ and says HELLO; boot says how devmgr runs."""
    def hello(driver, instance):
        return devmgr_says(r"%s \(%s\) pid \d+ generation 0 says hello" % (driver, instance))
    return dict(name=name, what=what, programs=[DEVMGR] + DEVMGR_DRIVERS,
                expect=list(first) + [
                    devmgr_says(r"2 drivers with a manifest in the boot archive$"),
                    devmgr_says(r"started ps2-keyboard \(ps2-keyboard\.i8042\) on i8042 pid \d+ "
                                r"generation 0 with 3 capabilities$"),
                    devmgr_says(r"started uart16550 \(uart16550\.com1\) on COM1 pid \d+ "
                                r"generation 0 with 2 capabilities$"),
                    devmgr_says(r"ready \(2 driver instances\)$")],
                check=contains(
                    r"^irq: ps2-keyboard\.atxf pid \d+ handles line 0x1 \(vector 0x[0-9a-f]+, edge\)$",
                    r"^irq: uart16550\.atxf pid \d+ handles line 0x4 \(vector 0x[0-9a-f]+, edge\)$",
                    hello("ps2-keyboard", r"ps2-keyboard\.i8042") + ": serving$",
                    hello("uart16550", r"uart16550\.com1") + ": serving$"),
                forbid=NO_PANIC + [r"FAIL", r"fault: ", r"ended with status"], exit=None,
                stop_at=[hello("ps2-keyboard", r"ps2-keyboard\.i8042")[1:],
                         hello("uart16550", r"uart16550\.com1")[1:]],
                **boot)


DEVMGR_SCENARIOS += [
    devmgr_starts_drivers(
        "devmgr-drivers",
        "devmgr starts the PS/2 keyboard and 16550 drivers from their manifests",
        cfg=[], append="init=devmgr.atxf"),
    devmgr_starts_drivers(
        "devmgr-init-drivers",
        "the real boot path: init starts devmgr with root and a read-only grant of the "
        "boot archive (bootfs); devmgr starts the drivers from their manifests",
        first=[started("devmgr.atxf")], cfg=["start devmgr.atxf with root bootfs"]),
]

# The devmgr protocol (<atxf/proto/devmgr.h>) from a client that
# devmgr itself starts (tests/qemu/progs/dm-query.c): the device and driver
# lists, RESTART of a running driver, and two bad requests refused.
DEVMGR_SCENARIOS += [
    dict(name="devmgr-requests",
         what="devmgr answers DEVICE and DRIVER queries, restarts a driver on request, "
              "refuses bad requests",
         programs=[DEVMGR, "dm-flaky.atxf", "dm-query.atxf"], cfg=[], append="init=devmgr.atxf",
         expect=[says("dm-query.atxf", r"dm-query: device 0 00:00\.0$"),
                 says("dm-query.atxf", r"dm-query: device \d+ i8042$"),
                 says("dm-query.atxf", r"dm-query: driver 0 dm-flaky dm-flaky\.com1 state 2 "
                      r"generation 2 restarts 2$"),
                 says("dm-query.atxf", r"dm-query: driver 1 dm-query dm-query\.com1 state 1 "
                      r"generation 0 restarts 0$"),
                 says("dm-query.atxf", r"dm-query: RESTART dm-flaky\.com1: 0$"),
                 says("dm-query.atxf", r"dm-query: dm-flaky\.com1 generation 3 after the "
                      r"restart$"),
                 says("dm-query.atxf", r"dm-query: STOP of an unknown instance: ENOENT ok$"),
                 says("dm-query.atxf", r"dm-query: STOP without a NUL: EINVAL ok$"),
                 devmgr_says(r"dm-query \(dm-query\.com1\) pid \d+ ended with status 0 "),
                 devmgr_says(r"dm-query \(dm-query\.com1\): its manifest says no restart$")],
         check=contains(
             devmgr_says(r"restart of dm-flaky \(dm-flaky\.com1\) pid \d+ asked$"),
             devmgr_says(r"dm-flaky \(dm-flaky\.com1\) pid \d+ ended with status 137 "),
             devmgr_says(r"restarting dm-flaky \(dm-flaky\.com1\) generation 3, restart 3, "),
             says("dm-flaky.atxf", r"dm-flaky: generation 3 serving, hello answered 0$")),
         forbid=NO_PANIC + [r"FAIL", r"generation 4"], exit=None,
         stop_at=[devmgr_says(r"dm-query \(dm-query\.com1\): its manifest says no restart")[1:]]),
]

# devmgr given the boot archive as a read-only shared-memory grant beside
# ROOT, as init's proposed `bootfs` clause would (docs/devmgr.md), by a
# stand-in first process (tests/qemu/progs/dm-launch.c).
DEVMGR_SCENARIOS += [
    dict(name="devmgr-bootfs",
         what="devmgr reads driver manifests from a shared-memory grant of the boot archive",
         programs=[DEVMGR, "dm-launch.atxf", "dm-flaky.atxf"], cfg=[],
         append="init=dm-launch.atxf",
         # dm-launch logs after it spawned devmgr, which may log first: its
         # line is checked anywhere. devmgr's own lines are ordered, and
         # dm-flaky's follow the start devmgr logged before spawning it.
         expect=[devmgr_says(r"1 drivers with a manifest in the boot archive$"),
                 devmgr_says(r"started dm-flaky \(dm-flaky\.com1\) on COM1 pid \d+ generation 0 "
                             r"with 2 capabilities$"),
                 says("dm-flaky.atxf", r"dm-flaky: generation 2 serving, hello answered 0$")],
         check=contains(says("dm-launch.atxf",
                             r"dm-launch: devmgr pid \d+ with a grant of \d+ bytes$")),
         forbid=NO_PANIC + [r"FAIL", r"no boot archive in reach"], exit=None,
         stop_at=says("dm-flaky.atxf", r"dm-flaky: generation 2 serving")[1:]),
]

# Least privilege end to end, under init: a driver whose manifest matches
# the i8042 but lists none of its ports is started (with no capabilities)
# and cannot touch them, by system call or by `in`, while the keyboard
# driver holds them; a driver asking for ports its device does not own is
# not started at all. Both logged with the reason.
DEVMGR_SCENARIOS += [
    dict(name="devmgr-least-privilege",
         what="a devmgr-started driver without the i8042 ports in its manifest cannot touch "
              "them; a manifest asking for what its device does not own is refused",
         programs=[DEVMGR, "ps2-keyboard.atxf=../drivers/ps2-keyboard.atxf", "dm-sneaky.atxf",
                   "dm-greedy.atxf"],
         cfg=["start devmgr.atxf with root bootfs"],
         # devmgr logs a start after the spawn, so dm-sneaky's own lines may
         # come first: the start line is checked in any order.
         expect=[says("dm-sneaky.atxf", r"dm-sneaky\.i8042: SYS_IO_INB\(0x60\) = -EPERM: "
                      r"refused ok$"),
                 r"^fault: dm-sneaky\.atxf pid \d+ rip 0x[0-9a-f]+ addr 0x60: #GP general "
                 r"protection \(port I/O: port 0x60 is not open to it\)$",
                 devmgr_says(r"dm-sneaky \(dm-sneaky\.i8042\) pid \d+ ended with status 141 "),
                 devmgr_says(r"dm-sneaky \(dm-sneaky\.i8042\): its manifest says no restart$")],
         check=contains(devmgr_says(r"started dm-sneaky \(dm-sneaky\.i8042\) on i8042 pid \d+ "
                                    r"generation 0 with 0 capabilities$"),
                        devmgr_says(r"refused dm-greedy \(dm-greedy\.atxf\) on COM1: ioport "
                                    r"0x2f8\+0x8: outside the device's port ranges: the device "
                                    r"does not own it$"),
                        devmgr_says(r"ps2-keyboard \(ps2-keyboard\.i8042\) pid \d+ "
                                    r"generation 0 says hello: serving$")),
         forbid=NO_PANIC + [r"FAIL", r"dm-greedy: ", r"ps2-keyboard.*ended with status"],
         exit=None,
         stop_at=[devmgr_says(r"dm-sneaky \(dm-sneaky\.i8042\): its manifest says no")[1:],
                  devmgr_says(r"ps2-keyboard \(ps2-keyboard\.i8042\) pid \d+ generation 0 "
                              r"says hello")[1:]]),
]

# Instance names are devmgr's to give (<atxf/proto/name.h>): a program init
# starts with no capability (tests/qemu/progs/impostor.c) tries to register
# the keyboard driver's name while it runs, and in a loop while devmgr
# restarts it after a KILL, twice; every try is refused, and afterwards the
# name leads to the pid devmgr reports for the new generation.
DEVMGR_SCENARIOS += [
    dict(name="names-impostor",
         what="an impostor cannot register or drop a supervised driver's instance name, "
              "neither while the driver runs nor while devmgr restarts it",
         programs=[DEVMGR, "ps2-keyboard.atxf=../drivers/ps2-keyboard.atxf", "impostor.atxf"],
         cfg=["start devmgr.atxf with root bootfs", "start impostor.atxf ps2-keyboard.i8042",
              "exit-with impostor.atxf"],
         expect=[says("impostor.atxf", r"impostor: ps2-keyboard\.i8042 generation 0 runs as "
                      r"pid \d+$"),
                 says("impostor.atxf", r"impostor: while it runs: 60 tries refused$")] +
                [line for r in (1, 2) for line in (
                    says("impostor.atxf", r"impostor: killed pid \d+ through devmgr \(restart "
                         r"%d\)$" % r),
                    says("impostor.atxf", r"impostor: during restart %d: [1-9]\d* tries refused, "
                         r"the name missing on \d+ lookups$" % r),
                    says("impostor.atxf", r"impostor: after restart %d: ps2-keyboard\.i8042 "
                         r"generation %d answered by pid \d+, the driver devmgr started: ok$"
                         % (r, r)))] +
                [says("impostor.atxf", r"impostor: every registration refused: ok$"),
                 exited("impostor.atxf", 0)],
         check=contains(
             says("init.atxf", r"names: devmgr\.atxf pid \d+ registers instance names$"),
             devmgr_says(r"killing ps2-keyboard \(ps2-keyboard\.i8042\) pid \d+, as asked$"),
             devmgr_says(r"restarting ps2-keyboard \(ps2-keyboard\.i8042\) generation 2, "),
             says("init.atxf", r"names: ps2-keyboard\.i8042 -> pid \d+, registered by pid "
                  r"\d+$")),
         # A registration by anyone but devmgr would log without "registered by".
         forbid=NO_PANIC + [r"FAIL", r"names: ps2-keyboard\.i8042 -> pid \d+$",
                            r"publishing its name failed"],
         exit=0),
]

SCENARIOS += DEVMGR_SCENARIOS
