# Lua 5.4.4, the interpreter: its Makefile's `generic` build (plain C, no
# POSIX extras), liblua.a and the lua program, which runs each script of
# tests/ports/lua/ from standard input (`lua -`): numbers and their
# printing and reading, strings and patterns, tables, and control (closures,
# coroutines, errors through longjmp, metatables, load and string.dump).
port_build() {
	make generic CC="$1" >make.log 2>&1 && cp src/lua lua.atxf
}
PORT_TESTS="lua - < tests/lua/numbers.lua
lua - < tests/lua/strings.lua
lua - < tests/lua/tables.lua
lua - < tests/lua/control.lua"
