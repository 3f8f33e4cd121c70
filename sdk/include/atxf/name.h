/*
 * The name service: processes register a port under a name ("uart16550.com1",
 * "devmgr", "console") and others look it up. The protocol is in
 * <atxf/proto/name.h>; these are its client calls.
 */
#ifndef ATXF_NAME_H
#define ATXF_NAME_H

#include <stdint.h>
#include <atxf/cap.h>

/*
 * Including the NUL. Long enough for a USB function's instance name
 * ("usb-storage.00-04.0/usb1-2.3.1-1.0"); a name-service request carries
 * a name after at most 8 bytes of header, within ATXF_MSG_DATA_MAX.
 */
#define ATXF_NAME_MAX 64

/*
 * Publishes a send-only right to port (a PORT handle the caller holds) under
 * name. -ATXF_EINVAL for a name the service would refuse (see
 * <atxf/proto/name.h>), -ATXF_EEXIST while a live process holds the name,
 * -ATXF_EPERM for an instance name ("DRIVER.DEVICE": devmgr's to give).
 */
int atxf_name_register(const char *name, atxf_handle_t port);
/*
 * Returns a send handle for the name's port, or a negative ATXF_E* code.
 * While the name is missing the service holds the request (LOOKUP_WAIT) until
 * timeout_ns has passed (0: ask once), so a driver can wait for a service
 * that is still starting: -ATXF_ENOENT means still missing at the deadline;
 * other errors (the service itself not answering) end the wait at once.
 */
atxf_handle_t atxf_name_lookup(const char *name, uint64_t timeout_ns);
/*
 * For a naming authority (devmgr): publishes a send-only right to port
 * under an instance name ("DRIVER.DEVICE") for the process owner, which
 * may then drop it like its own. -ATXF_EPERM unless the service counts the
 * caller as an authority, -ATXF_EINVAL for a name without a '.'.
 */
int atxf_name_register_for(const char *name, atxf_handle_t port, uint32_t owner);
/* Removes a name the caller registered, or one registered for it
 * (-ATXF_EPERM for anyone else's). */
int atxf_name_unregister(const char *name);

#endif
