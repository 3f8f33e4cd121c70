/*
 * The driver manifest: encode/decode round trip and every refusal of the
 * shared checker (sdk/format/manifest.c), which atxfdump and devmgr use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/manifest.h>

static struct atxf_manifest keyboard(void)
{
	struct atxf_manifest m = {
		.magic = ATXF_MANIFEST_MAGIC, .version = ATXF_MANIFEST_VERSION,
		.size = sizeof(struct atxf_manifest), .name = "ps2-keyboard",
		.device_class = ATXF_CLASS_INPUT,
		.match = { ATXF_MATCH_LEGACY_DEVICE("i8042"), ATXF_MATCH_PCI(0x1af4, 0x1044),
			   ATXF_MATCH_CLASS(0x01, 0x06, 0x01), ATXF_MATCH_PROP_AND("interface=0x08"),
			   ATXF_MATCH_PROP("role=hub") },
		.resources = { ATXF_RESOURCE_IOPORT(0x60, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
			       ATXF_RESOURCE_IOPORT(0x64, 1, ATXF_RIGHT_READ | ATXF_RIGHT_WRITE),
			       ATXF_RESOURCE_IRQ(1), ATXF_RESOURCE_BAR(5), ATXF_RESOURCE_DMA(65536),
			       ATXF_RESOURCE_PCI_IRQ(), ATXF_RESOURCE_PCI_CONFIG(),
			       ATXF_RESOURCE_BAR_WC(2), ATXF_RESOURCE_PCI_IRQS(2, 8),
			       ATXF_RESOURCE_PARENT() },
	};
	return m;
}

static void round_trip_keeps_every_field(void **state)
{
	struct atxf_manifest in = keyboard(), out;
	uint8_t buf[1024];
	const char *why = NULL;

	(void)state;
	memset(&out, 0xa5, sizeof(out));
	assert_int_equal(atxf_manifest_encode(&in, buf, sizeof(buf), &why), sizeof(in));
	assert_int_equal(atxf_manifest_decode(buf, sizeof(in), &out, &why), 0);
	assert_memory_equal(&in, &out, sizeof(in));
	assert_string_equal(out.name, "ps2-keyboard");
	assert_int_equal(out.match[0].kind, ATXF_MATCH_LEGACY);
	assert_string_equal(out.match[0].legacy, "i8042");
	assert_int_equal(out.match[1].vendor, 0x1af4);
	assert_int_equal(out.resources[0].base, 0x60);
	assert_int_equal(out.resources[2].kind, ATXF_RES_IRQ);
	assert_int_equal(out.resources[3].index, 5);
	assert_int_equal(out.resources[4].size, 65536);
	assert_int_equal(out.resources[7].base, ATXF_BAR_F_WRITE_COMBINING);
}

static void encoding_is_little_endian_and_fixed(void **state)
{
	struct atxf_manifest m = keyboard();
	uint8_t buf[sizeof(m)];

	(void)state;
	assert_int_equal(sizeof(m), 688);
	atxf_manifest_encode(&m, buf, sizeof(buf), NULL);
	assert_memory_equal(buf, "DMNF", 4);              /* magic, little-endian */
	assert_int_equal(buf[4] | buf[5] << 8, 1);        /* version */
	assert_int_equal(buf[6] | buf[7] << 8, 688);      /* size */
	assert_string_equal((char *)buf + 8, "ps2-keyboard");
	assert_int_equal(buf[40], ATXF_CLASS_INPUT);
	/* resources[0] starts after 48 header bytes and 8 matches of 32. */
	assert_int_equal(buf[48 + 8 * 32], ATXF_RES_IOPORT);
	assert_int_equal(buf[48 + 8 * 32 + 8], 0x60);
}

/* One way to break a manifest, and the error and phrase it must produce. */
struct breakage {
	const char *name;
	void (*apply)(struct atxf_manifest *m);
	int error;
	const char *phrase;
};

