/*
 * The static AML reader (aml.h). Encodings from ACPI 6.5 §20.2: PkgLength
 * (§20.2.4), NameString (§20.2.2), data objects (§20.2.3), and the
 * namespace modifier and named objects (§20.2.5.1, §20.2.5.2). QEMU's q35
 * DSDT (SeaBIOS passes on what QEMU's hw/i386/acpi-build.c emits) is the
 * table this reads in the QEMU scenarios.
 */
#include <stdio.h>
#include <string.h>
#include "aml.h"

#define OP_ZERO      0x00
#define OP_ONE       0x01
#define OP_ALIAS     0x06
#define OP_NAME      0x08
#define OP_BYTE      0x0a
#define OP_WORD      0x0b
#define OP_DWORD     0x0c
#define OP_STRING    0x0d
#define OP_QWORD     0x0e
#define OP_SCOPE     0x10
#define OP_BUFFER    0x11
#define OP_PACKAGE   0x12
#define OP_VARPKG    0x13
#define OP_METHOD    0x14
#define OP_EXTERNAL  0x15
#define OP_DUAL_NAME 0x2e
#define OP_MULTI_NAME 0x2f
#define OP_EXT       0x5b       /* the second byte says which */
#define OP_IF        0xa0
#define OP_ELSE      0xa1
#define OP_WHILE     0xa2
#define OP_ONES      0xff
#define EXT_MUTEX    0x01
#define EXT_EVENT    0x02
#define EXT_REGION   0x80
#define EXT_DEVICE   0x82
#define NEST_MAX     16         /* Scope and Device levels followed */

/* A PkgLength at *p: the object ends at *obj_end (the length counts its
 * own bytes); *p moves past the encoding. */
static int pkg_length(const uint8_t **p, const uint8_t *end, const uint8_t **obj_end)
{
	const uint8_t *s = *p;
	unsigned extra, len;

	if (s >= end)
		return -1;
	extra = s[0] >> 6;
	if ((size_t)(end - s) < 1 + extra)
		return -1;
	len = extra ? s[0] & 0x0fu : s[0] & 0x3fu;
	for (unsigned i = 0; i < extra; i++)
		len |= (unsigned)s[1 + i] << (4 + 8 * i);
	if (len < 1 + extra || len > (size_t)(end - s))
		return -1;
	*obj_end = s + len;
	*p = s + 1 + extra;
	return 0;
}

static int lead_char(uint8_t c)
{
	return (c >= 'A' && c <= 'Z') || c == '_';
}

