/*
 * Recording callbacks for the driver framework's dispatch tests: for each
 * device class, a driver of it with every callback (full_ops[class]) and
 * one with none (bare_ops[class]). Each
 * callback notes that it ran and with what, and returns cb_ret.
 */
#ifndef TEST_DRIVER_RECORD_H
#define TEST_DRIVER_RECORD_H

#include <stdint.h>
#include <atxf/driver.h>
#include "test_driver_util.h"

enum cb {
	CB_NONE, CB_BLOCK_READ, CB_BLOCK_WRITE, CB_BLOCK_FLUSH, CB_CHAR_WRITE,
	CB_CHAR_CONFIGURE, CB_INPUT_LEDS, CB_NET_SEND, CB_NET_PROMISC,
	CB_DISPLAY_FLUSH, CB_DISPLAY_MODE, CB_RNG_READ, CB_REMOVE, CB_OTHER,
	CB_DISPLAY_CURSOR, CB_DISPLAY_MOVE,
};
extern const char *const cb_name[];

struct record {
	int which;                  /* enum cb: the last callback that ran */
	unsigned calls;
	uint64_t a, b, c, d;        /* its arguments, in the order it takes them */
	const void *ptr;            /* its buffer */
};
extern struct record rec;
extern int cb_ret;              /* what every callback returns (rng.read: bytes made) */

extern const struct atxf_driver full_ops[ATXF_CLASS_COUNT];
extern const struct atxf_driver bare_ops[ATXF_CLASS_COUNT];

/* How a case's device is set up before its request. */
enum {
	S_ATTACH = 1 << 0,      /* the client attached a 64 KiB buffer first */
	S_SMALLBUF = 1 << 1,    /* .. a 4 KiB one */
	S_BARE = 1 << 2,        /* the driver has no callbacks at all */
	S_RO = 1 << 3,          /* block: read-only */
	S_NOMEDIUM = 1 << 4,    /* block: sector_size 0 */
	S_DEVMGR = 1 << 5,      /* devmgr is known (HELLO answered) */
	S_FROM_DEVMGR = 1 << 6, /* the request comes from devmgr, not the client */
	S_CAP_SHM = 1 << 7,     /* the request carries a shared-memory handle */
	S_CAP_PORT = 1 << 8,    /* .. a port */
	S_SURFACE = 1 << 9,     /* display: the driver mapped its screen */
};

/* The device facts a probe would fill in: 512 x 1000 disk (64 max), mtu 1500 NIC, 64x32 screen. */
void set_info(struct tdev *t, unsigned flags);

/* No callback recorded; callbacks return 0; fresh IPC doubles and fake hardware. */
int fresh(void **state);

#endif
