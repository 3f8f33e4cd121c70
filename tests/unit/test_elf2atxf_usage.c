/*
 * elf2atxf's command line: usage errors (exit 2), I/O errors (exit 3) and the
 * promise that a refusal never touches an output that already exists. Each
 * case runs in a scratch folder holding a valid input, IN; afterwards the
 * folder must hold exactly what it held before, with IN unchanged.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "test_elf2atxf_util.h"

#define MAX_ARGS 6

/*
 * One command line. In args, IN is the valid input, OUT an output path in the
 * scratch folder, MISSING a file that does not exist, DIR the scratch folder,
 * NODIR an output in a folder that does not exist, LINK a symlink to IN.
 */
struct invocation {
	const char *args[MAX_ARGS];
	int exit_code;
	int lines;            /* lines on stderr (usage errors add a --help hint) */
	const char *names;    /* the argument whose path stderr must name, or NULL */
	const char *says;     /* what the first line must say */
	int link;             /* create LINK before running */
	int out_is_dir;       /* create OUT as a folder before running */
};

struct scratch {
	char *dir, *in, *out, *missing, *nodir, *link;
};

static void scratch_open(struct scratch *s, int link, int out_is_dir)
{
	char *valid = fixture_path("prog-gcc-O2.elf");
	struct blob b = read_blob(valid);

	s->dir = scratch_dir("usage");
	s->in = strf("%s/in.elf", s->dir);
	s->out = strf("%s/out.atxf", s->dir);
	s->missing = strf("%s/missing.elf", s->dir);
	s->nodir = strf("%s/no/such/folder/out.atxf", s->dir);
	s->link = strf("%s/link.elf", s->dir);
	write_blob(s->in, b.data, b.size);
	if (link)
		assert_int_equal(symlink("in.elf", s->link), 0);
	if (out_is_dir)
		assert_int_equal(mkdir(s->out, 0755), 0);
	blob_free(&b);
	free(valid);
}

static void scratch_close(struct scratch *s)
{
	free(s->in);
	free(s->out);
	free(s->missing);
	free(s->nodir);
	free(s->link);
	scratch_remove(s->dir);
}

static const char *expand(const struct scratch *s, const char *arg)
{
	if (!arg)
		return NULL;
	if (!strcmp(arg, "IN"))
		return s->in;
	if (!strcmp(arg, "OUT"))
		return s->out;
	if (!strcmp(arg, "MISSING"))
		return s->missing;
	if (!strcmp(arg, "DIR"))
		return s->dir;
	if (!strcmp(arg, "NODIR"))
		return s->nodir;
	if (!strcmp(arg, "LINK"))
		return s->link;
	return arg;
}

static void check_stderr(const struct invocation *c, const struct scratch *s, const char *err)
{
	const char *file = expand(s, c->names);

	if (count_lines(err) != c->lines)
		fail_msg("expected %d line(s) on stderr, got:\n%s", c->lines, err);
	if (!strstr(err, c->says))
		fail_msg("stderr does not say \"%s\":\n%s", c->says, err);
	if (file && !strstr(err, file))
		fail_msg("stderr does not name %s:\n%s", file, err);
}

static void fails_cleanly(void **state)
{
	const struct invocation *c = *state;
	const char *argv[MAX_ARGS + 2] = { NULL };
	struct scratch s;
	struct blob before, after;
	struct tool_run r;
	char *tool = tool_path("elf2atxf"), *listing;
	int i;

	scratch_open(&s, c->link, c->out_is_dir);
	before = read_blob(s.in);
	argv[0] = tool;
	for (i = 0; i < MAX_ARGS && c->args[i]; i++)
		argv[i + 1] = expand(&s, c->args[i]);
	run_tool(&r, argv);
	assert_int_equal(r.status, c->exit_code);
	check_stderr(c, &s, r.err);
	assert_string_equal(r.out, "");
	listing = dir_listing(s.dir);
	/* Nothing new, and no OUT.atxf.XXXXXX left behind by a failed write. */
	assert_string_equal(listing, c->link ? "in.elf link.elf"
				   : c->out_is_dir ? "in.elf out.atxf" : "in.elf");
	after = read_blob(s.in);
	assert_int_equal(after.size, before.size);
	assert_memory_equal(after.data, before.data, before.size);
	tool_run_free(&r);
	blob_free(&before);
	blob_free(&after);
	free(listing);
	free(tool);
	scratch_close(&s);
}

