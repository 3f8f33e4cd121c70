#!/usr/bin/env python3
"""Checks that kernel.elf boots as a multiboot a.out-kludge image.

boot.S's multiboot header tells QEMU -kernel and GRUB to load the file as a
flat image: the bytes from file offset T on go to physical load_addr on,
where T = header's file offset - (header_addr - load_addr). That is only
right if every loadable segment sits in the file exactly where that rule puts
it. This script verifies the rule and the header (multiboot spec 3.1), so a
linker change that breaks it fails the build instead of the boot.

usage: mbcheck.py kernel.elf
"""
import struct
import sys

MB_MAGIC = 0x1BADB002
MB_AOUT_KLUDGE = 1 << 16
PT_LOAD = 1
SEARCH_LIMIT = 8192


def fail(path, why):
    sys.stderr.write("mbcheck: %s: %s\n" % (path, why))
    sys.exit(1)


def load_segments(data):
    """(p_offset, p_paddr, p_filesz, p_memsz) of every PT_LOAD in an ELF64."""
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return None
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    segs = []
    for i in range(phnum):
        p_type, _, p_offset, _, p_paddr, p_filesz, p_memsz = struct.unpack_from(
            "<IIQQQQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD:
            segs.append((p_offset, p_paddr, p_filesz, p_memsz))
    return segs


def find_header(data):
    for off in range(0, min(len(data), SEARCH_LIMIT) - 32, 4):
        magic, flags, checksum = struct.unpack_from("<III", data, off)
        if magic == MB_MAGIC and (magic + flags + checksum) & 0xFFFFFFFF == 0:
            return off, flags, struct.unpack_from("<IIIII", data, off + 12)
    return None


def check(path):
    data = open(path, "rb").read()
    segs = load_segments(data)
    if segs is None:
        fail(path, "not an ELF64 file")
    found = find_header(data)
    if not found:
        fail(path, "no valid multiboot header in the first %d bytes" % SEARCH_LIMIT)
    off, flags, (header_addr, load_addr, load_end, bss_end, entry) = found
    if not flags & MB_AOUT_KLUDGE:
        fail(path, "multiboot header lacks the address fields (flag 16)")
    base = off - (header_addr - load_addr)
    if base < 0 or base + (load_end - load_addr) > len(data):
        fail(path, "load range [0x%x, 0x%x) is outside the file" % (load_addr, load_end))
    for p_offset, p_paddr, p_filesz, p_memsz in segs:
        if p_filesz and p_offset - base != p_paddr - load_addr:
            fail(path, "segment at paddr 0x%x is at file offset 0x%x, expected 0x%x"
                 % (p_paddr, p_offset, base + p_paddr - load_addr))
        if p_paddr + p_memsz > bss_end or (p_filesz and p_paddr + p_filesz > load_end):
            fail(path, "segment at paddr 0x%x extends past the header's ranges" % p_paddr)
    if not load_addr <= entry < load_end:
        fail(path, "entry 0x%x is outside the loaded image" % entry)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    check(sys.argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
