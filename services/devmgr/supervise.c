/*
 * Supervision (supervise.h): the life of each driver instance. The kernel
 * notifies devmgr's port when a child ends (SYS_PROC_WATCH), and dm_reap()
 * then collects it with SYS_PROC_WAIT; by then the kernel has revoked
 * everything the driver held (its capabilities, IRQ bindings, ports), so a
 * restart starts from clean state.
 */
#include <stdio.h>
#include <string.h>
#include <atxf/log.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "naming.h"
#include "supervise.h"

#define STOP_TIMEOUT_NS 500000000ull    /* a driver answers STOP within 0.5 s */
#define MS(ns) ((unsigned long long)((ns) / 1000000))

long dm_spawn(const struct dm_supervisor *s, struct dm_instance *in);

const char *dm_state_name(unsigned state)
{
	static const char *const names[] = { "?", "starting", "running", "restarting",
					     "stopped", "failed", "gone" };

	return state < sizeof(names) / sizeof(names[0]) ? names[state] : "?";
}

/* Starts in's next generation; a spawn the kernel refuses is not retried. */
static void launch(struct dm_supervisor *s, struct dm_instance *in)
{
	long pid = dm_spawn(s, in);

	if (pid < 0) {
		atxf_log("devmgr: %s (%s): cannot start: %s\n", in->drv->manifest.name,
			 in->instance, atxf_strerror((int)pid));
		in->state = DM_FAILED;
		return;
	}
	in->pid = (uint32_t)pid;
	in->state = DM_STARTING;
	in->started_ns = atxf_clock_ns();
	atxf_log("devmgr: started %s (%s) on %s pid %ld generation %u with %u capabilities\n",
		 in->drv->manifest.name, in->instance, in->dev->name, pid,
		 (unsigned)in->generation, in->plan.count);
}

/*
 * "uart16550" on "COM1" is "uart16550.com1": unique per driver and device.
 * -1 when DRIVER.DEVICE does not fit a name-service name: cut short, two
 * instances could share one.
 */
static int name_instance(struct dm_instance *in)
{
	int n = snprintf(in->instance, sizeof(in->instance), "%s.%s", in->drv->manifest.name,
			 in->dev->name);

	if (n < 0 || (size_t)n >= sizeof(in->instance))
		return -1;
	for (n = 0; in->instance[n]; n++) {
		char c = in->instance[n];

		in->instance[n] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c == ':' ? '-' : c;
	}
	return 0;
}

static struct dm_instance *free_slot(struct dm_supervisor *s)
{
	for (unsigned i = 0; i < s->count; i++)
		if (!s->inst[i].drv)
			return &s->inst[i];
	return s->count < DM_INSTANCES_MAX ? &s->inst[s->count++] : NULL;
}

void dm_instance_add(struct dm_supervisor *s, const struct dm_driver *drv,
		     const struct dm_device *dev, const struct dm_plan *plan)
{
	struct dm_instance *in = free_slot(s);

	if (!in) {
		atxf_log("devmgr: %s on %s: more than %d instances; not started\n",
			 drv->manifest.name, dev->name, DM_INSTANCES_MAX);
		return;
	}
	memset(in, 0, sizeof(*in));
	in->drv = drv;
	in->dev = dev;
	in->plan = *plan;
	in->service = ATXF_HANDLE_NONE;
	if (name_instance(in) < 0) {
		atxf_log("devmgr: %s on %s: the instance name DRIVER.DEVICE is longer than %d "
			 "bytes; not started\n", drv->manifest.name, dev->name,
			 ATXF_DRIVER_INSTANCE_MAX - 1);
		memset(in, 0, sizeof(*in));
		return;
	}
	launch(s, in);
}

unsigned dm_instance_count(const struct dm_supervisor *s)
{
	unsigned n = 0;

	for (unsigned i = 0; i < s->count; i++)
		n += s->inst[i].drv != NULL;
	return n;
}

struct dm_instance *dm_instance_at(struct dm_supervisor *s, unsigned index)
{
	for (unsigned i = 0; i < s->count; i++)
		if (s->inst[i].drv && index-- == 0)
			return &s->inst[i];
	return NULL;
}

unsigned dm_instance_index(const struct dm_supervisor *s, const struct dm_instance *in)
{
	unsigned n = 0;

	for (const struct dm_instance *e = s->inst; e < in; e++)
		n += e->drv != NULL;
	return n;
}