/* Rule 9 of the house: bad input changes nothing, not even a previous output. */
static void refusal_keeps_existing_output(void **state)
{
	static const char old[] = "the previous, good build\n";
	struct scratch s;
	char *tool = tool_path("elf2atxf"), *listing;
	const char *argv[] = { tool, NULL, "-o", NULL, NULL };
	struct tool_run r;
	struct blob kept;

	(void)state;
	scratch_open(&s, 0, 0);
	write_blob(s.in, "not an ELF file\n", 16);
	write_blob(s.out, old, sizeof(old) - 1);
	argv[1] = s.in;
	argv[3] = s.out;
	run_tool(&r, argv);
	assert_int_equal(r.status, 1);
	kept = read_blob(s.out);
	assert_int_equal(kept.size, sizeof(old) - 1);
	assert_memory_equal(kept.data, old, kept.size);
	listing = dir_listing(s.dir);
	assert_string_equal(listing, "in.elf out.atxf");
	tool_run_free(&r);
	blob_free(&kept);
	free(listing);
	free(tool);
	scratch_close(&s);
}

/* The output is created like any compiler output: 0666 less the umask. */
static void output_mode_follows_umask(void **state)
{
	static const mode_t masks[] = { 022, 027, 077 };
	char *tool = tool_path("elf2atxf");
	const char *argv[] = { tool, NULL, "-o", NULL, NULL };
	struct scratch s;
	struct tool_run r;
	struct stat st;

	(void)state;
	scratch_open(&s, 0, 0);
	argv[1] = s.in;
	argv[3] = s.out;
	for (size_t i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		mode_t old = umask(masks[i]);

		run_tool(&r, argv);
		umask(old);
		assert_int_equal(r.status, 0);
		assert_int_equal(stat(s.out, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0666 & ~masks[i]);
		tool_run_free(&r);
		unlink(s.out);
	}
	free(tool);
	scratch_close(&s);
}

static void help_and_version(void **state)
{
	char *tool = tool_path("elf2atxf");
	const char *help[] = { tool, "--help", NULL }, *version[] = { tool, "--version", NULL };
	struct tool_run r;

	(void)state;
	run_tool(&r, help);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "usage: elf2atxf"));
	assert_non_null(strstr(r.out, "Exit status"));
	tool_run_free(&r);
	run_tool(&r, version);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "ATXF SDK"));
	tool_run_free(&r);
	free(tool);
}

#define FAILS(title, ...) \
	{ title, fails_cleanly, NULL, NULL, &(struct invocation){ __VA_ARGS__ } }

/* File-scope compound literals are static, so the rows can point at them. */
static const struct CMUnitTest tests[] = {
	FAILS("usage: no -o", .args = { "IN" }, .exit_code = 2, .lines = 2,
	      .says = "no output file"),
	FAILS("usage: no input", .args = { "-o", "OUT" }, .exit_code = 2, .lines = 2,
	      .says = "no input file"),
	FAILS("usage: two inputs", .args = { "IN", "IN", "-o", "OUT" }, .exit_code = 2, .lines = 2,
	      .says = "more than one input file"),
	FAILS("usage: unknown option", .args = { "--frobnicate", "IN", "-o", "OUT" }, .exit_code = 2,
	      .lines = 3, .says = "unknown option"),
	FAILS("output path equal to the input", .args = { "IN", "-o", "IN" }, .exit_code = 2,
	      .lines = 1, .names = "IN", .says = "overwrite the input"),
	FAILS("output path is a symlink to the input", .args = { "IN", "-o", "LINK" }, .link = 1,
	      .exit_code = 2, .lines = 1, .names = "LINK", .says = "overwrite the input"),
	FAILS("I/O: input does not exist", .args = { "MISSING", "-o", "OUT" }, .exit_code = 3,
	      .lines = 1, .names = "MISSING", .says = "No such file"),
	FAILS("I/O: input is a folder", .args = { "DIR", "-o", "OUT" }, .exit_code = 3, .lines = 1,
	      .names = "DIR", .says = "not a regular file"),
	FAILS("I/O: output path is a folder", .args = { "IN", "-o", "OUT" }, .out_is_dir = 1,
	      .exit_code = 3, .lines = 1, .names = "OUT", .says = "cannot write"),
	FAILS("I/O: output folder does not exist", .args = { "IN", "-o", "NODIR" }, .exit_code = 3,
	      .lines = 1, .names = "NODIR", .says = "cannot write"),
	{ "a refused input leaves an existing output untouched", refusal_keeps_existing_output,
	  NULL, NULL, NULL },
	{ "the output mode is 0666 less the umask", output_mode_follows_umask, NULL, NULL, NULL },
	{ "--help and --version exit 0", help_and_version, NULL, NULL, NULL },
};

int main(void)
{
	return cmocka_run_group_tests_name("elf2atxf command line", tests, NULL, NULL);
}
