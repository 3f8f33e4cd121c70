-- Tables: construction, length, sort with and without a comparator,
-- insert/remove/move/concat/unpack, integer and float keys, next, and a
-- few algorithms over them (sieve, memoized recursion, a queue).
local t = {}
for i = 1, 20 do t[i] = (i * 37) % 23 end
print(#t, table.concat(t, ","))
table.sort(t)
print(table.concat(t, ","))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ","))
table.insert(t, 1, 100)
table.insert(t, 200)
print(table.remove(t), table.remove(t, 1), #t)
print(table.concat(table.move({ 1, 2, 3, 4, 5 }, 2, 4, 1), " "), table.unpack({ 1, 2, 3 }, 2))
local people = {
  { name = "Ada", born = 1815 }, { name = "Grace", born = 1906 },
  { name = "Alan", born = 1912 }, { name = "Edsger", born = 1930 }, { name = "Barbara", born = 1939 },
}
table.sort(people, function(a, b) return #a.name < #b.name or (#a.name == #b.name and a.born < b.born) end)
for _, p in ipairs(people) do io.write(p.name, "/", p.born, " ") end
print()
local keys = { [1] = "int", [1.0] = "same", [2.5] = "float", ["1"] = "string" }
print(keys[1], keys[2.5], keys["1"], rawlen({ 1, 2, nil, 4 }) >= 2)
local sorted = {}
for k in pairs({ zeta = 1, alpha = 2, mid = 3, beta = 4 }) do sorted[#sorted + 1] = k end
table.sort(sorted)
print(table.concat(sorted, " "))
local primes, sieve = {}, {}
for i = 2, 2000 do
  if not sieve[i] then
    primes[#primes + 1] = i
    for j = i * i, 2000, i do sieve[j] = true end
  end
end
print(#primes, primes[#primes], primes[100])
local memo = {}
local function partitions(n, k)
  if n == 0 then return 1 end
  if n < 0 or k == 0 then return 0 end
  local key = n * 1000 + k
  if not memo[key] then memo[key] = partitions(n - k, k) + partitions(n, k - 1) end
  return memo[key]
end
print(partitions(100, 100), partitions(200, 200))
local queue = { first = 1, last = 0 }
for i = 1, 5 do queue.last = queue.last + 1; queue[queue.last] = i * i end
local out = {}
while queue.first <= queue.last do
  out[#out + 1] = queue[queue.first]; queue[queue.first] = nil; queue.first = queue.first + 1
end
print(table.concat(out, " "), next({}), type(next({ 9 })))
local big = {}
for i = 1, 100000 do big[i] = i end
local s = 0
for _, v in ipairs(big) do s = s + v end
print(#big, s, select("#", table.unpack(big, 1, 200)))
