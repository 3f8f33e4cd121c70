"""atxf-run's programs: parsing `PROG.atxf [ARG...] ...`, checking each file
and the names before QEMU starts, and the boot archive that carries them.

Everything that can be wrong with the user's input is found here and
reported as one line naming the file and the problem (UsageError), before
anything is written or started.

A program whose manifest matches devices (atxfdump, the SDK's one ATXF and
manifest reader, tells) is a driver: devmgr finds it in the boot archive
and starts it on each device it matches (docs/devmgr.md), with its own
arguments and capabilities. Init does not start it too: boot.cfg gets no
`start` line for it. A manifest that matches nothing (a service's) leaves
the program to init like any other. A driver of the user's replaces each
driver of the reference archive with a match in common (the SDK's
virtio-rng, when a virtio template's driver is run): two drivers for one
device would fight over its interrupts.
"""
import json
import os
import re
import subprocess
import tarfile

import bootfs

ATXF_MAGIC = b"FXTA"            # 0x41545846 little-endian: docs/atxf-format.md §2
ELF_MAGIC = b"\x7fELF"
MAX_ARGS = 15                   # ATXF_SPAWN_MAX_ARGS (16) minus argv[0], <atxf/proc.h>
MAX_ENV = 32                    # ATXF_SPAWN_MAX_ENV, <atxf/proc.h>
# boot.cfg splits words at spaces and has no quoting; '#' starts a comment.
BAD_WORD = re.compile(r"[\s#]")


class UsageError(Exception):
    """Bad input: atxf-run prints it and exits 2 without starting QEMU."""


