/*
 * Child devices, for bus drivers (docs/devmgr.md, "Children and
 * hot-plug"): a driver that finds devices behind its own (USB functions
 * behind a host controller, ports behind AHCI, partitions on a disk) adds
 * each as a node under its own node in devmgr's tree, with properties that
 * driver manifests match ("interface=0x08", ATXF_MATCH_PROP). devmgr starts
 * the matching drivers at once, and stops them and their own children when
 * the node is removed or when this driver ends.
 *
 * The port given at add time is what the child's driver receives as its
 * ATXF_RESOURCE_PARENT(): a send right to talk to this driver (say, to
 * reach its device through the bus). devmgr refuses a node under any node
 * but the caller's own, and the removal of a node the caller did not add.
 *
 * These calls go to devmgr on handle ATXF_HANDLE_PARENT; they work from a
 * driver devmgr started, in probe or at any time after.
 */
#ifndef ATXF_DRIVER_CHILDREN_H
#define ATXF_DRIVER_CHILDREN_H

#include <stdint.h>
#include <atxf/cap.h>
#include <atxf/proto/devmgr.h>

/* How long a child call waits for devmgr: a removal stops drivers first. */
#define ATXF_CHILD_CALL_NS 5000000000ull

/*
 * Adds a child under the caller's node. props is a NULL-terminated list of
 * "key=value" strings, one of them name=NAME (the node's path is then
 * OWN-PATH/NAME); they travel in one message, so together they take at
 * most ATXF_MSG_DATA_MAX - 4 bytes with their NULs. port: a port the
 * caller holds, or ATXF_HANDLE_NONE to offer none (a send right to it is
 * sent; the caller keeps its handle). Returns the node's id (> 0), or
 * -ATXF_EINVAL (bad properties: devmgr logs which), -ATXF_EEXIST (that
 * path exists), -ATXF_EPERM (not a driver devmgr started), -ATXF_ENOSPC.
 */
long atxf_child_add(const char *const *props, atxf_handle_t port);
/* The same under node parent: devmgr refuses any but the caller's own
 * (-ATXF_EPERM); for tests of that refusal, and for a driver that names
 * its node by id. */
long atxf_child_add_under(uint32_t parent, const char *const *props, atxf_handle_t port);
/* Removes a child the caller added, and its subtree: 0, -ATXF_ENOENT,
 * -ATXF_EPERM (not one the caller added). */
int atxf_child_remove(uint32_t node);

#endif
