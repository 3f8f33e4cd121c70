/* atxfdump's human-readable output. */
#include "atxfdump.h"

const char *ext_name(uint32_t tag)
{
	return tag == ATXF_EXT_MANIFEST ? "manifest" : "unknown";
}

static void print_header(FILE *out, const struct atxf_header *h)
{
	fprintf(out, "header:\n");
	fprintf(out, "  magic         %#010x \"ATXF\"\n", h->magic);
	fprintf(out, "  version       %u\n", h->version);
	fprintf(out, "  header_size   %u\n", h->header_size);
	fprintf(out, "  entry_offset  %#x\n", h->entry_offset);
	fprintf(out, "  text_offset   %#x\n", h->text_offset);
	fprintf(out, "  text_size     %#x\n", h->text_size);
	fprintf(out, "  data_offset   %#x\n", h->data_offset);
	fprintf(out, "  data_size     %#x\n", h->data_size);
	fprintf(out, "  bss_size      %#x\n", h->bss_size);
}

static void print_layout(FILE *out, const struct atxf_image *img)
{
	const struct atxf_header *h = &img->hdr;

	fprintf(out, "layout:\n");
	fprintf(out, "  region  file offset  address             size        perm\n");
	fprintf(out, "  text    %#-11x  %#018llx  %#-10x  r-x\n", h->text_offset,
		(unsigned long long)img->text_addr, h->text_size);
	fprintf(out, "  data    %#-11x  %#018llx  %#-10x  rw-\n", h->data_offset,
		(unsigned long long)img->data_addr, h->data_size);
	fprintf(out, "  bss     -            %#018llx  %#-10x  rw-\n",
		(unsigned long long)img->bss_addr, h->bss_size);
	fprintf(out, "  entry   %#llx\n", (unsigned long long)img->entry_addr);
}

static void print_extensions(FILE *out, const struct atxf_image *img)
{
	uint64_t cursor = 0;
	struct atxf_ext ext;
	int any = 0;

	while (atxf_ext_next(img, &cursor, &ext) > 0) {
		if (!any)
			fprintf(out, "extensions:\n");
		any = 1;
		fprintf(out, "  %s (tag %#010x, %u bytes at file offset %#llx)\n", ext_name(ext.tag),
			ext.tag, ext.size, (unsigned long long)ext.offset);
		if (ext.tag == ATXF_EXT_MANIFEST)
			dump_manifest_text(out, &ext);
	}
	if (!any)
		fprintf(out, "extensions: none\n");
}

void dump_text(FILE *out, const char *path, const struct atxf_image *img)
{
	fprintf(out, "%s: ATXF v%u, valid\n", path, img->hdr.version);
	print_header(out, &img->hdr);
	print_layout(out, img);
	print_extensions(out, img);
}
