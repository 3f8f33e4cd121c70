/*
 * Shared-memory grants (ipc/shm.h). The frames stay the granter's (its
 * address space owns and frees them); receivers map them with
 * aspace_map_phys(), which never frees them, so unmapping on revoke is
 * all a receiver's side needs. Exercised by the shm scenario.
 */
#include <atxf/errors.h>
#include "arch/x86_64/paging.h"
#include "cap/captable.h"
#include "ipc/shm.h"
#include "mm/aspace.h"
#include "mm/heap.h"
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

long shm_map_locked(struct shm *s, struct process *p, bool writable)
{
	struct shm_mapping *m = free_mapping(s);
	unsigned prot = writable ? VM_WRITE : 0;
	uint64_t va;

	if (!s->owner)
		return -ATXF_EPERM;             /* revoked */
	if (!m)
		return -ATXF_ENOMEM;
	va = umap_reserve(&p->maps, s->npages);
	if (!va)
		return -ATXF_ENOMEM;
	for (uint64_t i = 0; i < s->npages; i++) {
		if (aspace_map_phys(p->as, va + i * PAGE_SIZE, s->frames[i], 1, prot)) {
			aspace_unmap(p->as, va, i);
			return -ATXF_ENOMEM;
		}
	}
	m->proc = p;
	m->va = va;
	return (long)va;
}

void shm_revoke_locked(struct shm *s)
{
	for (int i = 0; i < SHM_MAX_MAPPINGS; i++) {
		struct shm_mapping *m = &s->maps[i];

		if (m->proc && m->proc->as)
			aspace_unmap(m->proc->as, m->va, s->npages);
		m->proc = NULL;
	}
	s->owner = NULL;
}

void shm_process_died_locked(struct process *p)
{
	list_for_each(n, &grants) {
		struct shm *s = container_of(n, struct shm, link);

		if (s->owner == p)
			shm_revoke_locked(s);
		for (int i = 0; i < SHM_MAX_MAPPINGS; i++)
			if (s->maps[i].proc == p)
				s->maps[i].proc = NULL;
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
