#!/usr/bin/env python3
"""Builds a boot archive (docs/boot.md): a flat POSIX ustar of ATXF programs
and a boot.cfg. Used by `make image`, the QEMU test harness and atxf-run.

usage: bootfs.py OUT.tar [--cfg BOOT.CFG] FILE.atxf ...

Members are stored under their base names, in the order given; boot.cfg
comes first. A name that does not fit the ustar name field (100 bytes), or
two files with one base name, are refused.
"""
import io
import os
import sys
import tarfile

NAME_MAX = 100


def _add(tar, name, data):
    if len(name.encode()) > NAME_MAX:
        raise ValueError("%s: name longer than %d bytes" % (name, NAME_MAX))
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def make_archive(out_path, programs, boot_cfg):
    """Writes out_path from {member name: file path} and boot.cfg text."""
    seen = set()
    tmp = out_path + ".tmp"
    with tarfile.open(tmp, "w", format=tarfile.USTAR_FORMAT) as tar:
        _add(tar, "boot.cfg", boot_cfg.encode())
        for name, path in programs.items():
            if name in seen or name == "boot.cfg":
                raise ValueError("%s: two members with this name" % name)
            seen.add(name)
            with open(path, "rb") as f:
                _add(tar, name, f.read())
    os.replace(tmp, out_path)


def main(argv):
    if len(argv) < 1 or argv[0].startswith("-"):
        sys.exit(__doc__)
    out, rest, cfg = argv[0], argv[1:], ""
    if rest[:1] == ["--cfg"]:
        with open(rest[1]) as f:
            cfg = f.read()
        rest = rest[2:]
    programs = {}
    for path in rest:
        name = os.path.basename(path)
        if name in programs:
            sys.exit("bootfs.py: %s and %s share the name %s" % (programs[name], path, name))
        programs[name] = path
    try:
        make_archive(out, programs, cfg)
    except (OSError, ValueError) as e:
        sys.exit("bootfs.py: %s" % e)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
