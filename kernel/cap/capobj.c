/*
 * References from capabilities to the kernel objects they name: a port
 * (counted per reader, ipc/port.h), a shared-memory grant (ipc/shm.h), a
 * DMA buffer (mm/dma.h). The other kinds name hardware by range and hold
 * nothing.
 */
#include "cap/captable.h"
#include "ipc/port.h"
#include "ipc/shm.h"
#include "mm/dma.h"

void cap_get(const struct cap *c)
{
	if (!c->obj)
		return;
	switch (c->kind) {
	case ATXF_CAP_PORT: port_get_locked(c->obj, c->rights); break;
	case ATXF_CAP_SHM:  shm_get_locked(c->obj); break;
	case ATXF_CAP_DMA:  dma_get_locked(c->obj); break;
	default: break;
	}
}

void cap_put(const struct cap *c)
{
	if (!c->obj)
		return;
	switch (c->kind) {
	case ATXF_CAP_PORT: port_put_locked(c->obj, c->rights); break;
	case ATXF_CAP_SHM:  shm_put_locked(c->obj); break;
	case ATXF_CAP_DMA:  dma_put_locked(c->obj); break;
	default: break;
	}
}
