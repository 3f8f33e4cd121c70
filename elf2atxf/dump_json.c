/* atxfdump --json: one JSON object per file, for scripts and tests. */
#include "atxfdump.h"

void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

static void json_header(FILE *out, const struct atxf_header *h)
{
	fprintf(out, "\"header\":{\"magic\":%u,\"version\":%u,\"header_size\":%u,"
		"\"entry_offset\":%u,\"text_offset\":%u,\"text_size\":%u,"
		"\"data_offset\":%u,\"data_size\":%u,\"bss_size\":%u}",
		h->magic, h->version, h->header_size, h->entry_offset, h->text_offset,
		h->text_size, h->data_offset, h->data_size, h->bss_size);
}

static void json_region(FILE *out, const char *name, long long off, uint64_t addr,
			uint32_t size, const char *perm)
{
	fprintf(out, "{\"region\":\"%s\",\"file_offset\":%lld,\"address\":%llu,\"size\":%u,\"perm\":\"%s\"}",
		name, off, (unsigned long long)addr, size, perm);
}

static void json_layout(FILE *out, const struct atxf_image *img)
{
	fprintf(out, "\"entry\":%llu,\"layout\":[", (unsigned long long)img->entry_addr);
	json_region(out, "text", img->hdr.text_offset, img->text_addr, img->hdr.text_size, "r-x");
	fputc(',', out);
	json_region(out, "data", img->hdr.data_offset, img->data_addr, img->hdr.data_size, "rw-");
	fputc(',', out);
	json_region(out, "bss", -1, img->bss_addr, img->hdr.bss_size, "rw-");
	fputc(']', out);
}

static void json_extensions(FILE *out, const struct atxf_image *img)
{
	uint64_t cursor = 0;
	struct atxf_ext ext;
	const char *sep = "";

	fprintf(out, "\"extensions\":[");
	while (atxf_ext_next(img, &cursor, &ext) > 0) {
		fprintf(out, "%s{\"name\":\"%s\",\"tag\":%u,\"size\":%u,\"file_offset\":%llu", sep,
			ext_name(ext.tag), ext.tag, ext.size, (unsigned long long)ext.offset);
		if (ext.tag == ATXF_EXT_MANIFEST) {
			fprintf(out, ",\"manifest\":");
			dump_manifest_json(out, &ext);
		}
		fputc('}', out);
		sep = ",";
	}
	fputc(']', out);
}

void dump_json(FILE *out, const char *path, const struct atxf_image *img)
{
	fprintf(out, "{\"file\":");
	json_string(out, path);
	fprintf(out, ",\"valid\":true,");
	json_header(out, &img->hdr);
	fputc(',', out);
	json_layout(out, img);
	fputc(',', out);
	json_extensions(out, img);
	fprintf(out, "}\n");
}

void dump_json_error(FILE *out, const char *path, const struct atxf_fmt_diag *d)
{
	fprintf(out, "{\"file\":");
	json_string(out, path);
	fprintf(out, ",\"valid\":false,\"error\":");
	json_string(out, atxf_fmt_strerror(d->error));
	fprintf(out, ",\"field\":");
	json_string(out, d->field ? d->field : "");
	fprintf(out, ",\"value\":%llu,\"limit\":%llu}\n", (unsigned long long)d->value,
		(unsigned long long)d->limit);
}
