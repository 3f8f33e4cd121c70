/*
 * Matching driver manifests to devices, and planning the capabilities a
 * matched driver gets (rule 7: exactly what its manifest asks for and its
 * device owns). Pure code, no system calls: the host tests drive it with
 * tables of cases (tests/unit/test_devmgr_match.c).
 */
#ifndef DEVMGR_MATCH_H
#define DEVMGR_MATCH_H

#include <stddef.h>
#include <stdint.h>
#include <atxf/manifest.h>
#include "device.h"

#define DM_WHY_MAX 96

/* One capability to derive from ROOT: SYS_CAP_DERIVE(root, base, size,
 * rights | ATXF_DERIVE_KIND(kind)). */
struct dm_grant {
	uint32_t kind;          /* ATXF_CAP_* */
	uint32_t rights;        /* ATXF_RIGHT_READ/WRITE; never GRANT */
	uint64_t base;
	uint64_t size;
};
/* A PORT grant is the only kind not derived from ROOT: it is a send right
 * to the port the node's parent driver offered (ATXF_RES_PARENT). */

struct dm_plan {
	struct dm_grant grant[ATXF_MANIFEST_RESOURCES];  /* in manifest order */
	unsigned count;
};

/* 1 if one of the manifest's match entries names the device, else 0. */
int dm_match(const struct atxf_manifest *m, const struct dm_device *d);

/*
 * Plans the capabilities for manifest m on device d, one per resource, in
 * the manifest's order (the driver finds them from ATXF_HANDLE_FIRST_EXTRA
 * on). Returns 0, or -1 with why = "RESOURCE: REASON" for the first
 * resource the device does not own; then nothing is to be granted.
 */
int dm_plan(const struct atxf_manifest *m, const struct dm_device *d, struct dm_plan *out,
	    char *why, size_t why_size);

#endif
