"""What the boots of `make bench` share, ours (run.py, ours_storage.py) and
Linux's (linux/guests.py): QEMU's serial lines read up to the line that ends
a run, the storage figures in them, and the --key value options."""
import re
import subprocess
import sys
import threading


def run_until(cmd, timeout, end):
    """QEMU's serial lines, up to the first that the regex end finds; after
    timeout seconds QEMU is ended and the last line says so."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    lines = []
    reader = threading.Thread(target=read_lines, args=(proc, lines, end))
    reader.start()
    reader.join(timeout)
    if reader.is_alive():
        lines.append("bench: QEMU timed out after %d s" % timeout)
        proc.kill()
        reader.join()
    proc.wait()
    return lines


def read_lines(proc, lines, end):
    for raw in proc.stdout:
        lines.append(raw.decode("utf-8", "replace").rstrip("\r\n"))
        if end.search(lines[-1]):
            proc.kill()
            return


def storage_patterns(prefix):
    """A storage figure and an n/a line as a program printing prefix says them
    (tests/bench/storage.h): "PREFIX: DISK WORKLOAD ops N bytes N ns N",
    "PREFIX: DISK [WORKLOAD] n/a (why)"."""
    return (re.compile(prefix + r": (\S+) (\S+) ops (\d+) bytes (\d+) ns (\d+)$"),
            re.compile(prefix + r": (\S+) (?:(\S+) )?n/a \((.*)\)$"))


def take_storage(line, got, patterns):
    """Puts line into got if it is one of patterns' lines; whether it was.
    {(disk, workload): (ops, bytes, ns)} keeps the fastest run (storage.h
    runs each workload several times); {disk or (disk, workload): why}."""
    figure, not_available = patterns
    m = figure.search(line)
    if m:
        run, key = tuple(int(x) for x in m.group(3, 4, 5)), (m.group(1), m.group(2))
        if not isinstance(got.get(key), tuple) or run[2] < got[key][2]:
            got[key] = run
        return True
    m = not_available.search(line)
    if m:
        got[(m.group(1), m.group(2)) if m.group(2) else m.group(1)] = m.group(3)
        return True
    return False


def parse_options(argv, opts, numbers, prog, usage):
    """opts updated from "--key value" pairs of argv (keys of opts only; those
    in numbers are ints); an unknown argument ends the program with usage."""
    i = 0
    while i < len(argv):
        key = argv[i][2:]
        if argv[i].startswith("--") and key in opts and i + 1 < len(argv):
            opts[key] = int(argv[i + 1]) if key in numbers else argv[i + 1]
            i += 2
        else:
            sys.exit("%s: unknown argument %r\n%s" % (prog, argv[i], usage))
    return opts
