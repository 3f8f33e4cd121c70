/*
 * The heartbeat (<atxf/proto/driver.h>, docs/devmgr.md): devmgr sends every
 * running driver a PING as a plain message each ATXF_DRIVER_HEARTBEAT_NS
 * and counts the ones not yet answered with ALIVE. A driver that lets
 * ATXF_DRIVER_HEARTBEAT_MISSES go by is stuck (a loop that never returns
 * to the framework, a deadlock): devmgr kills it, and supervision restarts
 * it like one that crashed. devmgr never waits on a driver: a PING that
 * does not fit the driver's full queue counts as unanswered.
 */
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "supervise.h"

#define MS(ns) ((unsigned long long)((ns) / 1000000))

static void kill_stuck(struct dm_instance *in, uint64_t now)
{
	atxf_log("devmgr: %s (%s) pid %u missed %u heartbeats (no answer for %llu ms): "
		 "killing it\n", in->drv->manifest.name, in->instance, (unsigned)in->pid,
		 (unsigned)in->pings_unanswered, MS(now - in->alive_ns));
	in->pings_unanswered = 0;
	atxf_proc_kill(in->pid);
}

static void ping(struct dm_instance *in, uint64_t now)
{
	struct atxf_msg req;

	if (in->state != DM_RUNNING || !in->pid || in->service < 0)
		return;
	if (in->pings_unanswered >= ATXF_DRIVER_HEARTBEAT_MISSES) {
		kill_stuck(in, now);
		return;
	}
	atxf_msg_init(&req, ATXF_DRIVER_PING);
	(void)atxf_send(in->service, &req, ATXF_IPC_NONBLOCK);
	in->pings_unanswered++;
}

uint64_t dm_heartbeat(struct dm_supervisor *s)
{
	uint64_t now = atxf_clock_ns();

	if (now < s->heartbeat_ns)
		return s->heartbeat_ns - now;
	for (unsigned i = 0; i < s->count; i++)
		ping(&s->inst[i], now);
	s->heartbeat_ns = now + ATXF_DRIVER_HEARTBEAT_NS;
	return ATXF_DRIVER_HEARTBEAT_NS;
}

void dm_alive(struct dm_supervisor *s, uint32_t pid)
{
	struct dm_instance *in = pid ? dm_instance_by_pid(s, pid) : NULL;

	if (!in)
		return;
	in->pings_unanswered = 0;
	in->alive_ns = atxf_clock_ns();
}
