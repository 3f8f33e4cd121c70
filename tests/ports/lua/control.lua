-- Control: closures and upvalues, varargs, coroutines (generators and a
-- pipeline), errors through pcall and xpcall with tracebacks cut to their
-- first line, error objects, metatables (arithmetic, __index, __newindex,
-- __call, __lt, __concat, __close), goto, load of text chunks, and
-- string.dump's binary chunks loaded back.
local function counter()
  local n = 0
  return function(step) n = n + (step or 1); return n end
end
local c1, c2 = counter(), counter()
c1(); c1(5)
print("closures", c1(), c2(), c2(10))
local function va(...)
  local packed = table.pack(...)
  return select("#", ...), packed.n, (select(-1, ...))
end
print("varargs", va(1, nil, 3, nil))
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i * i) end end)
end
local acc = {}
for v in gen(6) do acc[#acc + 1] = v end
print("generator", table.concat(acc, " "))
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e, "done"
end)
print("resume", coroutine.resume(co, 1, 2))
print("resume", coroutine.resume(co, 10))
print("resume", coroutine.resume(co, 3, 4))
print("resume", coroutine.resume(co), coroutine.status(co))
local ok, obj = pcall(error, { code = 42 })
print("pcall", ok, type(obj), obj.code)
print("pcall", select(2, pcall(function() local x = nil; return x.y end)):match("attempt to index.*"))
print("pcall", pcall(error, "plain", 0), pcall(error))
print("xpcall", xpcall(function() error("deep") end, function(m) return "handled: " .. m:gsub("^.-:%d+: ", "") end))
local ok, e = pcall(function() local t = setmetatable({}, { __index = function(_, k) error("no " .. k, 2) end }); return t.field end)
print("error level", ok, (e:gsub("^.-:%d+: ", "")))
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({ x = a.x + b.x, y = a.y + b.y }, V) end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y end
V.__tostring = function(v) return "(" .. v.x .. "," .. v.y .. ")" end
V.__concat = function(a, b) return tostring(a) .. tostring(b) end
V.__call = function(v, k) return v.x * k end
V.__len = function() return 2 end
local function vec(x, y) return setmetatable({ x = x, y = y }, V) end
local a, b = vec(1, 2), vec(3.5, -1)
print("meta", tostring(a + b), a == vec(1, 2), a < b, a .. b, a(10), #a)
local log = {}
local proxy = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end })
proxy.one = 1; proxy.two = 2; proxy.one = 11
print("newindex", table.concat(log, " "), proxy.one)
do
  local closed = {}
  do
    local res <close> = setmetatable({}, { __close = function() closed[#closed + 1] = "closed" end })
    closed[#closed + 1] = "body"
  end
  print("close", table.concat(closed, " "))
end
local i = 1
::top::
if i <= 3 then io.write("goto", i, " "); i = i + 1; goto top end
print()
local f = load("local a, b = ...; return a * b, 'chunk'")
print("load", f(6, 7))
print("load error", load("return +")) 
local square = load(string.dump(function(x) return x * x end))
print("dump", square(12), #string.dump(load("return 1")) > 0)
local env = { print = print }
load("x = 5; print('env', x)", "chunk", "t", env)()
print("env outside", x, env.x)
print("gc", collectgarbage("count") > 0, collectgarbage("step"), collectgarbage("isrunning"))
local deep = 0
local function recurse(n) if n == 0 then return 0 end; deep = deep + 1; return 1 + recurse(n - 1) end
print("recursion", recurse(10000), deep)
print("stack overflow", (select(2, pcall(function() local function f() return 1 + f() end; return f() end))):match("stack overflow") ~= nil)
print("string to number", "10" + 5, "3" * "4", 10 .. 20, math.type("10" + 5))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365), os.time({ year = 2024, month = 2, day = 29, hour = 12 }))
