-- Strings: the pattern engine, gsub with every kind of replacement,
-- format, byte and char, pack and unpack, utf8, and string.rep/reverse.
local s = "The quick brown fox jumps over the lazy dog, 42 times in 2024."
print(s:upper(), #s)
print(s:find("fox"), s:find("o", 20), s:find("%d+"), s:find(".", 1, true))
print(s:match("(%a+) (%a+)$"), s:match("(%d+)%D+(%d+)"))
for w in s:gmatch("%a+") do io.write(w:sub(1, 1)) end
print()
print(s:gsub("o", "0"))
print(s:gsub("%w+", function(w) return #w > 4 and w:reverse() or nil end))
print(s:gsub("(%a)(%a*)", "%2%1ay", 5))
print(("x = $x, y = $y, z = $z"):gsub("%$(%w+)", { x = 1, y = "two" }))
print(("%bxy"):len(), ("f(a(b)c)d"):match("%b()"), ("  trim me  "):match("^%s*(.-)%s*$"))
print(("key=value; other = thing"):match("(%w+)%s*=%s*(%w+);%s*(%w+)%s*=%s*(%w+)"))
print(("THE (quick) fox"):find("%f[%a]%a+"), ("hello world"):gsub("%f[%w]%w+", string.upper))
print(string.rep("ab", 3, "-"), ("stressed"):reverse(), ("%d"):rep(0) == "")
print(string.byte("ABC", 1, -1), string.char(72, 105, 33))
local packed = string.pack("<i4 >i8 d z s1", -2, 1 << 40, 1.5, "zero", "len")
print(#packed, string.unpack("<i4 >i8 d z s1", packed))
print(string.format("%q", "a\nb\0c\"d\\"), string.format("[%10s][%-10s][%.2s]", "hi", "hi", "hello"))
print(utf8.char(72, 228, 8364, 128512), utf8.len("häll€"), utf8.codepoint("€", 1))
for p, c in utf8.codes("aé€") do io.write(p, ":", c, " ") end
print()
print(tostring(nil), tostring(true), ("x"):rep(3) .. 1 .. 2.5, 10 .. "")
print(pcall(string.rep), select(2, pcall(string.format, "%d", 1.5)))
print(("abc"):byte(-1), ("hello"):sub(-3, -2), ("hello"):sub(2), ("hello"):sub(10) == "")
local words = {}
for k, v in ("a=1, b=22, c=333"):gmatch("(%w+)=(%w+)") do words[#words + 1] = k .. v end
print(table.concat(words, "|"))
print(("CamelCaseString"):gsub("(%u)", " %1"), ("1,2,,3"):gsub(",", ";", 2))
