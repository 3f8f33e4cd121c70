"""The QEMU boot scenarios: a table, one entry per check a user would make.

Each scenario boots the kernel (QEMU -kernel, or the GRUB ISO) with a kernel
command line and QEMU arguments, then checks the serial log:

  expect   regexes that must each match some line, in this order
  forbid   regexes that must match no line
  exit     how the kernel must end the run: "pass", "fail" or "panic"
           (isa-debug-exit), or None when the run is stopped by the harness
           as soon as the `stop_at` regex has matched
  check    optional function(log_text) -> None or a reason for failing

Kernel self-tests are selected with ktest=NAME (kernel/test/ktest.c).
Every line of every log must carry the kernel's timestamp; the harness checks
that for all scenarios.
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
    return None if 100.0 <= ms < 150.0 else "slept %.3f ms, not in [100, 150)" % ms


SCENARIOS = [
    dict(name="boot-kernel",
         what="QEMU -kernel boot: memory map, then the ready line",
         append="ktest=boot", expect=BOOT_LINES + [r"^ktest boot: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="boot-iso",
         what="GRUB ISO boot: the same, loaded by GRUB",
         iso=True, expect=[r'^boot: loader "GRUB'] + BOOT_LINES[2:],
         forbid=NO_PANIC, exit=None, stop_at=r"^kernel ready:"),
    dict(name="lib",
         what="kernel printf, string functions and heap",
         append="ktest=lib", expect=[r"^ktest lib: PASS$"], forbid=NO_PANIC, exit="pass"),
    dict(name="mm",
         what="frame allocator, W^X kernel image, user address spaces",
         append="ktest=mm", expect=[r"^ktest mm: PASS$"], forbid=NO_PANIC, exit="pass"),
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
         what="a 100 ms sleep lasts 100-150 ms by the kernel clock",
         append="ktest=sleep", expect=[r"^ktest sleep: PASS$"], check=sleep_in_range,
         forbid=NO_PANIC, exit="pass"),
    dict(name="irq",
         what="ISA IRQ 0 through the IOAPIC (MADT override to GSI 2) to its handler",
         append="ktest=irq",
         expect=[r"^ktest irq: ISA IRQ 0 -> GSI 2 -> vector 0x32: 1 interrupt\(s\)$",
                 r"^ktest irq: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="user",
         what="a ring-3 program: debug write, EFAULT/ENOSYS checks, sleep, exit 42",
         append="ktest=user",
         expect=[r"^hello\[\d+\]: hello from ring 3$",
                 r"^exit: hello pid \d+ status 42, [\d.]+ ms of CPU$", r"^ktest user: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="user-spin",
         what="two CPU-bound user processes both progress under preemption",
         append="ktest=user-spin",
         expect=[r"^ktest user-spin: two user spinners ran \d+ ms and \d+ ms",
                 r"^ktest user-spin: PASS$"],
         forbid=NO_PANIC, exit="pass"),
    dict(name="user-faults",
         what="faults in ring 3 end only the faulting process; another one finishes",
         append="ktest=user-faults",
         expect=[r"^fault: fault_ud pid \d+ rip 0x400000 addr 0x0: #UD invalid opcode$",
                 r"^fault: fault_de pid \d+ rip 0x400009 addr 0x0: #DE divide error$",
                 r"^fault: fault_null pid \d+ rip 0x400000 addr 0x0: #PF page fault "
                 r"\(page not present, read, user\)$",
                 r"^fault: fault_kernel_read pid \d+ rip 0x[0-9a-f]+ addr 0xffffffff80100000: "
                 r"#PF page fault \(protection violation, read, user\)$",
                 r"^fault: fault_code_write pid \d+ rip 0x[0-9a-f]+ addr 0x400000: "
                 r"#PF page fault \(protection violation, write, user\)$",
                 r"^fault: fault_stack_exec pid \d+ rip 0x7fffffffd[0-9a-f]{3} addr "
                 r"0x7fffffffd[0-9a-f]{3}: #PF page fault \(protection violation, "
                 r"instruction fetch, user\)$",
                 r"^fault: fault_privileged pid \d+ rip 0x400000 addr 0x0: #GP general protection$",
                 r"^fault: fault_io_port pid \d+ rip 0x400000 addr 0x0: #GP general protection$",
                 r"^hello\[\d+\]: hello from ring 3$",
                 r"^ktest user-faults: 8 faulting programs contained, hello finished$",
                 r"^ktest user-faults: PASS$"],
         forbid=NO_PANIC, exit="pass"),
]
