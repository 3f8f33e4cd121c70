/*
 * A reader of the static part of an AML table (ACPI 6.5 §20): the named
 * objects that Scope, Device, Name and Method declare, found without
 * running any AML. devmgr uses it for one thing, the PCI interrupt
 * routing (_PRT, prt.c); a full interpreter would be far more code than
 * the routing needs, and firmware that computes its _PRT at run time is
 * refused with a reason instead (docs/pci-interrupts.md).
 *
 * Every read is bounded by the table: a malformed table is refused with
 * the offset and the reason, never read past. Pure code: the host tests
 * feed it hand-assembled tables (tests/unit/test_devmgr_prt.c).
 */
#ifndef DEVMGR_AML_H
#define DEVMGR_AML_H

#include <stddef.h>
#include <stdint.h>

#define AML_DEPTH_MAX 8         /* name segments in a path */
#define AML_PATH_MAX  (1 + 4 * AML_DEPTH_MAX + 1)   /* "\" + segments + NUL */
#define AML_OBJS_MAX  768
#define AML_WHY_MAX   80

enum aml_kind { AML_NAME = 1, AML_METHOD = 2, AML_DEVICE = 3 };

/* One named object. A path is "\" and the 4-character segments, without
 * dots: "\_SB_PCI0_PRT" is \_SB.PCI0._PRT. */
struct aml_obj {
	char path[AML_PATH_MAX];
	uint8_t kind;                   /* enum aml_kind */
	const uint8_t *body, *end;      /* NAME: its data object; METHOD: its code */
};

struct aml_ns {
	struct aml_obj obj[AML_OBJS_MAX];
	unsigned count;
	char why[AML_WHY_MAX];          /* the first part of the table not read, if any */
};

/* A data object, as far as the routing needs them. */
enum aml_value_kind {
	AML_V_INT = 1, AML_V_STRING, AML_V_BUFFER, AML_V_PACKAGE, AML_V_NAMESTRING,
};

struct aml_value {
	uint8_t kind;                   /* enum aml_value_kind */
	uint64_t integer;               /* AML_V_INT */
	const uint8_t *data, *end;      /* BUFFER: the bytes; PACKAGE: the elements */
	unsigned count;                 /* PACKAGE: NumElements */
	char name[AML_PATH_MAX];        /* NAMESTRING, as written ("^", "\" kept) */
};

/*
 * Collects the named objects of an AML table body (the bytes after the
 * 36-byte header). Returns 0, or -1 if nothing usable was found; a scope
 * the reader cannot follow is skipped whole, and ns->why says where.
 */
int aml_collect(struct aml_ns *ns, const uint8_t *aml, size_t len);

/* The object `name` refers to from scope, by the ACPI search rules
 * (§5.3: a single relative segment is looked up in the scope and then in
 * each parent); NULL if none. */
const struct aml_obj *aml_resolve(const struct aml_ns *ns, const char *scope,
				  const char *name);
/* The object at exactly this absolute path; NULL if none. */
const struct aml_obj *aml_find(const struct aml_ns *ns, const char *path);

/*
 * Reads one data object (or a NameString, as a package element) at *p,
 * below end, and moves *p past it: 0, or -1 if it is malformed or of a
 * kind the reader does not take.
 */
int aml_value(const uint8_t **p, const uint8_t *end, struct aml_value *v);

/* The parent scope of an absolute path ("\_SB_PCI0" for "\_SB_PCI0_PRT"). */
void aml_parent(const char *path, char *out);
/* A path as ASL writes it, with dots: "\_SB_.PCI0._PRT". */
void aml_path_text(const char *path, char *out, size_t size);

#endif
