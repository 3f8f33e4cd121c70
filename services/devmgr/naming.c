/*
 * Instance names (naming.h). A driver devmgr started does not register its
 * own name: the name service takes DRIVER.DEVICE names only from a naming
 * authority, which devmgr is because init started it with ROOT (docs/
 * boot.md). devmgr registers the name for the pid it spawned once that pid
 * said HELLO, so no other process can claim a supervised driver's name,
 * not even while the driver is being restarted, and drops it when the
 * driver ends. Without a name service (devmgr as the first process) there
 * is nothing to do: drivers are reachable through devmgr only.
 */
#include <atxf/log.h>
#include <atxf/name.h>
#include <atxf/sys.h>
#include "naming.h"

void dm_name_publish(struct dm_supervisor *s, uint32_t pid)
{
	const struct dm_instance *in = dm_instance_by_pid(s, pid);
	int err;

	if (s->names < 0 || !in || in->state != DM_RUNNING || in->service < 0)
		return;
	err = atxf_name_register_for(in->instance, in->service, pid);
	if (err < 0)
		atxf_log("devmgr: %s (%s) pid %u: publishing its name failed: %s; reachable "
			 "through devmgr only\n", in->drv->manifest.name, in->instance,
			 (unsigned)pid, atxf_strerror(err));
}

void dm_name_withdraw(const struct dm_supervisor *s, const struct dm_instance *in)
{
	int err;

	if (s->names < 0)
		return;
	err = atxf_name_unregister(in->instance);
	/* ENOENT: the driver dropped it itself (STOP), or it was never published. */
	if (err < 0 && err != -ATXF_ENOENT)
		atxf_log("devmgr: %s (%s): withdrawing its name failed: %s\n",
			 in->drv->manifest.name, in->instance, atxf_strerror(err));
}
