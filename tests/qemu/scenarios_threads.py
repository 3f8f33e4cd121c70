"""Threads inside a process (pthreads, C11 threads, TLS) and big memory
(malloc, the per-process limit).

Each program prints with printf, so its lines are raw output (`output`);
everything checked is one process's doing, in the order it promises. The
programs' first comments say what they print.
"""
from scenarios import NO_PANIC, exited

THREADS_OUTPUT = [r"^threads: \d+ of \d+ rounds right$", r"^threads: round \d+ wrong: .*$"]
BIGMEM_OUTPUT = [r"^bigmem: .*$"]
END_OUTPUT = [r"^threads-end: .*$"]
CHURN_OUTPUT = [r"^threads-churn: .*$"]


def threads_end(mode, status, expect_more=()):
    return dict(name="threads-end-" + mode,
                what="a process of 8 waiting threads ends as a whole: " + mode,
                programs=["threads-end.atxf"],
                cfg=["start threads-end.atxf " + mode, "exit-with threads-end.atxf"],
                output=END_OUTPUT,
                expect=[r"^threads-end: 7 threads waiting$"] + list(expect_more) +
                [r"^exit: threads-end\.atxf pid \d+ status %d, " % status,
                 exited("threads-end.atxf", status)],
                forbid=NO_PANIC + [r"threads-end: still here"], exit=status)


# A status of 128 and more does not survive QEMU's 8-bit exit code, so the
# run ends with a spinner's exit, 3 s later: the faulting process must be
# gone, reported, by then; the spinner shows the rest of the system ran on.
THREADS_FAULT = dict(
    name="threads-end-fault",
    what="a fault in one of 8 threads ends the whole process (status 142); others run on",
    programs=["threads-end.atxf", "spin.atxf"],
    cfg=["start threads-end.atxf fault", "start spin.atxf 3000 survivor",
         "exit-with spin.atxf"],
    output=END_OUTPUT,
    expect=[r"^threads-end: 7 threads waiting$",
            r"^fault: threads-end\.atxf pid \d+ rip 0x[0-9a-f]+ addr 0x0: #PF page fault",
            r"^exit: threads-end\.atxf pid \d+ status 142, ",
            exited("threads-end.atxf", 142),
            r"^spin\.atxf\[\d+\]: spin survivor: [1-9]\d* iterations in \d+ ms$",
            exited("spin.atxf", 0)],
    forbid=NO_PANIC + [r"threads-end: still here"], exit=0)


SCENARIOS = [
    dict(name="threads-100",
         what="8 threads, a mutex, condition variables, TLS, once, keys and a detached "
              "C11 thread: the right result in 100 rounds in one boot",
         programs=["threads.atxf"], cfg=["start threads.atxf 100", "exit-with threads.atxf"],
         output=THREADS_OUTPUT,
         expect=[r"^threads: 100 of 100 rounds right$",
                 r"^exit: threads\.atxf pid \d+ status 0, ", exited("threads.atxf", 0)],
         forbid=NO_PANIC + [r"wrong"], exit=0, timeout=240),
    THREADS_FAULT,
    threads_end("exit", 5),
    threads_end("last", 0, [r"^threads-end: last thread out$"]),
    dict(name="threads-churn",
         what="2000 joined and 500 detached threads leave the free RAM as it was",
         programs=["threads-churn.atxf"],
         cfg=["start threads-churn.atxf 2000", "exit-with threads-churn.atxf"],
         output=CHURN_OUTPUT,
         expect=[r"^threads-churn: 2000 joined, 500 detached, free RAM changed by -?\d+ KiB$",
                 exited("threads-churn.atxf", 0)],
         forbid=NO_PANIC, exit=0, timeout=240),
    dict(name="bigmem",
         what="200 MiB in one block, 190 blocks of 1 MiB, 200 MiB again, and a freed "
              "block reused for a larger one (512 MiB guest)",
         programs=["bigmem.atxf"], cfg=["start bigmem.atxf 200 190", "exit-with bigmem.atxf"],
         qemu_args=["-m", "512M"], output=BIGMEM_OUTPUT,
         expect=[r"^bigmem: limit none, RAM \d+ of \d+ MiB free$",
                 r"^bigmem: big ok$", r"^bigmem: small ok$", r"^bigmem: big-again ok$",
                 r"^bigmem: reuse ok$", exited("bigmem.atxf", 0)],
         forbid=NO_PANIC + [r"FAILED"], exit=0, timeout=240),
    # memlimit is the first process (it needs ROOT and the archive, and has
    # no limit); everything checked is its children's output and its own,
    # in the order it runs them one after another.
    dict(name="mem-limit",
         what="a spawner's mem_limit_mib bounds a child's SYS_MEM_MAP; 0 passes on its own",
         programs=["memlimit.atxf", "bigmem.atxf"], no_init=True, append="init=memlimit.atxf",
         output=BIGMEM_OUTPUT + [r"^memlimit: .*$"],
         expect=[r"^bigmem: limit 64 MiB, RAM \d+ of \d+ MiB free$", r"^bigmem: big ok$",
                 r"^bigmem: small ok$", r"^bigmem: reuse ok$",
                 r"^memlimit: limit 64 MiB: bigmem exited with status 0$",
                 r"^bigmem: limit 16 MiB, ", r"^bigmem: big FAILED: malloc returned NULL$",
                 r"^memlimit: limit 16 MiB: bigmem exited with status 1$",
                 r"^bigmem: limit none, ", r"^bigmem: big-again ok$",
                 r"^memlimit: limit 0 MiB: bigmem exited with status 0$",
                 r"^memlimit: done$", r"^exit: memlimit\.atxf pid 1 status 0, "],
         forbid=NO_PANIC + [r"memlimit: FAIL"], exit=None, stop_at=r"init has ended"),
    # threads-reap is the first process (it spawns and kills); the lines
    # checked are its own and its children's, one child at a time.
    dict(name="threads-reap",
         what="killing or faulting a process of 8 threads frees all of it: free RAM "
              "comes back each round",
         programs=["threads-reap.atxf", "threads-end.atxf"], no_init=True,
         append="init=threads-reap.atxf",
         output=END_OUTPUT + [r"^threads-reap: .*$"],
         expect=[r"^kill: threads-end\.atxf pid \d+, by threads-reap\.atxf pid 1$",
                 r"^exit: threads-end\.atxf pid \d+ status 137, ",
                 r"^fault: threads-end\.atxf pid \d+ rip ",
                 r"^exit: threads-end\.atxf pid \d+ status 142, "] +
                [r"^threads-reap: round %d: killed status 137, faulted status 142, " % r
                 for r in range(1, 6)] +
                [r"^threads-reap: done$", r"^exit: threads-reap\.atxf pid 1 status 0, "],
         forbid=NO_PANIC + [r"threads-reap: FAIL", r"threads-end: still here"],
         exit=None, stop_at=r"init has ended"),
    dict(name="mem-limit-cfg",
         what="boot.cfg's mem:16M clause limits a program; more than that is refused",
         programs=["bigmem.atxf"], cfg=["start bigmem.atxf 32 8 with mem:16M",
                                        "exit-with bigmem.atxf"],
         output=BIGMEM_OUTPUT,
         expect=[r"^bigmem: limit 16 MiB, RAM \d+ of \d+ MiB free$",
                 r"^bigmem: big FAILED: malloc returned NULL$", r"^bigmem: small ok$",
                 r"^bigmem: big-again FAILED: malloc returned NULL$", r"^bigmem: reuse ok$",
                 exited("bigmem.atxf", 1)],
         forbid=NO_PANIC, exit=1),
]
