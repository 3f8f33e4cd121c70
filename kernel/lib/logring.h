/*
 * The kernel's recent lines, kept in memory as well as sent to the serial
 * line: whatever shows them later (the boot screen when it starts, which
 * comes after the first lines were printed) replays them. The oldest whole
 * lines make room for new ones.
 */
#ifndef LIB_LOGRING_H
#define LIB_LOGRING_H

#include <stddef.h>

#define LOGRING_BYTES 16384

/* Keeps one whole line (ending in '\n'). Console lock held. */
void logring_put_locked(const char *line, size_t n);
/* Copies the newest whole kept lines that fit in size bytes to dst,
 * oldest first: the bytes copied. Console lock held. */
size_t logring_copy_locked(char *dst, size_t size);
/* Calls fn with each kept line, oldest first. Console lock held. */
void logring_replay_locked(void (*fn)(const char *line, size_t n));

#endif
