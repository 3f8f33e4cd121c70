/*
 * DMA faults (dmafault.h). The kernel has already logged each one; devmgr
 * says which driver it blames and what it does about it.
 */
#include <atxf/errors.h>
#include <atxf/hw.h>
#include <atxf/log.h>
#include <atxf/sys.h>
#include "dmafault.h"

void dm_dma_faults_watch(atxf_handle_t port)
{
	int err = atxf_dma_fault_watch(port, DM_DMA_FAULT_BIT);

	if (err < 0)
		atxf_log("devmgr: cannot watch for DMA faults: %s\n", atxf_strerror(err));
}

/* The running instance driving PCI function bdf as process pid (whom the
 * kernel blames: its domain was last mapped for it), or NULL. A fault of a
 * generation that has already ended is not held against the next one. */
static struct dm_instance *driving(struct dm_supervisor *s, uint32_t bdf, uint32_t pid)
{
	for (unsigned i = 0; i < s->count; i++) {
		struct dm_instance *in = &s->inst[i];

		if (in->pid && in->pid == pid && in->dev && in->dev->bus == DM_BUS_PCI &&
		    in->dev->pci.bdf == bdf)
			return in;
	}
	return NULL;
}

static void blame(struct dm_supervisor *s, const struct atxf_dma_fault *f)
{
	struct dm_instance *in = driving(s, f->bdf, f->pid);

	if (!in) {
		atxf_log("devmgr: DMA fault by %02x:%02x.%u (pid %u), which no running driver of "
			 "ours drives: nothing to do\n", f->bdf >> 8, f->bdf >> 3 & 0x1f, f->bdf & 7,
			 (unsigned)f->pid);
		return;
	}
	atxf_log("devmgr: DMA fault by %s (%s) pid %u: its device %02x:%02x.%u %s 0x%llx "
		 "outside its buffers; ending it as a crash\n", in->drv->manifest.name,
		 in->instance, (unsigned)in->pid, f->bdf >> 8, f->bdf >> 3 & 0x1f, f->bdf & 7,
		 f->write ? "wrote" : "read", (unsigned long long)f->addr);
	atxf_proc_kill(in->pid);
}

void dm_dma_faults(struct dm_supervisor *s)
{
	struct atxf_dma_fault f;

	while (atxf_dma_fault_next(&f) == 0)
		blame(s, &f);
}
