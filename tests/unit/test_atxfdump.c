/*
 * atxfdump, run as the real build/bin/atxfdump on crafted files: exit 0 and
 * the layout for a valid file, exit 1 with one line naming the file and the
 * reason for an invalid one, exit 2 for usage errors, and --json whose fields
 * read back as the header that was written.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/atxf.h>
#include "test_elf2atxf_util.h"
#include "test_reader_image.h"

#define MAX_SETS 2

static struct image im;    /* 16 KiB: keep it off the stack */

#define TAG_FUTURE 0x54584554u   /* "TEXT": a record this SDK does not know */

/*
 * The valid crafted file, with one 16-byte record of an unknown kind: a v1
 * tool must list it and skip it, never refuse the file for it.
 */
static void valid_with_extension(void)
{
	image_valid(&im);
	image_record(&im, ATXF_HEADER_SIZE, TAG_FUTURE, 16);
	memcpy(im.bytes + ATXF_HEADER_SIZE + ATXF_EXT_RECORD_SIZE, "from the future\n", 16);
}

/* Writes im to a scratch file and runs atxfdump [flag] on it. */
static void dump(struct tool_run *r, const char *flag, char **dir, char **path)
{
	char *tool = tool_path("atxfdump");
	const char *plain[] = { tool, NULL, NULL }, *flagged[] = { tool, flag, NULL, NULL };

	*dir = scratch_dir("atxfdump");
	*path = strf("%s/file.atxf", *dir);
	write_blob(*path, im.bytes, im.size);
	plain[1] = flagged[2] = *path;
	run_tool(r, flag ? flagged : plain);
	free(tool);
}

static void done(struct tool_run *r, char *dir, char *path)
{
	tool_run_free(r);
	free(path);
	scratch_remove(dir);
}

/* The number after "key": in json, searching from the first occurrence of within. */
static unsigned long long json_number(const char *json, const char *within, const char *key)
{
	char *needle = strf("\"%s\":", key);
	const char *from = within ? strstr(json, within) : json, *at;

	if (!from || !(at = strstr(from, needle)))
		fail_msg("no %s in %s:\n%s", needle, within ? within : "the output", json);
	free(needle);
	return strtoull(at + strlen(key) + 3, NULL, 10);
}

static void valid_file_prints_layout(void **state)
{
	struct tool_run r;
	char *dir, *path, *entry;

	(void)state;
	valid_with_extension();
	dump(&r, NULL, &dir, &path);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_non_null(strstr(r.out, path));
	assert_non_null(strstr(r.out, "valid"));
	assert_non_null(strstr(r.out, "layout:"));
	assert_non_null(strstr(r.out, "unknown (tag 0x54584554, 16 bytes"));
	entry = strf("entry   %#llx", (unsigned long long)ATXF_LOAD_BASE + im.h.entry_offset);
	assert_non_null(strstr(r.out, entry));
	free(entry);
	done(&r, dir, path);
}

static void json_reads_back_as_the_header(void **state)
{
	static const char *const fields[] = { "magic", "version", "header_size", "entry_offset",
		"text_offset", "text_size", "data_offset", "data_size", "bss_size" };
	const struct atxf_header *h = &im.h;
	const uint32_t want[] = { h->magic, h->version, h->header_size, h->entry_offset,
		h->text_offset, h->text_size, h->data_offset, h->data_size, h->bss_size };
	struct tool_run r;
	char *dir, *path;
	size_t i;

	(void)state;
	valid_with_extension();
	dump(&r, "--json", &dir, &path);
	assert_int_equal(r.status, 0);
	assert_true(r.out[0] == '{' && count_lines(r.out) == 1);
	assert_non_null(strstr(r.out, "\"valid\":true"));
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		assert_int_equal(json_number(r.out, "\"header\"", fields[i]), want[i]);
	assert_int_equal(json_number(r.out, NULL, "entry"), ATXF_LOAD_BASE + h->entry_offset);
	assert_int_equal(json_number(r.out, "\"region\":\"data\"", "address"),
			 ATXF_LOAD_BASE + h->data_offset - h->text_offset);
	assert_int_equal(json_number(r.out, "\"region\":\"bss\"", "size"), h->bss_size);
	assert_int_equal(json_number(r.out, "\"extensions\"", "tag"), TAG_FUTURE);
	assert_int_equal(json_number(r.out, "\"extensions\"", "size"), 16);
	done(&r, dir, path);
}

/* One invalid file: header changes (or a cut) and the reason atxfdump must give. */
struct invalid {
	struct { const char *field; uint32_t value; } set[MAX_SETS];
	uint64_t cut;            /* if non-zero, the file is cut to this size */
	int extension;           /* add a record that runs past text_offset */
	const char *says;
};

