/*
 * Shared-memory grants (ipc/shm.h). The frames stay the granter's (its
 * address space owns and frees them); receivers map them with
 * aspace_map_phys(), which never frees them, and at revoke the same pages
 * are pointed at the mapping's stand-in (aspace_alias), which is never
 * the address space's either: the mapping record frees it. Exercised by
 * the shm and shm-hammer scenarios.
 */
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "cap/captable.h"
#include "ipc/shm.h"
#include "mm/aspace.h"
#include "mm/heap.h"
#include "mm/pmm.h"
#include "mm/umap.h"
#include "mm/vm.h"
#include "proc/process.h"

static struct list_node grants = { &grants, &grants };

/* The frames behind p's pages at va; -ATXF_EFAULT if one is not a user
 * page (or not writable when the grant lets receivers write). */
static int collect_frames(struct process *p, uint64_t va, struct shm *s)
{
	for (uint64_t i = 0; i < s->npages; i++) {
		unsigned prot;

		if (!paging_translate(p->as->root, va + i * PAGE_SIZE, &s->frames[i], &prot) ||
		    !(prot & VM_USER))
			return -ATXF_EFAULT;
		if ((s->rights & ATXF_RIGHT_WRITE) && !(prot & VM_WRITE))
			return -ATXF_EFAULT;
		s->frames[i] &= ~(uint64_t)(PAGE_SIZE - 1);
	}
	return 0;
}

struct shm *shm_create(struct process *p, uint64_t va, uint64_t len, uint32_t port_id,
		       uint32_t rights, int *err)
{
	struct shm *s;

	*err = -ATXF_EINVAL;
	if (!len || (va | len) % PAGE_SIZE || len / PAGE_SIZE > SHM_MAX_PAGES ||
	    !(rights & ATXF_RIGHT_READ) || (rights & ~(ATXF_RIGHT_READ | ATXF_RIGHT_WRITE)))
		return NULL;
	*err = -ATXF_ENOMEM;
	s = kzalloc(sizeof(*s));
	if (!s)
		return NULL;
	s->npages = len / PAGE_SIZE;
	s->frames = kzalloc(s->npages * sizeof(*s->frames));
	if (!s->frames)
		goto out_free;
	s->owner = p;
	s->va = va;
	s->port_id = port_id;
	s->rights = rights;
	*err = collect_frames(p, va, s);
	if (*err)
		goto out_free;
	uint64_t flags = spin_lock_irqsave(&cap_lock);
	list_push_back(&grants, &s->link);
	spin_unlock_irqrestore(&cap_lock, flags);
	return s;

out_free:
	kfree(s->frames);
	kfree(s);
	return NULL;
}

static struct shm_mapping *free_mapping(struct shm *s)
{
	for (int i = 0; i < SHM_MAX_MAPPINGS; i++)
		if (!s->maps[i].proc)
			return &s->maps[i];
	return NULL;
}

/* Maps s's frames at va in p; on failure nothing stays. */
static int map_frames(struct shm *s, struct process *p, uint64_t va, unsigned prot)
{
	for (uint64_t i = 0; i < s->npages; i++) {
		if (aspace_map_phys(p->as, va + i * PAGE_SIZE, s->frames[i], 1, prot)) {
			aspace_unmap(p->as, va, i);
			return -ATXF_ENOMEM;
		}
	}
	return 0;
}

/*
 * The stand-in is taken now, not at revoke: a revoke must never fail,
 * and it may come when memory is short. It is charged to the receiver,
 * whose mapping it backs.
 */
long shm_map_locked(struct shm *s, struct process *p, bool writable)
{
	struct shm_mapping *m = free_mapping(s);
	uint64_t va, standin;

	if (!s->owner)
		return -ATXF_EPERM;             /* revoked */
	if (!m || umap_charge(&p->maps, 1))
		return -ATXF_ENOMEM;
	standin = pmm_alloc_zeroed();
	va = standin ? umap_reserve(&p->maps, s->npages) : 0;
	if (!va || map_frames(s, p, va, writable ? VM_WRITE : 0)) {
		if (standin)
			pmm_free(standin);
		umap_uncharge(&p->maps, 1);
		return -ATXF_ENOMEM;
	}
	*m = (struct shm_mapping){ .proc = p, .va = va, .standin = standin,
				   .writable = writable };
	s->refs++;
	return (long)va;
}

void shm_revoke_locked(struct shm *s)
{
	if (!s->owner)
		return;
	s->owner = NULL;
	for (int i = 0; i < SHM_MAX_MAPPINGS; i++) {
		const struct shm_mapping *m = &s->maps[i];

		if (m->proc && m->proc->as)
			aspace_alias(m->proc->as, m->va, s->npages, m->standin,
				     m->writable ? VM_WRITE : 0);
	}
}

/* Takes m out of its process and frees its stand-in. s may go with it. */
static void unmap_mapping(struct shm *s, struct shm_mapping *m)
{
	if (m->proc->as)
		aspace_unmap(m->proc->as, m->va, s->npages);    /* frees no frame */
	pmm_free(m->standin);
	umap_uncharge(&m->proc->maps, 1);
	*m = (struct shm_mapping){ 0 };
	shm_put_locked(s);
}

/* The mapping of p holding va (any page of it, or only its first), or NULL. */
static struct shm_mapping *mapping_at(struct process *p, uint64_t va, bool first,
				      struct shm **sp)
{
	list_for_each(n, &grants) {
		struct shm *s = container_of(n, struct shm, link);

		for (int i = 0; i < SHM_MAX_MAPPINGS; i++) {
			struct shm_mapping *m = &s->maps[i];

			if (m->proc != p || va < m->va || va - m->va >= s->npages * PAGE_SIZE ||
			    (first && va != m->va))
				continue;
			*sp = s;
			return m;
		}
	}
	return NULL;
}

int shm_unmap_locked(struct process *p, uint64_t va)
{
	struct shm *s;
	struct shm_mapping *m = mapping_at(p, va, true, &s);

	if (!m)
		return -ATXF_EINVAL;
	unmap_mapping(s, m);
	return 0;
}

int shm_state_locked(struct process *p, uint64_t va)
{
	struct shm *s;

	if (!mapping_at(p, va, false, &s))
		return -ATXF_ENOENT;
	return s->owner ? 0 : -ATXF_ESTALE;
}

/* Each grant is held while it is looked at, so letting go of p's
 * mappings cannot free the record under the walk. */
void shm_process_died_locked(struct process *p)
{
	struct list_node *n = grants.next;

	while (n != &grants) {
		struct shm *s = container_of(n, struct shm, link);

		s->refs++;
		if (s->owner == p)
			shm_revoke_locked(s);
		for (int i = 0; i < SHM_MAX_MAPPINGS; i++)
			if (s->maps[i].proc == p)
				unmap_mapping(s, &s->maps[i]);
		n = n->next;
		shm_put_locked(s);
	}
}

bool shm_granted_locked(struct process *p, uint64_t va, uint64_t len)
{
	list_for_each(n, &grants) {
		const struct shm *s = container_of(n, struct shm, link);

		if (s->owner == p && va < s->va + s->npages * PAGE_SIZE && va + len > s->va)
			return true;
	}
	return false;
}

void shm_get_locked(struct shm *s)
{
	s->refs++;
}

void shm_put_locked(struct shm *s)
{
	if (--s->refs)
		return;
	shm_revoke_locked(s);
	list_remove(&s->link);
	kfree(s->frames);
	kfree(s);
}
