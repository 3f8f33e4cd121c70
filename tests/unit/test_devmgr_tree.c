/*
 * devmgr's device tree on the host (services/devmgr/tree.c, props.c,
 * match.c): nodes added and freed with ids that are never reused,
 * subtrees listed children first, a child's properties checked and its
 * path made, and manifests matched on properties, the PCI and legacy
 * kinds included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "devices.h"
#include "match.h"
#include "props.h"

#define MANIFEST(...) { .magic = ATXF_MANIFEST_MAGIC, .version = 1, .name = "t", __VA_ARGS__ }

static const struct dm_device edu = {
	.bus = DM_BUS_PCI, .present = 1, .name = "00:04.0",
	.pci = { .vendor = 0x1234, .device = 0x11e8, .class_code = 0x00, .subclass = 0xff },
};

static const struct dm_device com1 = {
	.bus = DM_BUS_LEGACY, .present = 1, .name = "COM1",
};

/* A child of parent made from props (as ADD_CHILD sends them); 0 or -1. */
static int child(const struct dm_device *parent, const char *props, size_t len,
		 struct dm_device *out, const char **why)
{
	return dm_child_make(parent, props, len, out, why);
}

#define PROPS(s) s, sizeof(s)   /* a literal with its final NUL */

static void ids_are_never_reused(void **state)
{
	struct dm_devices list = { .count = 0 };
	struct dm_device *a, *b, *c;
	uint32_t a_id;

	(void)state;
	a = dm_node_add(&list, &edu);
	b = dm_node_add(&list, &com1);
	assert_non_null(a);
	assert_non_null(b);
	a_id = a->id;
	assert_int_equal(a_id, 1);
	assert_int_equal(b->id, 2);
	dm_node_free(&list, a);
	assert_null(dm_node_find(&list, a_id));
	assert_int_equal(dm_node_count(&list), 1);
	assert_ptr_equal(dm_node_at(&list, 0), b);     /* indexes close up */
	c = dm_node_add(&list, &edu);
	assert_ptr_equal(c, &list.dev[0]);              /* the slot is used again... */
	assert_int_equal(c->id, 3);                     /* ...but not the id */
	assert_int_equal(dm_node_index(&list, b), 1);
	assert_ptr_equal(dm_node_named(&list, "COM1"), b);
}

static void table_full(void **state)
{
	struct dm_devices list = { .count = 0 };

	(void)state;
	for (unsigned i = 0; i < DM_DEVICES_MAX; i++)
		assert_non_null(dm_node_add(&list, &com1));
	assert_null(dm_node_add(&list, &com1));
}

/* root <- a <- (a1, a2 <- a21); root <- b: children before parents. */
static void subtree_children_first(void **state)
{
	struct dm_devices list = { .count = 0 };
	struct dm_device n = com1;
	uint32_t root, a, a2, out[DM_DEVICES_MAX];
	unsigned count;

	(void)state;
	root = dm_node_add(&list, &n)->id;
	n.parent = root;
	a = dm_node_add(&list, &n)->id;
	n.parent = a;
	dm_node_add(&list, &n);                         /* a1, id 3 */
	a2 = dm_node_add(&list, &n)->id;                /* 4 */
	n.parent = a2;
	dm_node_add(&list, &n);                         /* a21, id 5 */
	n.parent = root;
	dm_node_add(&list, &n);                         /* b, id 6 */
	count = dm_subtree(&list, a, out, DM_DEVICES_MAX);
	assert_int_equal(count, 4);
	assert_int_equal(out[0], 3);
	assert_int_equal(out[1], 5);
	assert_int_equal(out[2], 4);
	assert_int_equal(out[3], a);
	assert_int_equal(dm_subtree(&list, root, out, DM_DEVICES_MAX), 6);
	assert_int_equal(out[5], root);
	assert_int_equal(dm_subtree(&list, 99, out, DM_DEVICES_MAX), 0);
}

static void child_path_and_properties(void **state)
{
	struct dm_device parent = edu, c;
	const char *why = NULL;
	char value[DM_PROP_MAX];

	(void)state;
	parent.id = 7;
	assert_int_equal(child(&parent, PROPS("name=usb1-2.3.1:1.0\0interface=0x08\0bus=usb"),
			       &c, &why), 0);
	assert_string_equal(c.name, "00:04.0/usb1-2.3.1:1.0");
	assert_int_equal(c.bus, DM_BUS_CHILD);
	assert_int_equal(c.parent, 7);
	assert_int_equal(c.parent_port, ATXF_HANDLE_NONE);
	assert_true(dm_prop_has(&c, "interface=0x08"));
	assert_true(dm_prop_has(&c, "bus=usb"));        /* its own bus, not "child" */
	assert_true(dm_prop_has(&c, "path=00:04.0/usb1-2.3.1:1.0"));
	assert_false(dm_prop_has(&c, "vendor=0x1234")); /* not its parent's properties */
	assert_int_equal(dm_prop_get(&c, "name", value, sizeof(value)), 1);
	assert_string_equal(value, "usb1-2.3.1:1.0");
	/* The longest path: 63 bytes, and its path property keeps all of it. */
	assert_int_equal(child(&parent, PROPS("name=0123456789012345678901234567890123456789"
					      "012345678901234"), &c, &why), 0);
	assert_int_equal(strlen(c.name), 63);
	assert_int_equal(dm_prop_get(&c, "path", value, sizeof(value)), 1);
	assert_string_equal(value, c.name);
}