static void make_invalid(const struct invalid *c)
{
	int i;

	image_valid(&im);
	for (i = 0; i < MAX_SETS && c->set[i].field; i++)
		image_set(&im, c->set[i].field, c->set[i].value);
	if (c->cut)
		im.size = c->cut;
	if (c->extension)
		image_record(&im, ATXF_HEADER_SIZE, ATXF_EXT_MANIFEST, 5000);
}

static void invalid_file_exits_1(void **state)
{
	const struct invalid *c = *state;
	struct tool_run r;
	char *dir, *path, *prefix;

	make_invalid(c);
	dump(&r, NULL, &dir, &path);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	prefix = strf("atxfdump: %s: invalid: ", path);
	if (count_lines(r.err) != 1 || strncmp(r.err, prefix, strlen(prefix)) != 0)
		fail_msg("expected one line starting \"%s\", got:\n%s", prefix, r.err);
	if (!strstr(r.err, c->says))
		fail_msg("stderr does not say \"%s\":\n%s", c->says, r.err);
	free(prefix);
	done(&r, dir, path);
}

static void json_reports_invalid(void **state)
{
	static const struct invalid entry_out = { .set = { { "entry_offset", 100 } } };
	struct tool_run r;
	char *dir, *path;

	(void)state;
	make_invalid(&entry_out);
	dump(&r, "--json", &dir, &path);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "\"valid\":false"));
	assert_non_null(strstr(r.out, "\"error\":\"entry point is outside text\""));
	assert_non_null(strstr(r.out, "\"field\":\"entry_offset\""));
	assert_int_equal(json_number(r.out, NULL, "value"), 100);
	done(&r, dir, path);
}

/* Usage errors: args after "atxfdump"; FILE is replaced by a valid file. */
struct usage {
	const char *args[3];
	const char *says;
};

static void usage_exits_2(void **state)
{
	const struct usage *c = *state;
	const char *argv[5] = { NULL };
	struct tool_run r;
	char *dir, *path;
	int i;

	image_valid(&im);
	dump(&r, NULL, &dir, &path);      /* only to have a valid FILE */
	tool_run_free(&r);
	argv[0] = tool_path("atxfdump");
	for (i = 0; i < 3 && c->args[i]; i++)
		argv[i + 1] = strcmp(c->args[i], "FILE") ? c->args[i] : path;
	run_tool(&r, argv);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	if (!strstr(r.err, c->says))
		fail_msg("stderr does not say \"%s\":\n%s", c->says, r.err);
	free((char *)argv[0]);
	done(&r, dir, path);
}

#define INVALID(title, ...) \
	{ title, invalid_file_exits_1, NULL, NULL, &(struct invalid){ __VA_ARGS__ } }
#define USAGE(title, ...) \
	{ title, usage_exits_2, NULL, NULL, &(struct usage){ __VA_ARGS__ } }

/* File-scope compound literals are static, so the rows can point at them. */
static const struct CMUnitTest tests[] = {
	{ "valid file: exit 0, header, layout, and an unknown extension listed", valid_file_prints_layout,
	  NULL, NULL, NULL },
	{ "--json: every field reads back as the header written", json_reads_back_as_the_header,
	  NULL, NULL, NULL },
	INVALID("truncated file (10 bytes)", .cut = 10, .says = "shorter than the 32-byte"),
	INVALID("wrong magic", .set = { { "magic", 0x7f454c46 } }, .says = "wrong magic"),
	INVALID("text_offset not page-aligned", .set = { { "text_offset", 4100 } },
		.says = "text_offset is not a non-zero multiple of 4096"),
	INVALID("data_offset not page-aligned", .set = { { "data_offset", 8200 } },
		.says = "data_offset is not a multiple of 4096"),
	INVALID("entry outside text", .set = { { "entry_offset", 100 } },
		.says = "entry point is outside text"),
	INVALID("text size pointing past the end of the file", .set = { { "text_size", 9000 } },
		.says = "text extends past the end of the file"),
	INVALID("data size pointing past the end of the file", .set = { { "data_size", 4096 } },
		.says = "data extends past the end of the file"),
	INVALID("file cut short inside data", .cut = 8200,
		.says = "data extends past the end of the file"),
	INVALID("extension record running past text_offset", .extension = 1,
		.says = "extension record runs past text_offset"),
	{ "--json on an invalid file: valid false and the reason", json_reports_invalid,
	  NULL, NULL, NULL },
	USAGE("usage: no file", .says = "no input file"),
	USAGE("usage: two files", .args = { "FILE", "FILE" }, .says = "exactly one input file"),
	USAGE("usage: unknown option", .args = { "--frobnicate", "FILE" }, .says = "--help"),
	USAGE("unreadable file", .args = { "/nonexistent/file.atxf" }, .says = "cannot read"),
};

int main(void)
{
	return cmocka_run_group_tests_name("atxfdump", tests, NULL, NULL);
}
