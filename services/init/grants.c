/*
 * Capabilities for the programs init starts (grants.h, docs/boot.md):
 * each clause becomes one SYS_CAP_DERIVE from the root capability, with
 * the kind in the rights argument's bits 8..15; `root` passes init's own
 * root handle as it is (and is therefore never dropped); `bootfs` is a
 * read-only shared-memory grant of the boot archive (devmgr reads driver
 * manifests from it).
 */
#include <stdio.h>
#include <atxf/log.h>
#include <atxf/proc.h>
#include <atxf/port.h>
#include <atxf/sys.h>
#include "bootcap.h"
#include "grants.h"
#include "names.h"

#define PAGE 4096u

static atxf_handle_t share_archive(const struct archive *fs)
{
	uint64_t len = (fs->size + PAGE - 1) & ~(uint64_t)(PAGE - 1);

	if (!fs->data)
		return -ATXF_ENOENT;
	return (atxf_handle_t)atxf_shm_grant((void *)fs->data, len, names_client_handle(),
					     ATXF_RIGHT_READ);
}

static atxf_handle_t derive(const struct bootcap *cap, const struct archive *fs)
{
	if (cap->kind == ATXF_CAP_ROOT)
		return ATXF_HANDLE_INIT_ROOT;
	if (cap->kind == ATXF_CAP_SHM)
		return share_archive(fs);
	return atxf_cap_derive(ATXF_HANDLE_INIT_ROOT, cap->base, cap->size,
			       cap->rights | ATXF_DERIVE_KIND(cap->kind));
}

int grants_make(const struct bootcfg_directive *d, const struct archive *fs,
		atxf_handle_t *out, uint32_t *mem_mib)
{
	char why[BOOTCAP_WHY_MAX];
	struct bootcap cap;
	int made = 0;

	*mem_mib = 0;
	for (unsigned i = 0; i < d->ncaps; i++) {
		atxf_handle_t h = ATXF_HANDLE_NONE;

		if (bootcap_parse(d->caps[i], &cap, why, sizeof(why)) == 0) {
			if (cap.kind == BOOTCAP_MEM_LIMIT) {
				*mem_mib = (uint32_t)(cap.size >> 20);
				continue;
			}
			h = derive(&cap, fs);
			if (h < 0)
				snprintf(why, sizeof(why), "%s", atxf_strerror(h));
		}
		if (h < 0) {
			atxf_log("init: boot.cfg:%u: %s: %s; %s not started\n", d->line,
				 d->caps[i], why, d->argv[0]);
			grants_drop(out, (unsigned)made);
			return -1;
		}
		out[made++] = h;
	}
	return made;
}

void grants_drop(const atxf_handle_t *caps, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (caps[i] >= 0 && caps[i] != ATXF_HANDLE_INIT_ROOT)
			atxf_cap_drop(caps[i]);
}

int grants_root(const struct bootcfg_directive *d)
{
	char why[BOOTCAP_WHY_MAX];
	struct bootcap cap;

	for (unsigned i = 0; i < d->ncaps; i++)
		if (bootcap_parse(d->caps[i], &cap, why, sizeof(why)) == 0 &&
		    cap.kind == ATXF_CAP_ROOT)
			return 1;
	return 0;
}
