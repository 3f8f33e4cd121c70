"""PSF2 fonts on the host (the format of Debian's console-setup fonts), to
render the text a scenario expects on the screen from the very font file
the guest draws with, and compare it with a QMP screendump pixel for pixel.

  font = psf.load("build/kernel/bootfont.psf")
  font.pixel(font.glyph_of("A"), x, y)     # 1 where the glyph is set
"""
import struct

PSF2_MAGIC = 0x864AB572
HAS_TABLE = 0x1


class Font:
    def __init__(self, data):
        magic, version, header, flags, count, size, height, width = \
            struct.unpack_from("<8I", data)
        if magic != PSF2_MAGIC or version != 0:
            raise ValueError("not a PSF2 font")
        self.width, self.height, self.size = width, height, size
        self.row_bytes = (width + 7) // 8
        self.glyphs = [data[header + i * size:header + (i + 1) * size] for i in range(count)]
        self.ascii = {}
        if flags & HAS_TABLE:
            self._read_table(data[header + count * size:], count)
        else:
            self.ascii = {c: c for c in range(min(128, count))}

    def _read_table(self, table, count):
        """Each glyph's entry: UTF-8 characters, 0xFE before sequences, 0xFF
        at its end; single ASCII characters before any sequence count."""
        pos = 0
        for i in range(count):
            in_seq = False
            while table[pos] != 0xFF:
                b = table[pos]
                if b == 0xFE:
                    in_seq = True
                elif not in_seq and b < 128:
                    self.ascii.setdefault(b, i)
                pos += 1
            pos += 1

    def glyph_of(self, ch):
        code = ord(ch) if ord(ch) < 128 else ord("?")
        return self.glyphs[self.ascii.get(code, self.ascii.get(ord("?"), 0))]

    def pixel(self, glyph, x, y):
        return glyph[y * self.row_bytes + x // 8] >> (7 - x % 8) & 1


def load(path):
    with open(path, "rb") as f:
        return Font(f.read())
