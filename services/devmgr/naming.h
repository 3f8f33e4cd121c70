/*
 * devmgr as the naming authority for instance names (DRIVER.DEVICE,
 * <atxf/proto/name.h>): only the driver process devmgr started for an
 * instance is ever published under its name.
 */
#ifndef DEVMGR_NAMING_H
#define DEVMGR_NAMING_H

#include <stdint.h>
#include "supervise.h"

/* pid said HELLO and serves: publishes its instance name for it, with the
 * service port its HELLO carried. */
void dm_name_publish(struct dm_supervisor *s, uint32_t pid);
/* in's process ended: its name goes, so that lookups wait for the next
 * generation rather than find a dead port. */
void dm_name_withdraw(const struct dm_supervisor *s, const struct dm_instance *in);

#endif
