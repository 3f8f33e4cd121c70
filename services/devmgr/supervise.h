/*
 * Driver instances: one per (driver, matched device). devmgr starts each
 * with its planned capabilities, notes its HELLO, restarts it with backoff
 * when it ends, and gives up after repeated fast failures.
 */
#ifndef DEVMGR_SUPERVISE_H
#define DEVMGR_SUPERVISE_H

#include <atxf/cap.h>
#include <atxf/proto/driver.h>
#include "backoff.h"
#include "device.h"
#include "drivers.h"
#include "events.h"
#include "match.h"

#define DM_INSTANCES_MAX 32

enum dm_state {
	DM_STARTING = 1,        /* spawned; no HELLO yet */
	DM_RUNNING = 2,         /* said HELLO with status 0 */
	DM_RESTARTING = 3,      /* ended; waiting out its backoff */
	DM_STOPPED = 4,         /* stopped on request; starts again only on request */
	DM_FAILED = 5,          /* given up after repeated fast failures */
	DM_GONE = 6,            /* its node was removed: the slot is freed once it ends */
};

struct dm_instance {
	const struct dm_driver *drv;    /* NULL: a free slot */
	const struct dm_device *dev;    /* NULL once its node is removed */
	struct dm_plan plan;
	char instance[ATXF_DRIVER_INSTANCE_MAX];  /* argv[1], its name-service name */
	uint32_t pid;           /* 0 while not running */
	uint32_t generation;    /* argv[2]: 0, then +1 per start */
	uint32_t restarts;
	uint8_t state;          /* enum dm_state */
	uint8_t stop_wanted;    /* ended because devmgr asked: do not restart */
	uint8_t restart_wanted; /* ended because a restart was asked: at once, no backoff */
	uint8_t gone;           /* its node is removed: free the slot when it ends */
	uint64_t started_ns;
	uint64_t ended_ns;      /* when its last process ended */
	uint64_t restart_at_ns; /* DM_RESTARTING: when */
	struct dm_backoff backoff;
	atxf_handle_t service;  /* from HELLO: send right to its service port */
	char disk[16];          /* a disk driver's disk name ("vblk0", disks.c), kept across restarts */
	uint8_t pings_unanswered;   /* heartbeat PINGs sent since its last ALIVE */
	uint64_t alive_ns;      /* when it last answered (or said HELLO) */
	struct {                /* what the event stream last said of it */
		uint8_t state;
		uint32_t pid, generation;
	} posted;
};

struct dm_supervisor {
	atxf_handle_t root;     /* to derive the grants and to spawn */
	atxf_handle_t parent;   /* send right to devmgr's port: each driver's handle 0 */
	atxf_handle_t names;    /* the name service, or ATXF_HANDLE_NONE */
	struct dm_instance inst[DM_INSTANCES_MAX];
	unsigned count;
	uint64_t heartbeat_ns;  /* when the next round of heartbeat PINGs is due */
	struct dm_events events;
};

/* Adds and starts an instance of drv on dev with plan; logs what happens.
 * Slots of instances whose node went are used again. */
void dm_instance_add(struct dm_supervisor *s, const struct dm_driver *drv,
		     const struct dm_device *dev, const struct dm_plan *plan);
/* Posts a DRIVER event for each instance whose state, pid or generation
 * changed since the last call (events.h). */
void dm_post_driver_events(struct dm_supervisor *s);
/* Collects ended drivers and schedules their restarts (never blocks). */
void dm_reap(struct dm_supervisor *s);
/* Starts those whose backoff has passed; returns ns until the next is due. */
uint64_t dm_restart_due(struct dm_supervisor *s);
/* A HELLO from pid: the status to reply with. */
int dm_hello(struct dm_supervisor *s, uint32_t pid, const struct atxf_driver_hello *h,
	     atxf_handle_t service);
/* Requests: stop (kills it, no restart), start (a stopped or failed one), restart. */
int dm_stop(struct dm_supervisor *s, struct dm_instance *in);
int dm_start(struct dm_supervisor *s, struct dm_instance *in);
int dm_restart(struct dm_supervisor *s, struct dm_instance *in);
/* Its node is going: stops it (STOP, else a kill) for good; its slot is
 * freed now if it is not running, else once dm_reap() sees it end. */
void dm_instance_remove(struct dm_supervisor *s, struct dm_instance *in);
/* KILL: ends a running driver by pid as a crash would; -ATXF_ENOENT if none. */
int dm_kill(struct dm_supervisor *s, uint32_t pid);
struct dm_instance *dm_instance_find(struct dm_supervisor *s, const char *instance);
struct dm_instance *dm_instance_by_pid(struct dm_supervisor *s, uint32_t pid);
/*
 * The heartbeat (heartbeat.c, <atxf/proto/driver.h>): a PING to every
 * running driver each ATXF_DRIVER_HEARTBEAT_NS, and a kill for one that
 * left ATXF_DRIVER_HEARTBEAT_MISSES in a row unanswered. Returns ns until
 * the next round. dm_alive() notes pid's ALIVE.
 */
uint64_t dm_heartbeat(struct dm_supervisor *s);
void dm_alive(struct dm_supervisor *s, uint32_t pid);
const char *dm_state_name(unsigned state);
/* Instances in use; the one at index i of them (DRIVER's index), or NULL. */
unsigned dm_instance_count(const struct dm_supervisor *s);
struct dm_instance *dm_instance_at(struct dm_supervisor *s, unsigned i);
unsigned dm_instance_index(const struct dm_supervisor *s, const struct dm_instance *in);

#endif
