# Platform/ATXF.cmake: CMake's description of the ATXF system, read because
# atxf-toolchain.cmake names the system ATXF and puts this directory on
# CMAKE_MODULE_PATH. CMake reads a platform file after the toolchain file
# and after CMakeGenericSystem.cmake has reset the suffixes, so this is where
# the executable suffix must be set.

# A bare system as far as CMake knows: no shared libraries, no host paths.
include(Platform/Generic)

# Executables are ATXF files: add_executable(hello hello.c) makes hello.atxf
# (and the wrapper keeps the ELF beside it as hello.atxf.elf, for gdb).
set(CMAKE_EXECUTABLE_SUFFIX .atxf)
