/*
 * Making the granted capabilities usable before probe: what each handle
 * really covers (SYS_CAP_QUERY: devmgr fills in a PCI BAR's address, say),
 * MMIO mapped uncached (write-combining where the manifest asks; without
 * the pages the kernel keeps, such as an MSI-X table: touching them
 * faults), each interrupt bound to a notification bit of the service port
 * (interrupt n to bit n, see notify.c).
 */
#include <atxf/hw.h>
#include <atxf/sys.h>
#include "core.h"

static int bind_one(struct atxf_device *dev, unsigned g, atxf_handle_t h)
{
	struct atxf_driver_core *core = dev->core;
	unsigned n = core->nirqs;
	int err;

	if (n == ATXF_DRIVER_MAX_IRQS)
		return -ATXF_ERANGE;
	err = atxf_irq_bind(h, core->port, n);
	if (err < 0)
		return err;
	core->irq_grant[n] = g;
	core->irq_handle[n] = h;
	core->nirqs = n + 1;
	return 0;
}

/*
 * An IRQ grant covers one line, or several MSI-X vectors (<atxf/cap.h>):
 * those are split into one capability per vector, vector i bound to the
 * next bit, so .irq(dev, n) counts them in table order.
 */
static int bind_irqs(struct atxf_device *dev, unsigned g, const struct atxf_cap_info *ci)
{
	atxf_handle_t whole = dev->grant[g].handle;

	if (ci->size == 1)
		return bind_one(dev, g, whole);
	for (uint64_t i = 0; i < ci->size; i++) {
		atxf_handle_t h = atxf_cap_derive(whole, ci->base + i, 1, ATXF_RIGHT_READ);
		int err = h < 0 ? h : bind_one(dev, g, h);

		if (err < 0)
			return err;
	}
	return 0;
}

static int setup_one(struct atxf_device *dev, unsigned g)
{
	struct atxf_resource_grant *gr = &dev->grant[g];
	struct atxf_cap_info ci;
	int err = atxf_cap_query(gr->handle, &ci);

	if (err < 0)
		return err;
	gr->base = ci.base;
	gr->size = ci.size;
	switch (ci.kind) {
	case ATXF_CAP_MMIO:
		gr->mapped = gr->flags & ATXF_BAR_F_WRITE_COMBINING
				     ? atxf_mmio_map_wc(gr->handle, 0, (size_t)ci.size)
				     : atxf_mmio_map(gr->handle, 0, (size_t)ci.size);
		return gr->mapped ? 0 : -ATXF_ENOMEM;
	case ATXF_CAP_IRQ:
		return bind_irqs(dev, g, &ci);
	}
	return 0;
}

int atxf__grants_setup(struct atxf_device *dev)
{
	for (unsigned g = 0; g < dev->ngrants; g++) {
		int err;

		/* Not passed: probe finds NULL from atxf_device_resource(). */
		if (dev->grant[g].handle < 0)
			continue;
		err = setup_one(dev, g);
		if (err < 0) {
			atxf_device_log(dev, "resource %u (%s, handle %d): %s", g,
					atxf_resource_kind_name(dev->grant[g].kind),
					(int)dev->grant[g].handle, atxf_strerror(err));
			return err;
		}
	}
	return 0;
}