static void bad_magic(struct atxf_manifest *m) { m->magic ^= 1; }
static void bad_version(struct atxf_manifest *m) { m->version = 2; }
static void bad_size(struct atxf_manifest *m) { m->size = 100; }
static void empty_name(struct atxf_manifest *m) { m->name[0] = 0; }
static void unterminated_name(struct atxf_manifest *m) { memset(m->name, 'a', sizeof(m->name)); }
static void name_with_space(struct atxf_manifest *m) { m->name[2] = ' '; }
static void bad_class(struct atxf_manifest *m) { m->device_class = ATXF_CLASS_COUNT; }
static void bad_match_kind(struct atxf_manifest *m) { m->match[5].kind = 9; }
static void pci_without_vendor(struct atxf_manifest *m) { m->match[1].vendor = 0xffff; }
static void legacy_without_name(struct atxf_manifest *m) { m->match[0].legacy[0] = 0; }
static void prop_without_equals(struct atxf_manifest *m) { strcpy(m->match[4].prop, "rolehub"); }
static void prop_empty_value(struct atxf_manifest *m) { strcpy(m->match[4].prop, "role="); }
static void prop_upper_key(struct atxf_manifest *m) { strcpy(m->match[4].prop, "Role=hub"); }
static void prop_unterminated(struct atxf_manifest *m) { memset(m->match[4].prop, 'a', ATXF_MATCH_PROP_MAX); }
static void prop_flags(struct atxf_manifest *m) { m->match[4].flags = 0x2; }
static void prop_and_at_end(struct atxf_manifest *m) { m->match[4].kind = ATXF_MATCH_NONE; }
static void bad_resource_kind(struct atxf_manifest *m) { m->resources[9].kind = 99; }
static void ports_past_ffff(struct atxf_manifest *m) { m->resources[0].base = 0xfff0; m->resources[0].size = 0x20; }
static void empty_ports(struct atxf_manifest *m) { m->resources[0].size = 0; }
static void irq_too_high(struct atxf_manifest *m) { m->resources[2].base = 256; }
static void bar_too_high(struct atxf_manifest *m) { m->resources[3].index = 6; }
static void empty_dma(struct atxf_manifest *m) { m->resources[4].size = 0; }
static void bar_flags(struct atxf_manifest *m) { m->resources[7].base = 0x2; }
static void unknown_rights(struct atxf_manifest *m) { m->resources[0].rights = 0x10; }
static void irqs_min_above_max(struct atxf_manifest *m) { m->resources[8].base = 9; }
static void irqs_min_zero(struct atxf_manifest *m) { m->resources[8].base = 0; }
static void irqs_past_2048(struct atxf_manifest *m) { m->resources[8].size = 2049; }
static void irq_min_without_max(struct atxf_manifest *m) { m->resources[5].base = 1; }

