"""atxf-run's programs: parsing `PROG.atxf [ARG...] ...`, checking each file
and the names before QEMU starts, and the boot archive that carries them.

Everything that can be wrong with the user's input is found here and
reported as one line naming the file and the problem (UsageError), before
anything is written or started.
"""
import os
import re
import subprocess
import tarfile

import bootfs

ATXF_MAGIC = b"FXTA"            # 0x41545846 little-endian: docs/atxf-format.md §2
ELF_MAGIC = b"\x7fELF"
MAX_ARGS = 15                   # ATXF_SPAWN_MAX_ARGS (16) minus argv[0], <atxf/proc.h>
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


def _atxfdump_reason(atxfdump, path):
    """None if the shared reader accepts the file, else its reason."""
    res = subprocess.run([atxfdump, path], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, check=False)
    if res.returncode == 0:
        return None
    err = res.stderr.decode("utf-8", "replace").strip().splitlines()
    text = err[-1] if err else "atxfdump exit status %d" % res.returncode
    return text.split("invalid: ", 1)[-1]


def _check_file(p, atxfdump):
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
    reason = _atxfdump_reason(atxfdump, p.path) if atxfdump else None
    if reason:
        raise UsageError("%s: not a valid ATXF executable: %s" % (p.path, reason))


def check(programs, reference_names, atxfdump):
    """Checks files, names and arguments; returns {member name: path}."""
    members = {}
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
            _check_file(p, atxfdump)
            members[p.name] = p.path
    return members


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


def boot_cfg(reference_cfg, programs, exit_with):
    """The reference boot.cfg with atxf-run's lines after it."""
    lines = [reference_cfg.rstrip("\n"), "", "# added by atxf-run"]
    if exit_with:
        lines.append("exit-with %s" % exit_with)
    lines += ["start %s" % " ".join([p.name] + p.args) for p in programs]
    return "\n".join(lines).lstrip("\n") + "\n"


def build_archive(out_path, reference_tar, programs, members, exit_with, scratch):
    """Writes the boot archive: the reference members, then the programs."""
    ref_members, ref_cfg = read_reference(reference_tar, scratch)
    ref_members.update(members)
    bootfs.make_archive(out_path, ref_members, boot_cfg(ref_cfg, programs, exit_with))
