/*
 * Death notices (docs/syscalls.md, SYS_PORT_WATCH and SYS_PROC_WATCH): a
 * process hears, as notification bits on a port of its own, that a port it
 * holds lost its receiver (the driver or server behind it ended, or closed
 * it), or that one of its children ended. Nobody needs to poll for either.
 *
 * A port watch is one record on two lists: the watched port's, which fires
 * and frees it when that port dies, and its owner's, which frees it when
 * the owner ends first. A process keeps at most WATCHES_MAX at a time. A
 * child watch is one port and a set of bits in the parent, and so is a
 * call watch in a server; a call received holds a reference to the
 * receiver's call watch until it ends (ipc/call.h). cap_lock guards
 * all of it; the child-ended notice is given with proc_lock held too (the
 * order is proc_lock, then cap_lock).
 */
#ifndef IPC_WATCH_H
#define IPC_WATCH_H

#include <stdint.h>
#include "lib/list.h"

#define WATCHES_MAX 64

struct port;
struct process;

struct port_watch {
	struct list_node on_port;
	struct list_node on_owner;
	struct process *owner;
	struct port *target;        /* holds a reference, without READ */
	uint64_t bits;
};

/* Notifies bits on target once watched dies (at once if it is dead now).
 * 0, -ATXF_EINVAL (no bits, or target is watched), -ATXF_ENOSPC. */
int watch_port_locked(struct process *owner, struct port *watched, struct port *target,
		      uint64_t bits);
/* Sets (bits != 0) or clears the owner's child watch. */
void watch_children_locked(struct process *owner, struct port *target, uint64_t bits);
/* Sets (bits != 0) or clears the owner's call watch (SYS_CALL_WATCH): a
 * call it received is given up by its caller before it was answered. */
void watch_calls_locked(struct process *owner, struct port *target, uint64_t bits);

/* port_die_locked: fire and free the port's watches. */
void watch_port_died_locked(struct port *p);
/* The owner is ending: free its watches and its child watch. */
void watch_owner_died_locked(struct process *p);
/* A child of parent became a zombie (proc_lock and cap_lock held). */
void watch_child_ended_locked(struct process *parent);

#endif
