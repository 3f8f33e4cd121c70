/*
 * A process's capability table: handle -> capability (<atxf/cap.h>).
 *
 * The minimal table issue 4 needs: a fixed number of slots per process,
 * filled when the process is created (init's root capability, the copies a
 * spawner passes in struct atxf_spawn) and only read afterwards. Deriving,
 * granting, dropping and the I/O permission bitmap come with issue 5.
 */
#ifndef CAP_CAPTABLE_H
#define CAP_CAPTABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/proc.h>

#define CAP_TABLE_SLOTS ATXF_SPAWN_MAX_CAPS     /* enough for any spawn */

struct cap {
	uint32_t kind;          /* enum atxf_cap_kind; ATXF_CAP_NONE: empty slot */
	uint32_t rights;        /* ATXF_RIGHT_* */
	uint64_t base, size;    /* meaning depends on kind */
};

struct cap_table {
	struct cap slot[CAP_TABLE_SLOTS];
	uint32_t given;         /* handles 0 .. given-1 were given at creation
				 * (start info's ncaps; some may be empty) */
};

/* The capability behind handle h, or NULL if h is not open. */
const struct cap *cap_lookup(const struct cap_table *t, atxf_handle_t h);
/* Whether the table holds any capability of this kind. */
bool cap_holds(const struct cap_table *t, uint32_t kind);
/* Puts c at handle h (< CAP_TABLE_SLOTS) of a table being set up. */
void cap_install(struct cap_table *t, atxf_handle_t h, const struct cap *c);

#endif
