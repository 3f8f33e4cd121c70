/*
 * Shared-memory grants (SYS_SHM_GRANT/MAP/UNMAP/REVOKE/PROBE): pages of
 * the granter's memory that whoever receives the grant's ATXF_CAP_SHM
 * capability on the named port may map, with the grant's rights at most.
 *
 * Revoking (or the granter's death) takes the granter's frames away from
 * every receiver without pulling the mapping from under it: each page of
 * a receiver's mapping is pointed, in one store, at that mapping's
 * stand-in, a private zeroed frame set aside at SYS_SHM_MAP. The receiver
 * keeps running (a driver in the middle of a copy never faults), reads
 * zeros or what it wrote itself, never the granter's data, and writes
 * reach only the stand-in. SYS_SHM_PROBE tells it the grant is revoked;
 * SYS_SHM_UNMAP (or its end) lets the mapping go and frees the stand-in.
 *
 * Lifetimes: refs counts the capabilities naming a grant and the mappings
 * of it, so a revoked grant's record lives while a receiver still maps
 * it. Memory: the granter's frames stay its own (its address space owns
 * and frees them); a receiver's mapping costs it one page (the stand-in)
 * of its SYS_MEM_MAP limit. Guarded by cap_lock.
 */
#ifndef IPC_SHM_H
#define IPC_SHM_H

#include <stdbool.h>
#include <stdint.h>
#include "lib/list.h"

#define SHM_MAX_PAGES    1024   /* 4 MiB per grant */
#define SHM_MAX_MAPPINGS 8      /* receivers mapping one grant at once */

struct process;

struct shm_mapping {
	struct process *proc;   /* NULL: free slot */
	uint64_t va;
	uint64_t standin;       /* the zeroed frame the pages turn to at revoke */
	bool writable;
};

struct shm {
	struct list_node link;  /* on the list of all grants */
	uint32_t refs;          /* capabilities naming it, and mappings of it */
	struct process *owner;  /* the granter; NULL once revoked */
	uint32_t port_id;       /* the only port it may travel through */
	uint32_t rights;        /* ATXF_RIGHT_READ/WRITE receivers may map with */
	uint64_t va;            /* where the pages are in the owner */
	uint64_t npages;
	uint64_t *frames;       /* physical pages, the owner's */
	struct shm_mapping maps[SHM_MAX_MAPPINGS];
};

/* A grant of [va, va + len) of p's memory; NULL and *err on failure. */
struct shm *shm_create(struct process *p, uint64_t va, uint64_t len, uint32_t port_id,
		       uint32_t rights, int *err);
/* Maps s into p; the address, or -ATXF_E*. cap_lock held. */
long shm_map_locked(struct shm *s, struct process *p, bool writable);
/* Turns every receiver's mapping of s to its stand-in; s can never be
 * mapped again. Returns after no receiver can reach the frames. */
void shm_revoke_locked(struct shm *s);
/* Lets go of p's mapping of a grant at va: 0, or -ATXF_EINVAL if no
 * mapping of p starts there. */
int shm_unmap_locked(struct process *p, uint64_t va);
/* What p's page at va is: 0 a live grant's, -ATXF_ESTALE a revoked
 * grant's (the stand-in), -ATXF_ENOENT not a grant's. */
int shm_state_locked(struct process *p, uint64_t va);
/* p is dying, its address space still there: its grants are revoked and
 * its mappings let go. */
void shm_process_died_locked(struct process *p);
/* Whether [va, va + len) of p's memory meets one of its live grants. */
bool shm_granted_locked(struct process *p, uint64_t va, uint64_t len);
void shm_get_locked(struct shm *s);
void shm_put_locked(struct shm *s);

#endif
