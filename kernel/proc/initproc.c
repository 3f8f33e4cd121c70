/*
 * The first process. The kernel gives init what docs/boot.md promises:
 *  - the root capability, as handle ATXF_HANDLE_INIT_ROOT (handles 0 and 1,
 *    parent and name service, are empty: init has neither);
 *  - the whole boot archive mapped read-only at the start of its mapping
 *    area, named by bootfs and bootfs_size in its start info;
 *  - argv = { NAME }.
 */
#include <atxf/errors.h>
#include "arch/x86_64/memlayout.h"
#include "cap/captable.h"
#include "core/cmdline.h"
#include "lib/errname.h"
#include "lib/log.h"
#include "lib/string.h"
#include "mm/aspace.h"
#include "proc/bootfs.h"
#include "proc/initproc.h"
#include "proc/loader.h"
#include "proc/process.h"
#include "proc/startinfo.h"
#include "sched/thread.h"

#define INIT_DEFAULT "init.atxf"

static void give_root(struct process *p)
{
	static const struct cap root = {
		.kind = ATXF_CAP_ROOT, .rights = ATXF_RIGHTS_ALL, .base = 0, .size = 0,
	};

	cap_install(&p->caps, ATXF_HANDLE_INIT_ROOT, &root);
	p->caps.given = ATXF_HANDLE_INIT_ROOT + 1;
}

/* Maps the archive read-only into p; returns its user address, or 0. */
static uint64_t map_archive(struct process *p, const struct bootfs *fs)
{
	size_t npages = (fs->size + PAGE_SIZE - 1) / PAGE_SIZE;
	uint64_t va = umap_reserve(&p->maps, npages);

	if (!va || aspace_map_phys(p->as, va, fs->phys, npages, 0))
		return 0;
	return va;
}

static int setup(struct process *p, const struct bootfs *fs, const struct atxf_ustar_entry *e)
{
	const char *argv[1] = { p->name };
	struct start_args args = { .argc = 1, .argv = argv, .bootfs_size = fs->size };

	args.bootfs = map_archive(p, fs);
	if (!args.bootfs)
		return -ATXF_ENOMEM;
	give_root(p);
	p->flags |= PROC_FLAG_INIT;
	return loader_exec(p, e->data, e->size, &args, PRIO_DEFAULT);
}

void initproc_start(void)
{
	char name[ATXF_USTAR_NAME_MAX + 1] = INIT_DEFAULT;
	const struct bootfs *fs = bootfs_get();
	struct atxf_ustar_entry e;
	struct process *p;
	int err;

	if (!fs)
		return;
	if (cmdline_get("init", name, sizeof(name)) && !name[0])
		strlcpy(name, INIT_DEFAULT, sizeof(name));
	if (!bootfs_find(fs, name, &e)) {
		klog("boot: no \"%s\" in the boot archive: nothing to start", name);
		return;
	}
	p = process_create(name, NULL);
	err = p ? setup(p, fs, &e) : -ATXF_ENOMEM;
	if (err) {
		klog("boot: cannot start init \"%s\": %s; the kernel goes on without it", name,
		     err_name(err));
		if (p)
			process_destroy(p);
		return;
	}
	/* "boot: init is NAME" is logged by init's own thread before it enters
	 * ring 3 (process.c), so it always precedes init's first output. */
}
