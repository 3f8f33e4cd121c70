/*
 * libFuzzer target: a boot archive as the kernel and devmgr read it. The
 * input is a ustar archive; every member is walked with the shared ustar
 * reader, every member named *.atxf goes through the ATXF reader, and a
 * manifest extension through the manifest decoder. Invariants: every member
 * lies inside the archive, and every decoded manifest re-encodes unchanged.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <atxf/manifest.h>
#include <atxf/reader.h>
#include <atxf/ustar.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_manifest(const struct atxf_image *img)
{
	struct atxf_manifest m;
	uint8_t again[sizeof(m)];
	struct atxf_ext ext;

	if (atxf_ext_find(img, ATXF_EXT_MANIFEST, &ext) != 1)
		return;
	if (atxf_manifest_decode(ext.data, ext.size, &m, NULL) != 0)
		return;
	if (atxf_manifest_encode(&m, again, sizeof(again), NULL) != (int)sizeof(m) ||
	    memcmp(again, ext.data, sizeof(m)) != 0)
		abort();
}

static void check_member(const struct atxf_ustar_entry *e)
{
	struct atxf_image img;
	size_t len = strlen(e->name);

	if (len < 5 || strcmp(e->name + len - 5, ".atxf") != 0)
		return;
	if (atxf_read(e->data, e->size, &img, NULL) == ATXF_FMT_OK &&
	    atxf_ext_validate(&img, NULL) == ATXF_FMT_OK)
		check_manifest(&img);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct atxf_ustar_entry e;
	uint64_t cursor = 0;

	while (atxf_ustar_next(data, size, &cursor, &e) == ATXF_USTAR_ENTRY) {
		if (e.data < data || e.data + e.size > data + size || cursor > size + 512)
			abort();
		check_member(&e);
	}
	return 0;
}
