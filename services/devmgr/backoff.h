/*
 * When to restart a driver that ended, and when to give up on it: devmgr
 * restarts with backoff and gives up after repeated fast failures. Pure
 * arithmetic on nanosecond times, host-tested (test_devmgr_backoff.c).
 */
#ifndef DEVMGR_BACKOFF_H
#define DEVMGR_BACKOFF_H

#include <stdint.h>

#define DM_BACKOFF_FIRST_NS  50000000ull      /* 50 ms before the first restart */
#define DM_BACKOFF_MAX_NS    1600000000ull    /* doubling stops here */
#define DM_FAIL_LIMIT        5                /* this many endings ... */
#define DM_FAIL_WINDOW_NS    5000000000ull    /* ... within 5 s: give up */

struct dm_backoff {
	uint64_t delay_ns;                  /* before the next restart; 0: first */
	uint64_t ends[DM_FAIL_LIMIT];       /* when it last ended, a ring */
	unsigned next;                      /* ring slot for the next ending */
	unsigned count;                     /* endings recorded, up to DM_FAIL_LIMIT */
};

/*
 * A driver started at started_ns ended at now_ns. Returns the delay before
 * restarting it, or -1 when it ended DM_FAIL_LIMIT times within
 * DM_FAIL_WINDOW_NS (give up). A run longer than the window starts the
 * backoff afresh: the driver had been healthy.
 */
int64_t dm_backoff_ended(struct dm_backoff *b, uint64_t started_ns, uint64_t now_ns);

#endif
