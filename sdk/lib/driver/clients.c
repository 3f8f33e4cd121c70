/*
 * Client buffers: the shared memory each client process attaches with
 * ATTACH_BUFFER (block, net, display) and then names by offset. One buffer
 * per client pid, in a fixed table. When the table is full, the buffer used
 * least recently is let go: its client's next transfer gets -ATXF_EPROTO and
 * it attaches again, as after a driver restart. That way clients that died
 * (which the driver is never told about) cannot fill the table for good.
 */
#include <atxf/atxf.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "core.h"

static void client_release(struct atxf_device *dev, struct atxf_client *c)
{
	if (c->pid == 0)
		return;
	atxf__block_dma_release(dev, c->base);     /* a transfer may still run */
	/* A mapping of a grant goes by SYS_SHM_UNMAP, revoked or not. */
	atxf_shm_unmap(c->base);
	atxf_cap_drop(c->shm);
	memset(c, 0, sizeof(*c));
}

struct atxf_client *atxf__client_find(struct atxf_device *dev, uint32_t pid)
{
	struct atxf_client *c = dev->core->client;

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_CLIENTS; i++)
		if (pid != 0 && c[i].pid == pid) {
			c[i].last_use = ++dev->core->use_clock;
			return &c[i];
		}
	return NULL;
}

/* pid's own slot, else a free one, else the least recently used one. */
static struct atxf_client *client_slot(struct atxf_device *dev, uint32_t pid)
{
	struct atxf_client *c = dev->core->client, *pick = &c[0];

	for (unsigned i = 0; i < ATXF_DRIVER_MAX_CLIENTS; i++) {
		if (c[i].pid == pid)
			return &c[i];
		if (pick->pid != 0 && (c[i].pid == 0 || c[i].last_use < pick->last_use))
			pick = &c[i];
	}
	return pick;
}

int atxf__client_attach(struct atxf_device *dev, const struct atxf_msg *req,
			struct atxf_msg *reply)
{
	struct atxf_attach_reply ar;
	struct atxf_cap_info ci;
	struct atxf_client *c;
	void *base;

	if (req->sender == 0)
		return -ATXF_EPROTO;
	if (atxf_cap_query(req->caps[0], &ci) < 0 || ci.kind != ATXF_CAP_SHM)
		return -ATXF_EBADH;
	if (ci.size == 0)
		return -ATXF_ERANGE;
	/* Transfers go both ways: READ writes into it, WRITE reads from it. */
	base = atxf_shm_map(req->caps[0], ATXF_PROT_READ | ATXF_PROT_WRITE);
	if (!base)
		return -ATXF_EPERM;
	c = client_slot(dev, req->sender);
	client_release(dev, c);
	*c = (struct atxf_client){ .pid = req->sender, .shm = req->caps[0], .base = base,
				   .size = ci.size, .last_use = ++dev->core->use_clock };
	dev->core->caps_kept |= 1u;
	ar.size = ci.size;
	atxf__reply_put(reply, &ar, sizeof(ar));
	return 0;
}

void *atxf__client_range(struct atxf_device *dev, uint32_t pid, uint64_t offset,
			 uint64_t len, int *err)
{
	struct atxf_client *c = atxf__client_find(dev, pid);

	if (!c) {
		*err = -ATXF_EPROTO;
		return NULL;
	}
	/* Written so that offset + len cannot overflow. */
	if (offset > c->size || len > c->size - offset) {
		*err = -ATXF_ERANGE;
		return NULL;
	}
	*err = 0;
	return c->base + offset;
}
