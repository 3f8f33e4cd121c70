/* devmgr's state, shared by main.c (setup) and serve.c (requests). */
#ifndef DEVMGR_DEVMGR_H
#define DEVMGR_DEVMGR_H

#include <atxf/ipc.h>
#include <atxf/proto/devmgr.h>
#include "devices.h"
#include "drivers.h"
#include "supervise.h"

struct devmgr {
	atxf_handle_t port;             /* receives clients' calls and drivers' HELLOs */
	struct dm_devices devices;
	struct dm_drivers drivers;
	struct dm_supervisor sup;
};

/* Handles one received message (serve.c). */
void dm_serve(struct devmgr *dm, const struct atxf_msg *req);
/* Replies to req (if it was a call) with status and len bytes of data (serve.c). */
void dm_answer(const struct atxf_msg *req, int status, const void *data, uint32_t len);
/* An instance as DRIVER's reply describes it (serve.c). */
void dm_driver_describe(const struct devmgr *dm, const struct dm_instance *in,
			struct devmgr_driver *out);

#endif