class Program:
    """One program to start: its file, member name and arguments."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.args = []
        self.driver = None      # its manifest (atxfdump's JSON) if it matches devices
        self.stdin = None       # the member it reads as standard input (set_stdin)


def split_programs(words):
    """[Program]: each word ending in .atxf starts one; the words after it,
    up to the next such word, are its arguments."""
    programs = []
    for w in words:
        if w.endswith(".atxf"):
            programs.append(Program(w))
        elif programs:
            programs[-1].args.append(w)
        else:
            raise UsageError("%s: a program must end in .atxf (arguments follow their program)" % w)
    return programs


def _check_words(p):
    if BAD_WORD.search(p.name) or len(p.name.encode()) > bootfs.NAME_MAX:
        raise UsageError("%s: the name must have no spaces or '#' and fit in %d bytes "
                         "(boot.cfg and the archive cannot carry it)" % (p.path, bootfs.NAME_MAX))
    if len(p.args) > MAX_ARGS:
        raise UsageError("%s: %d arguments, at most %d" % (p.name, len(p.args), MAX_ARGS))
    for a in p.args:
        if not a or BAD_WORD.search(a):
            raise UsageError("%s: argument %r: boot.cfg cannot carry an empty argument, "
                             "spaces or '#'" % (p.name, a))


def check_env(entries):
    """--env NAME=VALUE words: each must make one boot.cfg env line."""
    if len(set(e.partition("=")[0] for e in entries)) > MAX_ENV:
        raise UsageError("--env: more than %d names" % MAX_ENV)
    for e in entries:
        name, eq, value = e.partition("=")
        if not eq or not name:
            raise UsageError("--env %s: wants NAME=VALUE with a NAME" % e)
        if BAD_WORD.search(e):
            raise UsageError("--env %s: boot.cfg cannot carry spaces or '#'" % e)


def _atxfdump(atxfdump, path):
    """(None, atxfdump's JSON) if the shared reader accepts the file, else
    (its reason, None)."""
    res = subprocess.run([atxfdump, "--json", path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, check=False)
    if res.returncode == 0:
        return None, json.loads(res.stdout.decode("utf-8"))
    err = res.stderr.decode("utf-8", "replace").strip().splitlines()
    text = err[-1] if err else "atxfdump exit status %d" % res.returncode
    return text.split("invalid: ", 1)[-1], None


def _device_manifest(dump):
    """The manifest in atxfdump's JSON if it matches any device, else None."""
    for ext in dump.get("extensions", []):
        manifest = ext.get("manifest")
        if manifest and manifest.get("matches"):
            return manifest
    return None


def describe_matches(manifest):
    """`legacy COM2, pci 1234:11e8`: what a driver's manifest matches."""
    words = []
    for m in manifest["matches"]:
        if m["kind"] == "legacy":
            words.append("legacy %s" % m["legacy"])
        elif m["kind"] == "pci-id":
            device = "any" if m["device"] == 0xffff else "%04x" % m["device"]
            words.append("pci %04x:%s" % (m["vendor"], device))
        else:
            words.append("pci class %02x:%02x:%02x" % (m["class"], m["subclass"], m["prog_if"]))
    return ", ".join(words)


def _check_file(p, atxfdump):
    """Refuses a file that is not a valid ATXF; returns its driver manifest or None."""
    try:
        with open(p.path, "rb") as f:
            head = f.read(4)
    except OSError as e:
        raise UsageError("%s: %s" % (p.path, e.strerror))
    if head == ELF_MAGIC:
        raise UsageError("%s: an ELF file, not ATXF: link it with x86_64-atxf-gcc "
                         "or convert it with elf2atxf" % p.path)
    if head != ATXF_MAGIC:
        raise UsageError("%s: not an ATXF executable (no ATXF magic at offset 0)" % p.path)
    reason, dump = _atxfdump(atxfdump, p.path)
    if reason:
        raise UsageError("%s: not a valid ATXF executable: %s" % (p.path, reason))
    return _device_manifest(dump)


def _check_driver(p):
    if p.driver and p.args:
        raise UsageError("%s: a driver (its manifest matches %s): devmgr starts it with "
                         "its own arguments, so it takes none here"
                         % (p.path, describe_matches(p.driver)))


def check(programs, reference_names, atxfdump):
    """Checks files, names and arguments, and sets each program's driver;
    returns {member name: path}."""
    members, drivers = {}, {}
    for p in programs:
        if not os.path.isfile(p.path):
            raise UsageError("%s: no such file" % p.path)
        _check_words(p)
        if p.name in reference_names:
            raise UsageError("%s: the reference archive already has a member %s; "
                             "rename the program" % (p.path, p.name))
        seen = members.get(p.name)
        if seen and os.path.realpath(seen) != os.path.realpath(p.path):
            raise UsageError("%s and %s: two programs named %s" % (seen, p.path, p.name))
        if not seen:
            drivers[p.name] = _check_file(p, atxfdump)
            members[p.name] = p.path
        p.driver = drivers[p.name]
        _check_driver(p)
    return members


STDIN_MEMBER = "atxf-run.stdin"
# A grant holds at most 4 MiB (<atxf/stdin.h> ATXF_STDIN_MAX), and the
# member need not start on a page: one page of that is slack.
STDIN_MAX = (4 << 20) - 4096


def set_stdin(programs, members, path):
    """--stdin FILE: FILE becomes a member that the first program (not a
    driver) reads as its standard input (init's stdin:MEMBER clause)."""
    if path is None:
        return
    if not os.path.isfile(path):
        raise UsageError("--stdin %s: no such file" % path)
    size = os.path.getsize(path)
    if size > STDIN_MAX:
        raise UsageError("--stdin %s: %d bytes; standard input holds at most %d"
                         % (path, size, STDIN_MAX))
    takers = [p for p in programs if not p.driver]
    if not takers:
        raise UsageError("--stdin %s: no program to give it to (drivers take no input)" % path)
    takers[0].stdin = STDIN_MEMBER
    members[STDIN_MEMBER] = path


def read_reference(tar_path, out_dir):
    """Extracts the reference archive: ({member name: path}, boot.cfg text)."""
    members, cfg = {}, ""
    with tarfile.open(tar_path) as tar:
        for m in tar.getmembers():
            # A flat archive of files (docs/boot.md): nothing else is extracted.
            if not m.isfile() or "/" in m.name or m.name.startswith("."):
                raise ValueError("%s: unexpected member %r" % (tar_path, m.name))
            data = tar.extractfile(m).read()
            if m.name == "boot.cfg":
                cfg = data.decode("utf-8")
                continue
            path = os.path.join(out_dir, m.name)
            with open(path, "wb") as f:
                f.write(data)
            members[m.name] = path
    return members, cfg


def reference_names(tar_path):
    with tarfile.open(tar_path) as tar:
        return set(tar.getnames())


def boot_cfg(reference_cfg, programs, exit_with, env=()):
    """The reference boot.cfg with atxf-run's lines after it: the env lines,
    then a start line for each program but the drivers, which devmgr starts."""
    lines = [reference_cfg.rstrip("\n"), "", "# added by atxf-run"]
    lines += ["env %s" % e for e in env]
    if exit_with:
        lines.append("exit-with %s" % exit_with)
    drivers = set()
    for p in programs:
        if not p.driver:
            clause = ["with", "stdin:" + p.stdin] if p.stdin else []
            lines.append("start %s" % " ".join([p.name] + p.args + clause))
        elif p.name not in drivers:
            drivers.add(p.name)
            lines.append("# %s: a driver: devmgr starts it on each device it matches" % p.name)
    return "\n".join(lines).lstrip("\n") + "\n"


def _shared_match(manifest, drivers):
    """(the user's driver, the match) that manifest has in common with one."""
    for p in drivers:
        for m in manifest["matches"]:
            if m in p.driver["matches"]:
                return p, m
    return None, None


def drop_replaced(ref_members, programs, atxfdump):
    """Removes the reference drivers a user's driver replaces; returns one
    line per removal, for the user."""
    drivers = [p for p in programs if p.driver]
    notes = []
    for name, path in sorted(ref_members.items()):
        if not drivers or not name.endswith(".atxf"):
            continue
        reason, dump = _atxfdump(atxfdump, path)
        manifest = None if reason else _device_manifest(dump)
        user, match = _shared_match(manifest, drivers) if manifest else (None, None)
        if user:
            del ref_members[name]
            notes.append("%s replaces the reference archive's %s (both match %s)"
                         % (user.name, name, describe_matches({"matches": [match]})))
    return notes


def build_archive(out_path, reference_tar, programs, members, exit_with, scratch, env=(),
                  atxfdump=None):
    """Writes the boot archive: the reference members (but those a user's
    driver replaces), then the programs; returns drop_replaced's notes."""
    ref_members, ref_cfg = read_reference(reference_tar, scratch)
    notes = drop_replaced(ref_members, programs, atxfdump) if atxfdump else []
    ref_members.update(members)
    bootfs.make_archive(out_path, ref_members, boot_cfg(ref_cfg, programs, exit_with, env))
    return notes
