# atxf-sysroot.cmake: builds ATXF programs with CMake and a cross compiler
# whose sysroot holds the SDK (make install-sysroot SYSROOT=DIR):
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=DIR/usr/share/atxf/cmake/atxf-sysroot.cmake
#
# The compiler is x86_64-atxf-gcc from PATH unless CMAKE_C_COMPILER names
# another; clang works too (-DCMAKE_C_COMPILER=clang), for
# CMAKE_C_COMPILER_TARGET is x86_64-atxf. The sysroot is found relative to
# this file (DIR/usr/share/atxf/cmake).

get_filename_component(ATXF_SYSROOT "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)
include("${CMAKE_CURRENT_LIST_DIR}/atxf-system.cmake")

set(CMAKE_SYSROOT "${ATXF_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH "${ATXF_SYSROOT}")
if(NOT CMAKE_C_COMPILER)
	set(CMAKE_C_COMPILER x86_64-atxf-gcc)
endif()
set(CMAKE_C_COMPILER_TARGET x86_64-atxf)
