-- Numbers: integer and float arithmetic, their printing and reading
-- (tostring, string.format, tonumber: the libc's printf and strtod under
-- Lua), math's functions, and the seeded generator.
local function show(label, ...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
  print(label, table.concat(parts, " "))
end

show("int", 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2^10, 1 << 62, math.maxinteger + 1 == math.mininteger)
show("float", 7 / 2, -7.5 // 2, 7.5 % 2, 1e300 * 1e10, -1e300 * 1e10, 0/0 ~= 0/0)
show("tostring", 0.1, 1/3, 100.0, 1e15, 1e16, 123456789012345678, -0.0, 2^53, 2^63)
show("tonumber", tonumber("0x1p4"), tonumber("  12  "), tonumber("1e-310"), tonumber("0x10"),
     tonumber("z", 36), tonumber("7fffffffffffffff", 16), tonumber("1e"), tonumber(""))
show("convert", math.tointeger(3.0), math.tointeger(3.5), 3 | 0, math.type(1), math.type(1.0),
     math.type("1"))
for _, f in ipairs({ "%g", "%.3f", "%10.4e", "%-12.6g|", "%a", "%.0f", "%+.17g", "%5.1f", "%G" }) do
  print(f, string.format(f, math.pi), string.format(f, -1/7), string.format(f, 6.02214076e23),
        string.format(f, 5e-324))
end
print(string.format("%d %5d %-5d| %x %X %o %c%c", 42, -42, 42, 255, 255, 8, 76, 117))
print(string.format("%q", 1/3), string.format("%q", math.mininteger), string.format("%q", 2^63))
show("math", math.sqrt(2), math.sin(1), math.cos(1), math.tan(1), math.exp(1), math.log(10),
     math.log(8, 2), math.log(100, 10), math.atan(1, 2), math.fmod(7, 3), math.fmod(-7.5, 2))
show("round", math.floor(-3.5), math.ceil(-3.5), math.abs(math.mininteger), math.ult(1, -1),
     math.huge, -math.huge, math.max(3, 9.5, -1), math.min(3, 9.5, -1))
local sum = 0.0
for i = 1, 100000 do sum = sum + 1 / (i * i) end
print("basel", sum, string.format("%.15f", math.sqrt(sum * 6)))
math.randomseed(42)
local r = {}
for i = 1, 8 do r[i] = math.random(1, 1000) end
print("random", table.concat(r, " "), string.format("%.17g", math.random()))
local fib = { 1, 1 }
for i = 3, 90 do fib[i] = fib[i - 1] + fib[i - 2] end
print("fib", fib[90], fib[90] / fib[89])
