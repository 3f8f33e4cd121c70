/*
 * The host bridge's _PRT (prt.h). ACPI 6.5 §6.2.13: each entry is
 * Package { Address (slot << 16 | 0xFFFF), Pin (0 = INTA#), Source,
 * Source Index }. Source 0 means Source Index is the GSI; else it names a
 * link device whose current resources (_CRS) say the interrupt.
 *
 * devmgr does not run AML. QEMU's q35 _PRT is a method returning one of
 * two packages, PRTP (PIC mode, links LNKA-H whose _CRS methods read the
 * chipset's PIRQ registers) or PRTA (APIC mode, links GSIA-H whose _CRS
 * is a fixed Extended Interrupt descriptor, GSI 16-23). Every package
 * the method can return is a candidate, and the one whose every source
 * is fixed is the APIC-mode table: the one an OS that called _PIC(1)
 * gets. A table that is computed (pc's _PRT builds its package in a
 * loop) or links whose _CRS is code has no fixed answer, and is refused
 * with the reason.
 */
#include <stdio.h>
#include <string.h>
#include "prt.h"

#define ACPI_HEADER   36
#define OP_RETURN     0xa4
#define EISA_PNP0A03  0x030ad041u   /* PCI host bridge, EisaId("PNP0A03") */
#define EISA_PNP0A08  0x080ad041u   /* PCI Express host bridge */
#define RES_LARGE     0x80
#define RES_EXT_IRQ   0x09          /* large item: Extended Interrupt (§6.4.3.6) */
#define RES_END_TAG   0x0f          /* small item type */

static struct aml_ns ns;            /* big: one devmgr, one table at a time */

static int value_at(const struct aml_obj *o, struct aml_value *v)
{
	const uint8_t *p = o->body;

	return o->kind == AML_NAME ? aml_value(&p, o->end, v) : -1;
}

/* "\_SB_PCI0_HID" is an integer naming a host bridge. */
static int names_host_bridge(const struct aml_obj *o)
{
	size_t n = strlen(o->path);
	struct aml_value v;

	if (n < 5 || (strcmp(o->path + n - 4, "_HID") && strcmp(o->path + n - 4, "_CID")))
		return 0;
	return value_at(o, &v) == 0 && v.kind == AML_V_INT &&
	       (v.integer == EISA_PNP0A03 || v.integer == EISA_PNP0A08);
}

static const struct aml_obj *host_bridge_prt(void)
{
	char path[AML_PATH_MAX];

	for (unsigned i = 0; i < ns.count; i++) {
		if (!names_host_bridge(&ns.obj[i]))
			continue;
		aml_parent(ns.obj[i].path, path);
		if (strlen(path) + 4 < AML_PATH_MAX) {
			strcat(path, "_PRT");
			if (aml_find(&ns, path))
				return aml_find(&ns, path);
		}
	}
	return NULL;
}

/* The interrupt of a resource template: its Extended Interrupt's first GSI. */
static int template_gsi(const uint8_t *p, const uint8_t *end, uint32_t *gsi)
{
	while (p < end) {
		size_t len;

		if (!(*p & RES_LARGE)) {
			if (((*p >> 3) & 0x0f) == RES_END_TAG)
				return -1;
			p += 1 + (*p & 7);
			continue;
		}
		if (end - p < 3)
			return -1;
		len = (size_t)p[1] | (size_t)p[2] << 8;
		if ((size_t)(end - p) < 3 + len)
			return -1;
		if ((*p & 0x7f) == RES_EXT_IRQ && len >= 6 && p[4] >= 1) {
			*gsi = (uint32_t)p[5] | (uint32_t)p[6] << 8 | (uint32_t)p[7] << 16 |
			       (uint32_t)p[8] << 24;
			return 0;
		}
		p += 3 + len;
	}
	return -1;
}

/* The fixed GSI of link device `name` (seen from scope), or why not. */
static int link_gsi(const char *scope, const char *name, uint32_t *gsi, char *why, size_t size)
{
	const struct aml_obj *dev = aml_resolve(&ns, scope, name), *crs;
	char path[AML_PATH_MAX + 4];
	struct aml_value v;

	if (!dev || dev->kind != AML_DEVICE) {
		snprintf(why, size, "source %s is no device", name);
		return -1;
	}
	snprintf(path, sizeof(path), "%s_CRS", dev->path);
	crs = aml_find(&ns, path);
	if (!crs || value_at(crs, &v) < 0 || v.kind != AML_V_BUFFER) {
		snprintf(why, size, "link %s has no fixed _CRS (%s)", name,
			 crs && crs->kind == AML_METHOD ? "it is code: a PIC-mode link" : "none");
		return -1;
	}
	if (template_gsi(v.data, v.end, gsi) < 0) {
		snprintf(why, size, "link %s's _CRS has no Extended Interrupt", name);
		return -1;
	}
	return 0;
}

