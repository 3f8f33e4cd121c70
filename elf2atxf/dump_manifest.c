/*
 * atxfdump: the driver manifest extension, decoded and checked by the shared
 * code in sdk/format/manifest.c, printed as text or JSON.
 */
#include <atxf/manifest.h>
#include "atxfdump.h"

static const char *rights_text(unsigned r)
{
	static char buf[4];

	buf[0] = r & ATXF_RIGHT_READ ? 'r' : '-';
	buf[1] = r & ATXF_RIGHT_WRITE ? 'w' : '-';
	buf[2] = r & ATXF_RIGHT_GRANT ? 'g' : '-';
	buf[3] = 0;
	return buf;
}

static void text_match(FILE *out, const struct atxf_match *m)
{
	fprintf(out, "    match     %-10s", atxf_match_kind_name(m->kind));
	if (m->kind == ATXF_MATCH_PCI_ID)
		fprintf(out, " vendor %04x device %04x\n", m->vendor, m->device);
	else if (m->kind == ATXF_MATCH_PCI_CLASS)
		fprintf(out, " class %02x subclass %02x prog-if %02x\n", m->class_code,
			m->subclass, m->prog_if);
	else if (m->kind == ATXF_MATCH_PROPERTY)
		fprintf(out, " %s%s\n", m->prop, m->flags & ATXF_MATCH_F_AND ? " and" : "");
	else
		fprintf(out, " %s\n", m->legacy);
}

static void text_resource(FILE *out, const struct atxf_resource *r)
{
	fprintf(out, "    resource  %-10s %s", atxf_resource_kind_name(r->kind), rights_text(r->rights));
	if (r->kind == ATXF_RES_IOPORT)
		fprintf(out, " ports %#llx-%#llx", (unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
	else if (r->kind == ATXF_RES_IRQ)
		fprintf(out, " line %llu", (unsigned long long)r->base);
	else if (r->kind == ATXF_RES_PCI_BAR)
		fprintf(out, " bar %u%s", r->index,
			r->base & ATXF_BAR_F_WRITE_COMBINING ? " write-combining" : "");
	else if (r->kind == ATXF_RES_DMA || r->kind == ATXF_RES_MMIO)
		fprintf(out, " base %#llx size %#llx", (unsigned long long)r->base,
			(unsigned long long)r->size);
	fputc('\n', out);
}

const char *manifest_problem(const struct atxf_image *img)
{
	struct atxf_manifest m;
	struct atxf_ext ext;
	const char *why = NULL;

	if (atxf_ext_find(img, ATXF_EXT_MANIFEST, &ext) == 1)
		atxf_manifest_decode(ext.data, ext.size, &m, &why);
	return why;
}

void dump_manifest_text(FILE *out, const struct atxf_ext *ext)
{
	struct atxf_manifest m;
	unsigned i;

	atxf_manifest_decode(ext->data, ext->size, &m, NULL);
	fprintf(out, "    driver    %s\n    class     %s\n", m.name, atxf_device_class_name(m.device_class));
	for (i = 0; i < ATXF_MANIFEST_MATCHES; i++)
		if (m.match[i].kind)
			text_match(out, &m.match[i]);
	for (i = 0; i < ATXF_MANIFEST_RESOURCES; i++)
		if (m.resources[i].kind)
			text_resource(out, &m.resources[i]);
}

static void json_match(FILE *out, const struct atxf_match *m)
{
	/* The fields share storage with a property match's: zero for it. */
	struct atxf_match ids = m->kind == ATXF_MATCH_PROPERTY ? (struct atxf_match){ 0 } : *m;
	int prop = m->kind == ATXF_MATCH_PROPERTY;

	fprintf(out, "{\"kind\":\"%s\",\"vendor\":%u,\"device\":%u,\"class\":%u,\"subclass\":%u,"
		"\"prog_if\":%u,\"legacy\":", atxf_match_kind_name(m->kind), ids.vendor, ids.device,
		ids.class_code, ids.subclass, ids.prog_if);
	json_string(out, m->kind == ATXF_MATCH_LEGACY ? m->legacy : "");
	fputs(",\"property\":", out);
	json_string(out, prop ? m->prop : "");
	fprintf(out, ",\"and_next\":%s}", prop && (m->flags & ATXF_MATCH_F_AND) ? "true" : "false");
}

static void json_resource(FILE *out, const struct atxf_resource *r)
{
	fprintf(out, "{\"kind\":\"%s\",\"rights\":\"%s\",\"index\":%u,\"base\":%llu,\"size\":%llu}",
		atxf_resource_kind_name(r->kind), rights_text(r->rights), r->index,
		(unsigned long long)r->base, (unsigned long long)r->size);
}

void dump_manifest_json(FILE *out, const struct atxf_ext *ext)
{
	struct atxf_manifest m;
	const char *sep = "";
	unsigned i;

	atxf_manifest_decode(ext->data, ext->size, &m, NULL);
	fprintf(out, "{\"name\":");
	json_string(out, m.name);
	fprintf(out, ",\"class\":\"%s\",\"matches\":[", atxf_device_class_name(m.device_class));
	for (i = 0; i < ATXF_MANIFEST_MATCHES; i++)
		if (m.match[i].kind) {
			fputs(sep, out);
			json_match(out, &m.match[i]);
			sep = ",";
		}
	fprintf(out, "],\"resources\":[");
	for (sep = "", i = 0; i < ATXF_MANIFEST_RESOURCES; i++)
		if (m.resources[i].kind) {
			fputs(sep, out);
			json_resource(out, &m.resources[i]);
			sep = ",";
		}
	fprintf(out, "]}");
}
