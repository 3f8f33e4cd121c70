/* The boot archive (proc/bootfs.h). */
#include "arch/x86_64/memlayout.h"
#include "core/bootinfo.h"
#include "lib/log.h"
#include "mm/kva.h"
#include "proc/bootfs.h"

/* Walks the whole archive once: a damaged one is reported at boot, not
 * when init first trips over it. Returns the member count or the error. */
static int count_members(const struct bootfs *fs)
{
	struct atxf_ustar_entry e;
	uint64_t cursor = 0;
	int n = 0, r;

	while ((r = atxf_ustar_next(fs->data, fs->size, &cursor, &e)) == ATXF_USTAR_ENTRY)
		n++;
	return r < 0 ? r : n;
}

static bool open_archive(struct bootfs *fs)
{
	const struct boot_module *m = &boot_info.mods[0];
	int members;

	if (boot_info.nmods < 1 || m->end <= m->start) {
		klog("boot: no boot archive (multiboot module): nothing to start");
		return false;
	}
	if (boot_info.nmods > 1)
		klog("boot: %d modules; the first is the boot archive", boot_info.nmods);
	fs->phys = m->start;
	fs->size = m->end - m->start;
	fs->data = kva_map_phys(fs->phys, fs->size, 0);
	if (!fs->data)
		return false;
	members = count_members(fs);
	if (members < 0) {
		klog("boot: boot archive \"%s\" is damaged: %s", m->name,
		     atxf_ustar_strerror(members));
		return false;
	}
	klog("boot: boot archive \"%s\": %lu KiB, %d members", m->name, fs->size >> 10, members);
	return true;
}

const struct bootfs *bootfs_get(void)
{
	static struct bootfs fs;
	static int state;               /* 0: not looked yet, 1: open, -1: none */

	if (!state)
		state = open_archive(&fs) ? 1 : -1;
	return state > 0 ? &fs : NULL;
}

bool bootfs_find(const struct bootfs *fs, const char *name, struct atxf_ustar_entry *e)
{
	return atxf_ustar_find(fs->data, fs->size, name, e) == 1;
}
