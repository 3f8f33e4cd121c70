/*
 * Starting one driver instance (<atxf/proto/driver.h>, "Start"): argv =
 * NAME INSTANCE GENERATION; handle 0 a send right to devmgr, handle 1 the
 * name service, then one capability per manifest resource from
 * ATXF_HANDLE_FIRST_EXTRA on, in manifest order, each derived from ROOT
 * with exactly the planned range and rights (no GRANT: the driver cannot
 * pass its hardware on), an MMIO BAR with the kernel's MSI-X pages holed
 * out, and dropped here once the child holds its copy. A parent resource
 * is a send right derived from the port the node's parent driver offered.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/proc.h>
#include <atxf/sys.h>
#include "plan_msix.h"
#include "supervise.h"

static void drop_all(const atxf_handle_t *h, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (h[i] >= 0)
			atxf_cap_drop(h[i]);
}

/* Takes the kernel's MSI-X pages out of capability h (plan_msix.h); h, or
 * the error (h dropped). */
static atxf_handle_t punch_holes(atxf_handle_t h, const struct dm_device *d,
				 const struct dm_grant *g)
{
	struct dm_range hole[DM_MSIX_HOLES];
	unsigned n = dm_msix_holes(d, g, hole);

	for (unsigned i = 0; i < n; i++) {
		int err = atxf_mmio_hole(h, hole[i].base, hole[i].size);

		if (err < 0) {
			atxf_cap_drop(h);
			return err;
		}
	}
	return h;
}

/* A send right to the port the node's parent driver offered (ATXF_RES_PARENT).
 * With GRANT, as handle 0 has it: the kernel passes a port at spawn only so,
 * and a send right to a driver's port is no hardware to guard. */
static atxf_handle_t parent_right(const struct dm_device *d)
{
	struct atxf_cap_info ci;
	int err = atxf_cap_query(d->parent_port, &ci);

	if (err < 0)
		return err;
	return atxf_cap_derive(d->parent_port, ci.base, ci.size,
			       ATXF_RIGHT_WRITE | ATXF_RIGHT_GRANT);
}

/* Derives the plan's capabilities into out; 0, or the error (all dropped). */
static int derive_grants(const struct dm_supervisor *s, const struct dm_instance *in,
			 atxf_handle_t *out)
{
	const struct dm_plan *p = &in->plan;

	for (unsigned i = 0; i < p->count; i++) {
		const struct dm_grant *g = &p->grant[i];

		if (g->kind == ATXF_CAP_PORT)
			out[i] = parent_right(in->dev);
		else
			out[i] = atxf_cap_derive(s->root, g->base, g->size,
						 g->rights | ATXF_DERIVE_KIND(g->kind));
		if (out[i] >= 0 && g->kind != ATXF_CAP_PORT)
			out[i] = punch_holes(out[i], in->dev, g);
		if (out[i] < 0) {
			int err = out[i];

			drop_all(out, i);
			return err;
		}
	}
	return 0;
}

static void fill_spawn(struct atxf_spawn *sp, const struct dm_instance *in, const char **argv,
		       const atxf_handle_t *caps, unsigned ncaps)
{
	memset(sp, 0, sizeof(*sp));
	sp->image = (uint64_t)(uintptr_t)in->drv->image;
	sp->image_size = in->drv->image_size;
	sp->name = (uint64_t)(uintptr_t)in->drv->member;
	sp->argc = 3;
	sp->argv = (uint64_t)(uintptr_t)argv;
	sp->ncaps = ncaps;
	for (unsigned i = 0; i < ncaps; i++)
		sp->caps[i] = caps[i];
}

/* Spawns in with its next generation; returns the pid or a negative error. */
long dm_spawn(const struct dm_supervisor *s, struct dm_instance *in)
{
	atxf_handle_t caps[ATXF_SPAWN_MAX_CAPS] = { s->parent, s->names };
	char gen[12];
	const char *argv[4] = { in->drv->member, in->instance, gen, NULL };
	struct atxf_spawn sp;
	long pid;
	int err = derive_grants(s, in, caps + ATXF_HANDLE_FIRST_EXTRA);

	if (err < 0)
		return err;
	snprintf(gen, sizeof(gen), "%u", (unsigned)in->generation);
	fill_spawn(&sp, in, argv, caps, ATXF_HANDLE_FIRST_EXTRA + in->plan.count);
	pid = atxf_proc_spawn(&sp);
	drop_all(caps + ATXF_HANDLE_FIRST_EXTRA, in->plan.count);
	return pid;
}
