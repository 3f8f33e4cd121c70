/*
 * Helpers shared by the driver framework's host tests: a device of a given
 * class built the way atxf_driver_run builds one (without the loop), and
 * the named-case report the tables print ("OK" or "FAIL" with why).
 */
#ifndef TEST_DRIVER_UTIL_H
#define TEST_DRIVER_UTIL_H

#include <stdint.h>
#include <atxf/driver.h>
#include "core.h"

#define TDEV_CLIENT  7      /* the pid of the client in the tests */
#define TDEV_DEVMGR  3      /* the pid of devmgr */

struct tdev {
	struct atxf_device dev;
	struct atxf_driver_core core;
	struct atxf_manifest manifest;
};

/* A device of class cls served by ops, with a manifest named "tdev". */
void tdev_init(struct tdev *t, unsigned cls, const struct atxf_driver *ops);

/* Sends a request of type from pid through atxf_driver_dispatch. */
int tdev_request(struct tdev *t, uint32_t type, uint32_t pid, const void *data,
		 uint32_t len, struct atxf_msg *reply);

/* ATTACH_BUFFER of size bytes for pid (protocol by class): the buffer, or NULL. */
void *tdev_attach(struct tdev *t, uint32_t pid, size_t size);
/* The same for any device (an added one, say). */
void *tdev_attach_to(struct atxf_device *dev, uint32_t pid, size_t size);

/* SUBSCRIBE pid with a new port and the given payload: the port handle. */
atxf_handle_t tdev_subscribe(struct tdev *t, uint32_t pid, uint32_t type,
			     const void *data, uint32_t len);

/* Prints one case's verdict; counts failures in *failed. */
void tcase_report(const char *name, int ok, const char *why, unsigned *failed);

#endif
