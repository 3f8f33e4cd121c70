/*
 * The runtime's start-up, between crt0.S and main. Private to libatxf.
 */
#ifndef ATXF_RUNTIME_START_H
#define ATXF_RUNTIME_START_H

#include <atxf/proc.h>

/*
 * Keeps a checked copy of what the kernel passed and returns it. A NULL,
 * misaligned or unrecognised pointer, or nonsense in it, gives argc 0 and
 * argv {NULL}: a program started by a kernel that passes nothing still runs.
 */
const struct atxf_start_info *__atxf_start_record(const struct atxf_start_info *si);

/* Called by _start with the stack aligned: constructors, main, exit. */
_Noreturn void __atxf_start(const struct atxf_start_info *si);

#endif
