/*
 * The boot archive reader: POSIX ustar, read in place. The kernel uses it to
 * find init in the boot module, init to find the boot configuration and the
 * programs it starts, and the tests to check archives. Freestanding, like the
 * ATXF reader beside it (sdk/format/ustar.c).
 */
#ifndef ATXF_USTAR_H
#define ATXF_USTAR_H

#include <stdint.h>

#define ATXF_USTAR_NAME_MAX 100      /* name field, without the prefix field */

struct atxf_ustar_entry {
	char name[ATXF_USTAR_NAME_MAX + 1];  /* NUL-terminated */
	const uint8_t *data;                 /* points into the archive */
	uint64_t size;
	char type;                           /* '0' regular file, '5' directory, ... */
};

enum atxf_ustar_error {
	ATXF_USTAR_END = 0,         /* no more entries (two zero blocks or end of buffer) */
	ATXF_USTAR_ENTRY = 1,       /* *entry was filled */
	ATXF_USTAR_EBADHEADER = -1, /* bad magic or checksum */
	ATXF_USTAR_ETRUNCATED = -2, /* a member's data runs past the buffer */
	ATXF_USTAR_EBADSIZE = -3,   /* size field is not octal */
};

/* Iterates: start with *cursor = 0. Returns an atxf_ustar_error value. */
int atxf_ustar_next(const void *archive, uint64_t size, uint64_t *cursor,
		    struct atxf_ustar_entry *entry);

/* Finds a regular file by name: 1 found, 0 absent, < 0 a damaged archive. */
int atxf_ustar_find(const void *archive, uint64_t size, const char *name,
		    struct atxf_ustar_entry *entry);

const char *atxf_ustar_strerror(int err);

#endif
