/*
 * Architecture-neutral names for mapping permissions. Pages are always
 * readable; NX is the default, so only VM_EXEC makes a page executable.
 */
#ifndef MM_VM_H
#define MM_VM_H

enum vm_prot {
	VM_WRITE = 1u << 0,
	VM_EXEC = 1u << 1,
	VM_USER = 1u << 2,      /* reachable from ring 3 */
	VM_UNCACHED = 1u << 3,  /* device memory: no caching (MMIO) */
	VM_OWNED = 1u << 4,     /* the address space owns the frame: freed with it */
	VM_WRITE_COMBINING = 1u << 5, /* framebuffers: writes buffered, not cached
				       * (uncached where the CPU has no PAT) */
};

#endif