static int seg_ok(const uint8_t *s)
{
	for (int i = 1; i < 4; i++)
		if (!lead_char(s[i]) && !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	return lead_char(s[0]);
}

/* How many segments the NamePath at s has, and where they start. */
static int name_path(const uint8_t **s, const uint8_t *end, unsigned *nseg)
{
	if (*s >= end)
		return -1;
	switch (**s) {
	case OP_ZERO:
		*nseg = 0, *s += 1;
		return 0;
	case OP_DUAL_NAME:
		*nseg = 2, *s += 1;
		return 0;
	case OP_MULTI_NAME:
		if (end - *s < 2)
			return -1;
		*nseg = (*s)[1], *s += 2;
		return 0;
	default:
		*nseg = 1;
		return 0;
	}
}

/* A NameString as text: its prefix ('\' or '^'s) and the segments. */
static int name_string(const uint8_t **p, const uint8_t *end, char *out)
{
	const uint8_t *s = *p;
	size_t o = 0;
	unsigned nseg;

	/* One prefix or the other (ACPI's NameString grammar): "\^" is no name. */
	if (s < end && *s == '\\')
		out[o++] = (char)*s++;
	else
		while (s < end && *s == '^' && o < AML_DEPTH_MAX)
			out[o++] = (char)*s++;
	if (name_path(&s, end, &nseg) < 0 || o + 4 * (size_t)nseg >= AML_PATH_MAX ||
	    (size_t)(end - s) < 4 * (size_t)nseg)
		return -1;
	for (unsigned i = 0; i < nseg; i++, s += 4, o += 4) {
		if (!seg_ok(s))
			return -1;
		memcpy(out + o, s, 4);
	}
	out[o] = '\0';
	*p = s;
	return 0;
}

void aml_parent(const char *path, char *out)
{
	size_t n = strlen(path);

	memmove(out, path, n + 1);
	/* The root, then 4-byte segments: the parent drops the last segment. */
	if (n >= 5)
		out[n - 4] = '\0';
	else if (n > 1)
		out[1] = '\0';
}

void aml_path_text(const char *path, char *out, size_t size)
{
	size_t o = 0;

	for (size_t i = 0; path[i] && o + 2 < size; i++) {
		if (i > 1 && (i - 1) % 4 == 0)
			out[o++] = '.';
		out[o++] = path[i];
	}
	if (size)
		out[o < size ? o : size - 1] = '\0';
}

/* scope + a NameString: the absolute path, or -1 if it leaves the root. */
static int absolute(const char *scope, const char *name, char *out)
{
	char buf[AML_PATH_MAX];

	if (name[0] == '\\') {
		memmove(out, name, strlen(name) + 1);
		return 0;
	}
	memcpy(buf, scope, strlen(scope) + 1);
	for (; *name == '^'; name++) {
		if (strlen(buf) <= 1)
			return -1;
		aml_parent(buf, buf);
	}
	if (strlen(buf) + strlen(name) >= AML_PATH_MAX)
		return -1;
	strcat(buf, name);
	memcpy(out, buf, strlen(buf) + 1);
	return 0;
}

const struct aml_obj *aml_find(const struct aml_ns *ns, const char *path)
{
	for (unsigned i = 0; i < ns->count; i++)
		if (!strcmp(ns->obj[i].path, path))
			return &ns->obj[i];
	return NULL;
}

const struct aml_obj *aml_resolve(const struct aml_ns *ns, const char *scope, const char *name)
{
	char s[AML_PATH_MAX], path[AML_PATH_MAX];
	const struct aml_obj *o;

	if (name[0] == '\\' || name[0] == '^' || strlen(name) != 4)
		return absolute(scope, name, path) ? NULL : aml_find(ns, path);
	memcpy(s, scope, strlen(scope) + 1);
	for (;;) {
		if (absolute(s, name, path) == 0 && (o = aml_find(ns, path)))
			return o;
		if (strlen(s) <= 1)
			return NULL;
		aml_parent(s, s);
	}
}

static int fixed_int(const uint8_t **p, const uint8_t *end, unsigned n, uint64_t *v)
{
	if ((size_t)(end - *p) < n)
		return -1;
	*v = 0;
	for (unsigned i = 0; i < n; i++)
		*v |= (uint64_t)(*p)[i] << (8 * i);
	*p += n;
	return 0;
}

static int string_value(const uint8_t **p, const uint8_t *end, struct aml_value *v)
{
	const uint8_t *nul = memchr(*p, 0, (size_t)(end - *p));

	if (!nul)
		return -1;
	v->data = *p, v->end = nul;
	*p = nul + 1;
	return 0;
}

/* Buffer and packages: a PkgLength, then a size or an element count. */
static int sized_value(const uint8_t **p, const uint8_t *end, uint8_t op, struct aml_value *v)
{
	const uint8_t *obj_end;
	struct aml_value size;

	if (pkg_length(p, end, &obj_end) < 0)
		return -1;
	if (op == OP_PACKAGE) {
		if (*p >= obj_end)
			return -1;
		size.integer = *(*p)++;
	} else if (aml_value(p, obj_end, &size) < 0 || size.kind != AML_V_INT) {
		return -1;
	}
	v->data = *p, v->end = obj_end;
	v->count = (unsigned)size.integer;
	if (op == OP_BUFFER && size.integer < (uint64_t)(obj_end - *p))
		v->end = *p + size.integer;     /* the declared size rules */
	*p = obj_end;
	return 0;
}

int aml_value(const uint8_t **p, const uint8_t *end, struct aml_value *v)
{
	static const uint8_t int_bytes[] = { [OP_BYTE] = 1, [OP_WORD] = 2, [OP_DWORD] = 4,
					     [OP_QWORD] = 8 };
	uint8_t op;

	memset(v, 0, sizeof(*v));
	if (*p >= end)
		return -1;
	op = **p;
	if (op == '\\' || op == '^' || lead_char(op) || op == OP_DUAL_NAME || op == OP_MULTI_NAME) {
		v->kind = AML_V_NAMESTRING;
		return name_string(p, end, v->name);
	}
	*p += 1;
	v->kind = AML_V_INT;
	switch (op) {
	case OP_ZERO:
	case OP_ONE:
		v->integer = op;
		return 0;
	case OP_ONES:
		v->integer = ~0ull;
		return 0;
	case OP_BYTE:
	case OP_WORD:
	case OP_DWORD:
	case OP_QWORD:
		return fixed_int(p, end, int_bytes[op], &v->integer);
	case OP_STRING:
		v->kind = AML_V_STRING;
		return string_value(p, end, v);
	case OP_BUFFER:
		v->kind = AML_V_BUFFER;
		return sized_value(p, end, op, v);
	case OP_PACKAGE:
	case OP_VARPKG:
		v->kind = AML_V_PACKAGE;
		return sized_value(p, end, op, v);
	default:
		return -1;
	}
}

static int add(struct aml_ns *ns, const char *path, uint8_t kind, const uint8_t *body,
	       const uint8_t *end)
{
	struct aml_obj *o;

	if (ns->count == AML_OBJS_MAX)
		return -1;
	o = &ns->obj[ns->count++];
	memcpy(o->path, path, strlen(path) + 1);
	o->kind = kind, o->body = body, o->end = end;
	return 0;
}

struct walk {
	struct aml_ns *ns;
	const uint8_t *base;            /* the AML's first byte, for offsets */
	unsigned nest;
};

static void walk(struct walk *w, const char *scope, const uint8_t *p, const uint8_t *end);

/* Scope and Device: PkgLength NameString TermList. */
static int open_scope(struct walk *w, const char *scope, const uint8_t **p,
		      const uint8_t *end, int device)
{
	const uint8_t *obj_end;
	char name[AML_PATH_MAX], path[AML_PATH_MAX];

	if (pkg_length(p, end, &obj_end) < 0 || name_string(p, obj_end, name) < 0 ||
	    absolute(scope, name, path) < 0 || w->nest == NEST_MAX)
		return -1;
	if (device && add(w->ns, path, AML_DEVICE, *p, obj_end) < 0)
		return -1;
	w->nest++;
	walk(w, path, *p, obj_end);
	w->nest--;
	*p = obj_end;
	return 0;
}

/* Name(N, data) and Method(N, flags) { code }: recorded, not run. */
static int declare(struct walk *w, const char *scope, const uint8_t **p, const uint8_t *end,
		   int method)
{
	const uint8_t *obj_end = end, *body;
	char name[AML_PATH_MAX], path[AML_PATH_MAX];
	struct aml_value v;

	if (method && pkg_length(p, end, &obj_end) < 0)
		return -1;
	if (name_string(p, obj_end, name) < 0 || absolute(scope, name, path) < 0)
		return -1;
	body = *p + method;             /* a method's flags byte comes first */
	if (method ? body > obj_end : aml_value(p, end, &v) < 0)
		return -1;
	if (add(w->ns, path, method ? AML_METHOD : AML_NAME, body, method ? obj_end : *p) < 0)
		return -1;
	if (method)
		*p = obj_end;
	return 0;
}

/* Objects read past without a record: a name and fixed fields. */
static int skip_named(const uint8_t **p, const uint8_t *end, unsigned names, unsigned bytes,
		      unsigned ints)
{
	char name[AML_PATH_MAX];
	struct aml_value v;

	while (names--)
		if (name_string(p, end, name) < 0)
			return -1;
	if ((size_t)(end - *p) < bytes)
		return -1;
	*p += bytes;
	while (ints--)
		if (aml_value(p, end, &v) < 0 || v.kind != AML_V_INT)
			return -1;
	return 0;
}

/* Objects that hold no name the routing needs: passed by their PkgLength.
 * (If, Else and While at the top level are conditional declarations.) */
static int skip_package(const uint8_t **p, const uint8_t *end)
{
	const uint8_t *obj_end;

	if (pkg_length(p, end, &obj_end) < 0)
		return -1;
	*p = obj_end;
	return 0;
}

static int ext_term(struct walk *w, const char *scope, const uint8_t **p, const uint8_t *end)
{
	uint8_t op;

	if (*p >= end)
		return -1;
	op = *(*p)++;
	switch (op) {
	case EXT_DEVICE:
		return open_scope(w, scope, p, end, 1);
	case EXT_MUTEX:
		return skip_named(p, end, 1, 1, 0);
	case EXT_EVENT:
		return skip_named(p, end, 1, 0, 0);
	case EXT_REGION:                        /* name, space, offset, length */
		return skip_named(p, end, 1, 1, 2);
	case 0x81: case 0x83: case 0x84: case 0x85: case 0x86: case 0x87:
		return skip_package(p, end);    /* Field, Processor .. BankField */
	default:
		return -1;
	}
}

static int term(struct walk *w, const char *scope, const uint8_t **p, const uint8_t *end)
{
	uint8_t op = *(*p)++;

	switch (op) {
	case OP_SCOPE:
		return open_scope(w, scope, p, end, 0);
	case OP_NAME:
		return declare(w, scope, p, end, 0);
	case OP_METHOD:
		return declare(w, scope, p, end, 1);
	case OP_EXT:
		return ext_term(w, scope, p, end);
	case OP_ALIAS:
		return skip_named(p, end, 2, 0, 0);
	case OP_EXTERNAL:                       /* name, object type, argument count */
		return skip_named(p, end, 1, 2, 0);
	case OP_IF:
	case OP_ELSE:
	case OP_WHILE:
		return skip_package(p, end);
	default:
		return -1;
	}
}

/* A TermList; on a term it cannot read, the rest of this scope is skipped. */
static void walk(struct walk *w, const char *scope, const uint8_t *p, const uint8_t *end)
{
	while (p < end) {
		const uint8_t *at = p;

		if (term(w, scope, &p, end) == 0)
			continue;
		if (!w->ns->why[0])
			snprintf(w->ns->why, sizeof(w->ns->why),
				 "AML opcode 0x%02x at offset %u in %s not read", *at,
				 (unsigned)(at - w->base), scope);
		return;
	}
}

int aml_collect(struct aml_ns *ns, const uint8_t *aml, size_t len)
{
	struct walk w = { .ns = ns, .base = aml, .nest = 0 };

	ns->count = 0;
	ns->why[0] = '\0';
	walk(&w, "\\", aml, aml + len);
	return ns->count ? 0 : -1;
}
