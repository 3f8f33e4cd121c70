/*
 * DRIVER_WAIT (<atxf/proto/devmgr.h>): a client's wait for a driver to
 * run, held here with its reply token and answered when the driver says
 * HELLO, or with -ATXF_ENOENT when its wait is over.
 */
#ifndef DEVMGR_DRIVER_WAIT_H
#define DEVMGR_DRIVER_WAIT_H

#include <stdint.h>
#include <atxf/ipc.h>

struct devmgr;

/* Answers req at once if the driver runs, else holds it. */
void dm_driver_wait(struct devmgr *dm, const struct atxf_msg *req);
/* Answers every held request whose driver now runs or whose wait is over. */
void dm_driver_waits_check(struct devmgr *dm);
/* Nanoseconds until the nearest held wait ends; ATXF_TIMEOUT_FOREVER: none. */
uint64_t dm_driver_waits_due(void);

#endif
