# atxf-toolchain.cmake: builds ATXF programs with CMake.
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=PREFIX/share/atxf/cmake/atxf-toolchain.cmake
#
# The compiler is the SDK's x86_64-atxf-gcc, which links every executable
# into an ATXF (and keeps the ELF beside it as NAME.elf, for gdb). The
# system is ATXF, described by Platform/ATXF.cmake beside this file, whose
# CMAKE_EXECUTABLE_SUFFIX is .atxf. So
#
#   add_executable(hello hello.c)             # -> hello.atxf, hello.atxf.elf
#
# The SDK is found relative to this file (PREFIX/share/atxf/cmake), so a
# moved installation keeps working.

get_filename_component(ATXF_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)

include("${CMAKE_CURRENT_LIST_DIR}/atxf-system.cmake")

set(CMAKE_C_COMPILER "${ATXF_PREFIX}/bin/x86_64-atxf-gcc")
set(CMAKE_ASM_COMPILER "${ATXF_PREFIX}/bin/x86_64-atxf-gcc")

set(CMAKE_FIND_ROOT_PATH "${ATXF_PREFIX}/x86_64-atxf")

# The tools, for custom commands (e.g. add_custom_command(... COMMAND ${ATXF_DUMP} ...)).
set(ATXF_ELF2ATXF "${ATXF_PREFIX}/bin/elf2atxf")
set(ATXF_DUMP "${ATXF_PREFIX}/bin/atxfdump")

# atxf_add_executable(NAME SOURCES...): the same as add_executable(NAME
# SOURCES...), for projects that already call it.
function(atxf_add_executable name)
	add_executable(${name} ${ARGN})
endfunction()
