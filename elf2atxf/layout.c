/*
 * From ELF segments to the ATXF header (docs/atxf-format.md §3).
 *
 * Segments without PF_W are text, segments with PF_W are data. Text must
 * start at ATXF_LOAD_BASE, data must start on a page after all text, and an
 * address A then lives at file offset text_offset + (A - base). Gaps between
 * segments of one kind are zero-filled, so several ELF segments may share one
 * ATXF region.
 */
#include <stdlib.h>
#include "elf2atxf.h"

#define U32_LIMIT 0xffffffffull
#define MAX_EXTENSION_BYTES (64u * 1024)

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static int by_address(const void *a, const void *b)
{
	const struct segment *x = a, *y = b;

	return x->vaddr < y->vaddr ? -1 : x->vaddr > y->vaddr;
}

static int split_text_and_data(struct conversion *c)
{
	unsigned i;

	qsort(c->seg, c->nseg, sizeof(c->seg[0]), by_address);
	for (i = 1; i < c->nseg; i++)
		if (c->seg[i].vaddr < c->seg[i - 1].vaddr + c->seg[i - 1].memsz)
			return refuse(c, "corrupt file?", "segments %u and %u overlap in memory",
				      c->seg[i - 1].index, c->seg[i].index);
	for (c->ntext = 0; c->ntext < c->nseg; c->ntext++)
		if (c->seg[c->ntext].flags & PF_W)
			break;
	for (i = c->ntext; i < c->nseg; i++)
		if (!(c->seg[i].flags & PF_W))
			return refuse(c, "link with -T atxf.ld",
				      "read-only segment %u at %#llx follows writable data; ATXF puts all text before data",
				      c->seg[i].index, (unsigned long long)c->seg[i].vaddr);
	if (c->ntext == 0)
		return refuse(c, "link with -T atxf.ld", "no text: every loadable segment is writable");
	return 0;
}

static int plan_text(struct conversion *c, uint64_t *text_end)
{
	const struct segment *last = &c->seg[c->ntext - 1];
	uint64_t entry = c->ehdr.e_entry;

	if (c->seg[0].vaddr != ATXF_LOAD_BASE)
		return refuse(c, "link with -T atxf.ld (x86_64-atxf-gcc does)",
			      "text starts at %#llx, not at the ATXF load base %#x",
			      (unsigned long long)c->seg[0].vaddr, ATXF_LOAD_BASE);
	*text_end = last->vaddr + last->memsz;
	if (*text_end - ATXF_LOAD_BASE > U32_LIMIT)
		return refuse(c, NULL, "text is %llu bytes; the ATXF header's u32 text_size holds at most 4 GiB - 1",
			      (unsigned long long)(*text_end - ATXF_LOAD_BASE));
	if (entry < ATXF_LOAD_BASE || entry >= *text_end)
		return refuse(c, "wrong -e or entry symbol in data?",
			      "entry point %#llx is outside text [%#x, %#llx)",
			      (unsigned long long)entry, ATXF_LOAD_BASE, (unsigned long long)*text_end);
	c->hdr.text_size = (uint32_t)(*text_end - ATXF_LOAD_BASE);
	c->hdr.entry_offset = (uint32_t)(entry - ATXF_LOAD_BASE);
	return 0;
}

/* Data is the file-backed part of the writable segments; bss is what follows. */
static int plan_data(struct conversion *c, uint64_t text_end)
{
	const struct segment *first = &c->seg[c->ntext], *last = &c->seg[c->nseg - 1];
	uint64_t data_end, mem_end, data_offset;

	if (c->ntext == c->nseg) {
		c->data_addr = align_up(text_end, ATXF_PAGE_SIZE);
		c->hdr.data_size = c->hdr.bss_size = 0;
		c->hdr.data_offset = (uint32_t)(c->hdr.text_offset + (c->data_addr - ATXF_LOAD_BASE));
		return 0;
	}
	if (first->vaddr % ATXF_PAGE_SIZE)
		return refuse(c, "link with -T atxf.ld",
			      "data starts at %#llx, which is not page-aligned; the ATXF load rule needs 4096",
			      (unsigned long long)first->vaddr);
	c->data_addr = first->vaddr;
	data_end = last->vaddr + last->filesz;
	mem_end = last->vaddr + last->memsz;
	data_offset = c->hdr.text_offset + (c->data_addr - ATXF_LOAD_BASE);
	if (data_end - c->data_addr > U32_LIMIT)
		return refuse(c, NULL, "data is %llu bytes; the ATXF header's u32 data_size holds at most 4 GiB - 1",
			      (unsigned long long)(data_end - c->data_addr));
	if (mem_end - data_end > U32_LIMIT)
		return refuse(c, "a huge static array?", "bss is %llu bytes; the ATXF header's u32 bss_size holds at most 4 GiB - 1",
			      (unsigned long long)(mem_end - data_end));
	if (data_offset > U32_LIMIT)
		return refuse(c, "link with -T atxf.ld", "data at %#llx is too far from text for the u32 data_offset",
			      (unsigned long long)c->data_addr);
	c->hdr.data_offset = (uint32_t)data_offset;
	c->hdr.data_size = (uint32_t)(data_end - c->data_addr);
	c->hdr.bss_size = (uint32_t)(mem_end - data_end);
	return 0;
}

static int check_limits(struct conversion *c)
{
	uint64_t file_size = (uint64_t)c->hdr.data_offset + c->hdr.data_size;
	uint64_t span = c->data_addr - ATXF_LOAD_BASE + c->hdr.data_size + c->hdr.bss_size;

	if (file_size > ATXF_MAX_FILE_SIZE)
		return refuse(c, NULL, "the ATXF file would be %llu bytes; the limit is %u",
			      (unsigned long long)file_size, ATXF_MAX_FILE_SIZE);
	if (span > ATXF_MAX_IMAGE_SPAN)
		return refuse(c, "a huge static array?", "the program spans %llu bytes in memory; the ATXF limit is %u",
			      (unsigned long long)span, ATXF_MAX_IMAGE_SPAN);
	return 0;
}

int plan_layout(struct conversion *c)
{
	uint64_t ext_bytes = 0, text_end = 0;

	if (c->manifest)
		ext_bytes = ATXF_EXT_RECORD_SIZE + align_up(c->manifest_size, ATXF_EXT_ALIGN);
	if (ext_bytes > MAX_EXTENSION_BYTES)
		return refuse(c, NULL, "section .atxf.manifest is %zu bytes; extensions may take at most %u",
			      c->manifest_size, MAX_EXTENSION_BYTES);
	c->hdr.magic = ATXF_MAGIC;
	c->hdr.version = ATXF_VERSION;
	c->hdr.header_size = ATXF_HEADER_SIZE;
	c->hdr.text_offset = (uint32_t)align_up(ATXF_HEADER_SIZE + ext_bytes, ATXF_PAGE_SIZE);
	if (split_text_and_data(c) || plan_text(c, &text_end) || plan_data(c, text_end))
		return -1;
	return check_limits(c);
}