/* One entry: Package { Address, Pin, Source, Source Index }. */
static int read_entry(const char *scope, const uint8_t **p, const uint8_t *end,
		      struct dm_prt_entry *e, char *why, size_t size)
{
	struct aml_value pkg, f[4];
	const uint8_t *q;

	if (aml_value(p, end, &pkg) < 0 || pkg.kind != AML_V_PACKAGE || pkg.count < 4)
		return snprintf(why, size, "an entry is no 4-element package"), -1;
	q = pkg.data;
	for (int i = 0; i < 4; i++)
		if (aml_value(&q, pkg.end, &f[i]) < 0)
			return snprintf(why, size, "an entry is malformed"), -1;
	if (f[0].kind != AML_V_INT || (f[0].integer & 0xffff) != 0xffff ||
	    (f[0].integer >> 16) > 31 || f[1].kind != AML_V_INT || f[1].integer > 3 ||
	    f[3].kind != AML_V_INT)
		return snprintf(why, size, "an entry's address, pin or index is out of range"), -1;
	e->slot = (uint8_t)(f[0].integer >> 16);
	e->pin = (uint8_t)f[1].integer;
	if (f[2].kind == AML_V_INT && f[2].integer == 0 && f[3].integer <= 0xffffffffu) {
		e->gsi = (uint32_t)f[3].integer;        /* Source 0: the index is the GSI */
		return 0;
	}
	if (f[2].kind != AML_V_NAMESTRING)
		return snprintf(why, size, "an entry's source is neither 0 nor a name"), -1;
	return link_gsi(scope, f[2].name, &e->gsi, why, size);
}

/* A whole package of entries, all fixed, into out. */
static int read_table(const struct aml_obj *table, struct dm_prt *out, char *why, size_t size)
{
	char scope[AML_PATH_MAX];
	struct aml_value v;
	const uint8_t *p;

	if (value_at(table, &v) < 0 || v.kind != AML_V_PACKAGE)
		return snprintf(why, size, "%s is no package", table->path), -1;
	if (v.count == 0)
		return snprintf(why, size, "%s has no entries", table->path), -1;
	if (v.count > DM_PRT_MAX)
		return snprintf(why, size, "%s has %u entries, more than %u", table->path, v.count,
				DM_PRT_MAX), -1;
	aml_parent(table->path, scope);
	p = v.data;
	for (out->count = 0; out->count < v.count; out->count++)
		if (read_entry(scope, &p, v.end, &out->e[out->count], why, size) < 0)
			return -1;
	memcpy(out->table, table->path, sizeof(out->table));
	return 0;
}

/* A method _PRT: each Return(NAME) in its code whose NAME is a package. */
static int read_method(const struct aml_obj *prt, struct dm_prt *out, char *why, size_t size)
{
	snprintf(why, size, "%s returns no named package (it computes its table)", prt->path);
	for (const uint8_t *p = prt->body; p < prt->end; p++) {
		const uint8_t *q = p + 1;
		struct aml_value v;
		const struct aml_obj *table;

		if (*p != OP_RETURN || aml_value(&q, prt->end, &v) < 0 ||
		    v.kind != AML_V_NAMESTRING)
			continue;
		table = aml_resolve(&ns, prt->path, v.name);
		if (!table || table->kind != AML_NAME)
			continue;
		if (read_table(table, out, why, size) == 0)
			return 0;
	}
	return -1;
}

int dm_prt_read(const uint8_t *dsdt, size_t len, struct dm_prt *out, char *why,
		size_t why_size)
{
	const struct aml_obj *prt;
	uint32_t length;

	if (len < ACPI_HEADER || memcmp(dsdt, "DSDT", 4))
		return snprintf(why, why_size, "no DSDT"), -1;
	memcpy(&length, dsdt + 4, 4);
	if (length < ACPI_HEADER || length > len)
		return snprintf(why, why_size, "the DSDT's length %u is not the %zu bytes read",
				length, len), -1;
	if (aml_collect(&ns, dsdt + ACPI_HEADER, length - ACPI_HEADER) < 0)
		return snprintf(why, why_size, "the DSDT declares nothing readable%s%s",
				ns.why[0] ? ": " : "", ns.why), -1;
	prt = host_bridge_prt();
	if (!prt)
		return snprintf(why, why_size, "no _PRT under a PCI host bridge (PNP0A03/PNP0A08)%s%s",
				ns.why[0] ? "; " : "", ns.why), -1;
	if (prt->kind == AML_NAME)
		return read_table(prt, out, why, why_size);
	return read_method(prt, out, why, why_size);
}

int dm_prt_gsi(const struct dm_prt *prt, unsigned slot, unsigned pin, uint32_t *gsi)
{
	for (unsigned i = 0; i < prt->count; i++) {
		if (prt->e[i].slot == slot && prt->e[i].pin == pin) {
			*gsi = prt->e[i].gsi;
			return 0;
		}
	}
	return -1;
}
