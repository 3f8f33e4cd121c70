/*
 * Shared-memory grants (SYS_SHM_GRANT/MAP/REVOKE): pages of the granter's
 * memory that whoever receives the grant's ATXF_CAP_SHM capability on the
 * named port may map, with the grant's rights at most. Revoking (or the
 * granter's death) unmaps them from every receiver, whose later accesses
 * fault. Guarded by cap_lock.
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
};

struct shm {
	struct list_node link;  /* on the list of all grants */
	uint32_t refs;          /* capabilities naming it */
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
/* Unmaps s from every receiver; it can never be mapped again. */
void shm_revoke_locked(struct shm *s);
/* p is dying: its grants are revoked, its own mappings forgotten. */
void shm_process_died_locked(struct process *p);
/* Whether [va, va + len) of p's memory meets one of its live grants. */
bool shm_granted_locked(struct process *p, uint64_t va, uint64_t len);
void shm_get_locked(struct shm *s);
void shm_put_locked(struct shm *s);

#endif
