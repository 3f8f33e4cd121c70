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
#include <atxf/stdin.h>
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

/* The pages that hold the member, read-only, and where in them it is:
 * no copy, so the neighbouring bytes of the archive (read-only, as every
 * member is to devmgr) are in the same pages. */
static atxf_handle_t share_member(const struct bootcap *cap, const struct archive *fs,
				  unsigned slot, char *env, size_t env_size)
{
	uint64_t size, start, end;
	const char *data = fs->data ? archive_member(fs, cap->member, &size) : NULL;
	atxf_handle_t h;

	if (!data)
		return -ATXF_ENOENT;
	start = (uintptr_t)data & ~(uint64_t)(PAGE - 1);
	end = ((uintptr_t)data + size + PAGE - 1) & ~(uint64_t)(PAGE - 1);
	if (end - start > ATXF_STDIN_MAX)
		return -ATXF_ERANGE;
	if (end == start)
		end = start + PAGE;
	h = (atxf_handle_t)atxf_shm_grant((void *)(uintptr_t)start, end - start,
					  names_client_handle(), ATXF_RIGHT_READ);
	if (h >= 0)
		snprintf(env, env_size, "%s=%u:%llu:%llu", ATXF_STDIN_ENV,
			 ATXF_HANDLE_FIRST_EXTRA + slot,
			 (unsigned long long)((uintptr_t)data - start), (unsigned long long)size);
	return h;
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
		atxf_handle_t *out, struct grants_extra *x)
{
	char why[BOOTCAP_WHY_MAX];
	struct bootcap cap;
	int made = 0;

	*x = (struct grants_extra){ 0 };
	for (unsigned i = 0; i < d->ncaps; i++) {
		atxf_handle_t h = ATXF_HANDLE_NONE;

		if (bootcap_parse(d->caps[i], &cap, why, sizeof(why)) == 0) {
			if (cap.kind == BOOTCAP_MEM_LIMIT) {
				x->mem_mib = (uint32_t)(cap.size >> 20);
				continue;
			}
			if (cap.kind == BOOTCAP_STDIN && x->stdin_env[0])
				h = -ATXF_EEXIST;
			else if (cap.kind == BOOTCAP_STDIN)
				h = share_member(&cap, fs, (unsigned)made, x->stdin_env,
						 sizeof(x->stdin_env));
			else
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
