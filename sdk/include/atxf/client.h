/*
 * Calls a client makes on a driver's port (one it looked up by instance
 * name, <atxf/name.h>), so no program builds these messages by hand. The
 * messages are those of <atxf/proto/...>; docs/protocols.md.
 *
 * This header is also the umbrella of the class client libraries
 * (<atxf/client/block.h>, char.h, input.h, net.h, display.h, rng.h), which
 * survive the driver's restarts (docs/protocols.md §11); the single calls
 * below do not.
 */
#ifndef ATXF_CLIENT_H
#define ATXF_CLIENT_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/cap.h>

/*
 * Subscribes port (one the caller holds) to the device's events: sends
 * subscribe_type (ATXF_INPUT_SUBSCRIBE, ATXF_CHAR_SUBSCRIBE, ...) with a
 * send-only right to port. The events then arrive on port. Returns 0 or
 * the call's or the driver's negative ATXF_E* code.
 */
int atxf_subscribe(atxf_handle_t dev, uint32_t subscribe_type, atxf_handle_t port,
		   uint64_t timeout_ns);
/* The same with len bytes of data before the right (net's ring geometry). */
int atxf_subscribe_data(atxf_handle_t dev, uint32_t subscribe_type, atxf_handle_t port,
			const void *data, size_t len, uint64_t timeout_ns);

/*
 * One character-protocol WRITE of up to ATXF_CHAR_WRITE_MAX bytes of buf
 * (more are not sent): returns how many the device accepted, 0 when its
 * transmit queue is full (send them again later), or a negative ATXF_E*.
 */
int atxf_char_write(atxf_handle_t dev, const void *buf, size_t len, uint64_t timeout_ns);

/*
 * The instance name ("DRIVER.DEVICE") of the first running instance of the
 * driver whose manifest is named driver, waiting until timeout_ns has
 * passed (devmgr holds the request and answers when one runs: DRIVER_WAIT):
 * 0, -ATXF_ENOENT when none ran by then, -ATXF_ERANGE when size is too
 * small, -ATXF_EINVAL for a name no manifest can have, or the lookup of
 * devmgr's own name failing.
 */
int atxf_driver_find(const char *driver, char *instance, size_t size, uint64_t timeout_ns);
/* The same, then the instance's port from the name service: a send handle. */
atxf_handle_t atxf_driver_open(const char *driver, uint64_t timeout_ns);

/*
 * One random-number-protocol READ of up to ATXF_RNG_READ_MAX bytes into
 * buf: how many bytes came (0 when the device had none ready), or a
 * negative ATXF_E* code.
 */
int atxf_rng_read(atxf_handle_t dev, void *buf, size_t len, uint64_t timeout_ns);

#include <atxf/client/block.h>
#include <atxf/client/block_queue.h>
#include <atxf/client/char.h>
#include <atxf/client/display.h>
#include <atxf/client/input.h>
#include <atxf/client/net.h>
#include <atxf/client/rng.h>

#endif