static void derived_properties(void **state)
{
	char list[DM_PROPS_ALL][DM_PROP_MAX];
	unsigned n = dm_props_list(&edu, list, DM_PROPS_ALL);

	(void)state;
	assert_int_equal(n, 8);
	assert_string_equal(list[0], "bus=pci");
	assert_string_equal(list[1], "name=00:04.0");
	assert_string_equal(list[2], "path=00:04.0");
	assert_string_equal(list[3], "vendor=0x1234");
	assert_string_equal(list[4], "product=0x11e8");
	assert_string_equal(list[5], "class=0x00");
	assert_string_equal(list[6], "subclass=0xff");
	assert_string_equal(list[7], "protocol=0x00");
	assert_true(dm_prop_has(&com1, "bus=legacy"));
	assert_true(dm_prop_has(&com1, "name=COM1"));
}

struct refusal {
	const char *name;
	const char *props;
	size_t len;
	const char *why;        /* a part of the reason */
};

#define REFUSE(n, p, w) { n, p, sizeof(p), w }

static const struct refusal refusals[] = {
	REFUSE("no name", "interface=x", "no name=..."),
	REFUSE("empty name", "name=", "not \"key=value\""),
	REFUSE("name with a slash", "name=a/b", "one path component"),
	REFUSE("no equals sign", "name=a\0flag", "not \"key=value\""),
	REFUSE("upper-case key", "name=a\0Key=v", "not \"key=value\""),
	REFUSE("a space in the value", "name=a\0k=v w", "not \"key=value\""),
	REFUSE("path given", "name=a\0path=/x", "devmgr's to set"),
	REFUSE("posing as PCI", "name=a\0bus=pci", "bus=pci and bus=legacy"),
	REFUSE("posing as legacy", "name=a\0bus=legacy", "bus=pci and bus=legacy"),
	REFUSE("nine properties", "name=a\0a=1\0b=1\0c=1\0d=1\0e=1\0f=1\0g=1\0h=1", "more than 8"),
	REFUSE("path of 64 bytes", "name=01234567890123456789012345678901234567890123456789012345",
	       "longer than 63 bytes"),
	{ "no final NUL", "name=a", 6, "do not end with a NUL" },
	{ "nothing", "", 0, "no name=..." },
};

static void children_refused(void **state)
{
	struct dm_device c;

	(void)state;
	for (size_t i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++) {
		const struct refusal *r = &refusals[i];
		const char *why = NULL;
		int got = child(&edu, r->props, r->len, &c, &why);

		if (got != -1 || !why || !strstr(why, r->why)) {
			print_error("FAIL %s: got %d, why \"%s\"; want -1, \"%s\"\n", r->name, got,
				    why ? why : "(none)", r->why);
			fail();
		}
	}
}

static void manifests_match_properties(void **state)
{
	struct dm_device c;
	const char *why;
	const struct atxf_manifest by_prop = MANIFEST(.match = { ATXF_MATCH_PROP("interface=dt") });
	const struct atxf_manifest chain = MANIFEST(.match = {
		ATXF_MATCH_PROP_AND("interface=dt"), ATXF_MATCH_PROP("role=hub") });
	const struct atxf_manifest pci_prop = MANIFEST(.match = {
		ATXF_MATCH_PROP_AND("vendor=0x1234"), ATXF_MATCH_PROP("product=0x11e8") });
	const struct atxf_manifest legacy = MANIFEST(.match = { ATXF_MATCH_LEGACY_DEVICE("COM1") });

	(void)state;
	assert_int_equal(child(&com1, PROPS("name=leaf\0interface=dt"), &c, &why), 0);
	assert_true(dm_match(&by_prop, &c));
	assert_false(dm_match(&chain, &c));             /* no role=hub */
	assert_false(dm_match(&legacy, &c));            /* a child is no legacy device */
	assert_int_equal(child(&com1, PROPS("name=hub\0interface=dt\0role=hub"), &c, &why), 0);
	assert_true(dm_match(&chain, &c));
	assert_true(dm_match(&pci_prop, &edu));
	assert_false(dm_match(&by_prop, &edu));
	assert_true(dm_match(&legacy, &com1));
	c.removing = 1;
	assert_false(dm_match(&by_prop, &c));           /* going: matches nothing */
}

/* The parent resource: a child's only, and only when its parent offered a port. */
static void parent_resource(void **state)
{
	const struct atxf_manifest m = MANIFEST(.match = { ATXF_MATCH_PROP("interface=dt") },
						.resources = { ATXF_RESOURCE_PARENT() });
	struct dm_device c;
	struct dm_plan plan;
	const char *why;
	char reason[DM_WHY_MAX];

	(void)state;
	assert_int_equal(child(&com1, PROPS("name=leaf\0interface=dt"), &c, &why), 0);
	assert_int_equal(dm_plan(&m, &c, &plan, reason, sizeof(reason)), -1);
	assert_non_null(strstr(reason, "its parent driver offered no port"));
	c.parent_port = 5;
	assert_int_equal(dm_plan(&m, &c, &plan, reason, sizeof(reason)), 0);
	assert_int_equal(plan.count, 1);
	assert_int_equal(plan.grant[0].kind, ATXF_CAP_PORT);
	assert_int_equal(plan.grant[0].rights, ATXF_RIGHT_WRITE);
	assert_int_equal(dm_plan(&m, &com1, &plan, reason, sizeof(reason)), -1);
	assert_non_null(strstr(reason, "not a child node"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ids_are_never_reused),
		cmocka_unit_test(table_full),
		cmocka_unit_test(subtree_children_first),
		cmocka_unit_test(child_path_and_properties),
		cmocka_unit_test(derived_properties),
		cmocka_unit_test(children_refused),
		cmocka_unit_test(manifests_match_properties),
		cmocka_unit_test(parent_resource),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
