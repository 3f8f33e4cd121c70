# atxf-system.cmake: what every ATXF toolchain file says of the system, read
# by atxf-toolchain.cmake (the SDK's wrapper) and atxf-sysroot.cmake (a
# cross compiler's sysroot, make install-sysroot). The including file sets
# CMAKE_FIND_ROOT_PATH to where the SDK's headers and libraries are.

set(CMAKE_SYSTEM_NAME ATXF)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
# CMake looks for Platform/ATXF.cmake on CMAKE_MODULE_PATH. It reads a
# toolchain file more than once (for each try_compile project too), so the
# directory is added only once.
list(FIND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}" _atxf_found)
if(_atxf_found EQUAL -1)
	list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")
endif()

# CMake's compiler checks build a static library rather than a program: they
# test the compiler, and need not depend on libatxf being complete.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# find_library() and find_path() look in the SDK, never in the host's /usr.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
