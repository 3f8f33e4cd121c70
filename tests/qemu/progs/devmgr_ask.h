/*
 * What the client-library test programs ask devmgr (<atxf/proto/devmgr.h>):
 * the pid of an instance's running generation, KILL (as a crash: devmgr
 * restarts it), STOP (for good). Used by blk-stream.c and input-follow.c.
 */
#ifndef DEVMGR_ASK_H
#define DEVMGR_ASK_H

#include <string.h>
#include <atxf/port.h>
#include <atxf/proto/devmgr.h>

#define DEVMGR_ASK_NS     5000000000ull
#define DEVMGR_RUNNING    2

static inline int devmgr_ask(atxf_handle_t devmgr, uint32_t type, const void *data, size_t len,
			     struct atxf_msg *reply)
{
	struct atxf_msg req;

	atxf_msg_init(&req, type);
	atxf_msg_put(&req, data, len);
	return atxf_call(devmgr, &req, reply, DEVMGR_ASK_NS);
}

/* The running generation's pid: 0 while devmgr has none running. */
static inline uint32_t devmgr_running_pid(atxf_handle_t devmgr, const char *instance)
{
	struct devmgr_driver d;
	struct atxf_msg reply;

	for (uint32_t i = 0; devmgr_ask(devmgr, DEVMGR_DRIVER, &i, sizeof(i), &reply) == 0; i++) {
		memcpy(&d, reply.data, sizeof(d));
		if (!strncmp(d.instance, instance, sizeof(d.instance)))
			return d.state == DEVMGR_RUNNING ? d.pid : 0;
	}
	return 0;
}

/* KILLs the instance's running generation: its pid, or a negative ATXF_E*. */
static inline long devmgr_kill_running(atxf_handle_t devmgr, const char *instance)
{
	struct atxf_msg reply;
	uint32_t pid = devmgr_running_pid(devmgr, instance);
	int err = pid ? devmgr_ask(devmgr, DEVMGR_KILL, &pid, sizeof(pid), &reply) : -ATXF_ENOENT;

	return err < 0 ? err : (long)pid;
}

static inline int devmgr_stop(atxf_handle_t devmgr, const char *instance)
{
	struct atxf_msg reply;

	return devmgr_ask(devmgr, DEVMGR_STOP, instance, strlen(instance) + 1, &reply);
}

#endif