static const struct breakage breakages[] = {
	{ "wrong magic", bad_magic, ATXF_MANIFEST_EMAGIC, "magic" },
	{ "version 2", bad_version, ATXF_MANIFEST_EVERSION, "version" },
	{ "size field", bad_size, ATXF_MANIFEST_ETRUNCATED, "size" },
	{ "empty name", empty_name, ATXF_MANIFEST_ENAME, "name" },
	{ "unterminated name", unterminated_name, ATXF_MANIFEST_ENAME, "name" },
	{ "name with a space", name_with_space, ATXF_MANIFEST_ENAME, "name" },
	{ "unknown class", bad_class, ATXF_MANIFEST_ECLASS, "class" },
	{ "unknown match kind", bad_match_kind, ATXF_MANIFEST_EMATCH, "unknown kind" },
	{ "pci match, vendor ffff", pci_without_vendor, ATXF_MANIFEST_EMATCH, "vendor" },
	{ "legacy match, no name", legacy_without_name, ATXF_MANIFEST_EMATCH, "legacy" },
	{ "property without =", prop_without_equals, ATXF_MANIFEST_EMATCH, "key=value" },
	{ "property, empty value", prop_empty_value, ATXF_MANIFEST_EMATCH, "key=value" },
	{ "property, upper-case key", prop_upper_key, ATXF_MANIFEST_EMATCH, "key=value" },
	{ "property without a NUL", prop_unterminated, ATXF_MANIFEST_EMATCH, "NUL-terminated" },
	{ "property, unknown flag", prop_flags, ATXF_MANIFEST_EMATCH, "unknown flags" },
	{ "and-next with nothing next", prop_and_at_end, ATXF_MANIFEST_EMATCH, "no match follows" },
	{ "unknown resource kind", bad_resource_kind, ATXF_MANIFEST_ERESOURCE, "unknown kind" },
	{ "ports past 0xffff", ports_past_ffff, ATXF_MANIFEST_ERESOURCE, "0xffff" },
	{ "no ports", empty_ports, ATXF_MANIFEST_ERESOURCE, "empty" },
	{ "irq 256", irq_too_high, ATXF_MANIFEST_ERESOURCE, "255" },
	{ "bar 6", bar_too_high, ATXF_MANIFEST_ERESOURCE, "above 5" },
	{ "dma of 0 bytes", empty_dma, ATXF_MANIFEST_ERESOURCE, "empty" },
	{ "unknown bar flag", bar_flags, ATXF_MANIFEST_ERESOURCE, "unknown flags" },
	{ "unknown rights", unknown_rights, ATXF_MANIFEST_ERESOURCE, "rights" },
	{ "pci-irqs, min above max", irqs_min_above_max, ATXF_MANIFEST_ERESOURCE, "min <= max" },
	{ "pci-irqs, min 0", irqs_min_zero, ATXF_MANIFEST_ERESOURCE, "1 <= min" },
	{ "pci-irqs, max 2049", irqs_past_2048, ATXF_MANIFEST_ERESOURCE, "<= 2048" },
	{ "pci-irq, min without max", irq_min_without_max, ATXF_MANIFEST_ERESOURCE, "1 <= min" },
};

static void each_breakage_is_refused_with_its_reason(void **state)
{
	uint8_t buf[sizeof(struct atxf_manifest)];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(breakages) / sizeof(breakages[0]); i++) {
		struct atxf_manifest m = keyboard(), out;
		const char *why = NULL;

		breakages[i].apply(&m);
		memcpy(buf, &m, sizeof(m));
		print_message("  case: %s\n", breakages[i].name);
		assert_int_equal(atxf_manifest_decode(buf, sizeof(buf), &out, &why), breakages[i].error);
		assert_non_null(why);
		assert_non_null(strstr(why, breakages[i].phrase));
		assert_int_equal(atxf_manifest_encode(&m, buf, sizeof(buf), &why), breakages[i].error);
	}
}

static void truncated_buffers_are_refused(void **state)
{
	struct atxf_manifest m = keyboard(), out;
	uint8_t buf[sizeof(m)];
	const char *why = NULL;

	(void)state;
	memcpy(buf, &m, sizeof(m));
	assert_int_equal(atxf_manifest_decode(buf, 0, &out, &why), ATXF_MANIFEST_ETRUNCATED);
	assert_int_equal(atxf_manifest_decode(buf, sizeof(m) - 1, &out, &why), ATXF_MANIFEST_ETRUNCATED);
	assert_int_equal(atxf_manifest_encode(&m, buf, sizeof(m) - 1, &why), ATXF_MANIFEST_ETRUNCATED);
}

static void names_of_kinds(void **state)
{
	(void)state;
	assert_string_equal(atxf_device_class_name(ATXF_CLASS_BLOCK), "block");
	assert_string_equal(atxf_device_class_name(1000), "invalid");
	assert_string_equal(atxf_resource_kind_name(ATXF_RES_PCI_BAR), "pci-bar");
	assert_string_equal(atxf_resource_kind_name(1000), "invalid");
	assert_string_equal(atxf_match_kind_name(ATXF_MATCH_LEGACY), "legacy");
	assert_string_equal(atxf_match_kind_name(ATXF_MATCH_PROPERTY), "property");
	assert_string_equal(atxf_resource_kind_name(ATXF_RES_PARENT), "parent");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_keeps_every_field),
		cmocka_unit_test(encoding_is_little_endian_and_fixed),
		cmocka_unit_test(each_breakage_is_refused_with_its_reason),
		cmocka_unit_test(truncated_buffers_are_refused),
		cmocka_unit_test(names_of_kinds),
	};

	return cmocka_run_group_tests_name("manifest", tests, NULL, NULL);
}