static void post_driver_event(struct dm_supervisor *s, struct dm_instance *in)
{
	struct devmgr_event ev;

	in->posted.state = in->state;
	in->posted.pid = in->pid;
	in->posted.generation = in->generation;
	memset(&ev, 0, sizeof(ev));
	ev.kind = DEVMGR_EV_DRIVER;
	ev.state = in->state;
	ev.driver = dm_instance_index(s, in);
	ev.pid = in->pid;
	ev.generation = in->generation;
	ev.node = in->dev ? in->dev->id : 0;
	memcpy(ev.instance, in->instance, sizeof(ev.instance));
	dm_event_post(&s->events, &ev);
}

/* A gone instance's last word on the event stream, then its slot is free. */
static void free_instance(struct dm_supervisor *s, struct dm_instance *in)
{
	in->state = DM_GONE;
	in->pid = 0;
	post_driver_event(s, in);
	atxf_log("devmgr: %s (%s): gone with its device\n", in->drv->manifest.name,
		 in->instance);
	memset(in, 0, sizeof(*in));
	in->service = ATXF_HANDLE_NONE;
}

void dm_post_driver_events(struct dm_supervisor *s)
{
	for (unsigned i = 0; i < s->count; i++) {
		struct dm_instance *in = &s->inst[i];

		if (!in->drv || (in->posted.state == in->state && in->posted.pid == in->pid &&
				 in->posted.generation == in->generation))
			continue;
		post_driver_event(s, in);
	}
}

struct dm_instance *dm_instance_by_pid(struct dm_supervisor *s, uint32_t pid)
{
	for (unsigned i = 0; pid && i < s->count; i++)
		if (s->inst[i].drv && s->inst[i].pid == pid)
			return &s->inst[i];
	return NULL;
}

/* in's process ended with status: restart later, or give up. */
static void ended(struct dm_instance *in, int status, uint64_t now)
{
	int64_t delay;

	atxf_log("devmgr: %s (%s) pid %u ended with status %d after %llu ms\n",
		 in->drv->manifest.name, in->instance, (unsigned)in->pid, status,
		 MS(now - in->started_ns));
	in->pid = 0;
	in->ended_ns = now;
	if (in->service >= 0)
		atxf_cap_drop(in->service);
	in->service = ATXF_HANDLE_NONE;
	if (in->stop_wanted) {
		in->state = DM_STOPPED;
		return;
	}
	if (in->restart_wanted) {
		in->restart_wanted = 0;
		in->state = DM_RESTARTING;
		in->restart_at_ns = now;
		return;
	}
	if (in->drv->manifest.flags & ATXF_MANIFEST_F_NO_RESTART) {
		atxf_log("devmgr: %s (%s): its manifest says no restart\n",
			 in->drv->manifest.name, in->instance);
		in->state = DM_FAILED;
		return;
	}
	delay = dm_backoff_ended(&in->backoff, in->started_ns, now);
	if (delay < 0) {
		atxf_log("devmgr: %s (%s): %d failures within %llu ms: giving up\n",
			 in->drv->manifest.name, in->instance, DM_FAIL_LIMIT, MS(DM_FAIL_WINDOW_NS));
		in->state = DM_FAILED;
		return;
	}
	in->state = DM_RESTARTING;
	in->restart_at_ns = now + (uint64_t)delay;
	atxf_log("devmgr: %s (%s): restarting in %llu ms\n", in->drv->manifest.name,
		 in->instance, MS((uint64_t)delay));
}

void dm_reap(struct dm_supervisor *s)
{
	int status;
	long pid;

	while ((pid = atxf_proc_wait(0, &status, ATXF_TIMEOUT_NONE)) > 0) {
		struct dm_instance *in = dm_instance_by_pid(s, (uint32_t)pid);

		if (in) {
			dm_name_withdraw(s, in);
			ended(in, status, atxf_clock_ns());
			if (in->gone)
				free_instance(s, in);
		} else {
			atxf_log("devmgr: child pid %ld ended with status %d\n", pid, status);
		}
	}
}

uint64_t dm_restart_due(struct dm_supervisor *s)
{
	uint64_t now = atxf_clock_ns(), next = ATXF_TIMEOUT_FOREVER;

	for (unsigned i = 0; i < s->count; i++) {
		struct dm_instance *in = &s->inst[i];

		if (in->state != DM_RESTARTING)
			continue;
		if (in->restart_at_ns <= now) {
			in->generation++;
			in->restarts++;
			atxf_log("devmgr: restarting %s (%s) generation %u, restart %u, %llu ms "
				 "after it ended\n", in->drv->manifest.name, in->instance,
				 (unsigned)in->generation, (unsigned)in->restarts,
				 MS(now - in->ended_ns));
			launch(s, in);
		} else if (in->restart_at_ns - now < next) {
			next = in->restart_at_ns - now;
		}
	}
	return next;
}

