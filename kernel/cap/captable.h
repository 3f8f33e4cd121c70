/*
 * A process's capability table: handle -> capability (<atxf/cap.h>).
 *
 * Handles are small indexes into a fixed table per process. A capability
 * is a kind, rights, a range (base, size) and, for the kinds that name a
 * kernel object (PORT, SHM, a DMA buffer), a counted reference to it: a
 * copy (derive, grant, a message, spawn) takes a reference, a drop or the
 * owner's death gives it back (cap_get/cap_put, cap/capobj.c).
 *
 * Locking: cap_lock guards every table and the objects capabilities point
 * to (ports, shm grants, IRQ bindings). One lock for all is the simple
 * design a single CPU allows; it is taken with interrupts off.
 */
#ifndef CAP_CAPTABLE_H
#define CAP_CAPTABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/proc.h>
#include "sched/spinlock.h"

/* Fewer than ATXF_MAX_HANDLES (256): 64 slots keep a table at 4 KiB, and a
 * handle at or above the table's size is simply not open (-ATXF_EBADH). */
#define CAP_TABLE_SLOTS 64
_Static_assert(CAP_TABLE_SLOTS >= ATXF_SPAWN_MAX_CAPS, "a spawn's caps must fit");
_Static_assert(CAP_TABLE_SLOTS <= ATXF_MAX_HANDLES, "handles are below ATXF_MAX_HANDLES");

#define CAP_HOLES 2      /* an MSI-X table and its PBA */

/* Pages of an MMIO capability's range that cannot be mapped (SYS_MMIO_HOLE). */
struct cap_hole {
	uint64_t base, size;    /* physical, page-aligned; size 0: none */
};

struct cap {
	uint32_t kind;          /* enum atxf_cap_kind; ATXF_CAP_NONE: empty slot */
	uint32_t rights;        /* ATXF_RIGHT_* */
	uint64_t base, size;    /* meaning depends on kind */
	void *obj;              /* PORT: struct port; SHM: struct shm; DMA buffer:
				 * struct dma_buf; NULL for the rest */
	struct cap_hole hole[CAP_HOLES];  /* MMIO; copies (derive, grant) keep them */
};

struct cap_table {
	struct cap slot[CAP_TABLE_SLOTS];
	uint32_t given;         /* handles 0 .. given-1 were given at creation
				 * (start info's ncaps; some may be empty) */
	bool closed;            /* its process is ending: nothing more comes in */
	bool io_dirty;          /* an IOPORT cap came or went: reload the
				 * I/O bitmap (arch/x86_64/iobitmap.h) */
};

extern struct spinlock cap_lock;

/* The capability behind handle h, or NULL if h is not open. */
struct cap *cap_lookup(struct cap_table *t, atxf_handle_t h);
/* Whether the table holds any capability of this kind. */
bool cap_holds(const struct cap_table *t, uint32_t kind);
/* Puts a copy of c at handle h (< CAP_TABLE_SLOTS) of a table being set
 * up, taking a reference on its object. */
void cap_install(struct cap_table *t, atxf_handle_t h, const struct cap *c);
/* Puts a copy of c (taking a reference) in the lowest free slot; returns
 * the handle, -ATXF_ENOSPC, or -ATXF_ENOENT once the table is closed.
 * cap_lock held. */
atxf_handle_t cap_insert_locked(struct cap_table *t, const struct cap *c);
/* Empties handle h, giving its reference back. cap_lock held. */
void cap_remove_locked(struct cap_table *t, atxf_handle_t h);
/* Empties every slot (a process ending, or an embryo thrown away). */
void cap_release_all(struct cap_table *t);

/* References on the object a capability names (cap/capobj.c). */
void cap_get(const struct cap *c);
void cap_put(const struct cap *c);

/* Whether `want` rights are all in `have`. */
static inline bool rights_cover(uint32_t have, uint32_t want)
{
	return (want & ~have) == 0;
}

#endif