struct dm_instance *dm_instance_find(struct dm_supervisor *s, const char *instance)
{
	for (unsigned i = 0; i < s->count; i++)
		if (s->inst[i].drv &&
		    !strncmp(s->inst[i].instance, instance, sizeof(s->inst[i].instance)))
			return &s->inst[i];
	return NULL;
}

int dm_hello(struct dm_supervisor *s, uint32_t pid, const struct atxf_driver_hello *h,
	     atxf_handle_t service)
{
	struct dm_instance *in = dm_instance_by_pid(s, pid);

	if (!in || h->generation != in->generation) {
		atxf_log("devmgr: HELLO from pid %u refused: %s\n", (unsigned)pid,
			 in ? "not the generation devmgr started" : "not a driver devmgr started");
		return -ATXF_EPERM;
	}
	atxf_log("devmgr: %s (%s) pid %u generation %u says hello: %s\n", in->drv->manifest.name,
		 in->instance, (unsigned)pid, (unsigned)h->generation,
		 h->status ? atxf_strerror(h->status) : "serving");
	if (h->status == 0)
		in->state = DM_RUNNING;
	in->pings_unanswered = 0;
	in->alive_ns = atxf_clock_ns();
	if (in->service >= 0)
		atxf_cap_drop(in->service);
	in->service = service;
	return 0;
}

/*
 * Ends a running driver: STOP first (the framework runs .remove and exits
 * 0), killing it only when it does not answer; dm_reap() sees it end.
 */
static int end_process(struct dm_instance *in)
{
	struct atxf_msg req, reply;

	memset(&req, 0, sizeof(req));
	req.type = ATXF_DRIVER_STOP;
	if (in->service >= 0 && atxf_call(in->service, &req, &reply, STOP_TIMEOUT_NS) == 0)
		return 0;
	return atxf_proc_kill(in->pid);
}

int dm_stop(struct dm_supervisor *s, struct dm_instance *in)
{
	(void)s;
	if (!in->pid) {
		if (in->state == DM_RESTARTING)
			in->state = DM_STOPPED;
		return in->state == DM_STOPPED ? 0 : -ATXF_EINVAL;
	}
	in->stop_wanted = 1;
	atxf_log("devmgr: stopping %s (%s) pid %u\n", in->drv->manifest.name, in->instance,
		 (unsigned)in->pid);
	return end_process(in);
}

int dm_restart(struct dm_supervisor *s, struct dm_instance *in)
{
	if (in->gone)
		return -ATXF_ENODEV;
	if (!in->pid)
		return dm_start(s, in);
	in->restart_wanted = 1;
	atxf_log("devmgr: restart of %s (%s) pid %u asked\n", in->drv->manifest.name,
		 in->instance, (unsigned)in->pid);
	return end_process(in);
}

void dm_instance_remove(struct dm_supervisor *s, struct dm_instance *in)
{
	in->gone = 1;
	in->dev = NULL;
	if (!in->pid) {
		free_instance(s, in);
		return;
	}
	in->stop_wanted = 1;
	atxf_log("devmgr: stopping %s (%s) pid %u: its device is being removed\n",
		 in->drv->manifest.name, in->instance, (unsigned)in->pid);
	if (end_process(in) < 0)
		atxf_proc_kill(in->pid);
}

/* As a crash would end it: supervision logs it and restarts it with backoff. */
int dm_kill(struct dm_supervisor *s, uint32_t pid)
{
	struct dm_instance *in = pid ? dm_instance_by_pid(s, pid) : NULL;

	if (!in)
		return -ATXF_ENOENT;
	atxf_log("devmgr: killing %s (%s) pid %u, as asked\n", in->drv->manifest.name,
		 in->instance, (unsigned)pid);
	return atxf_proc_kill(pid);
}

int dm_start(struct dm_supervisor *s, struct dm_instance *in)
{
	if (in->gone)
		return -ATXF_ENODEV;
	if (in->pid)
		return -ATXF_EBUSY;
	memset(&in->backoff, 0, sizeof(in->backoff));
	in->stop_wanted = 0;
	if (in->started_ns)
		in->generation++;
	launch(s, in);
	return in->pid ? 0 : -ATXF_EIO;
}
