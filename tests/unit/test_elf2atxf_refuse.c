/*
 * Everything elf2atxf must refuse, one named case each. A refusal must exit
 * with the documented code (1 refused input, 2 usage, 3 I/O), print one line
 * on stderr that names the file and a specific reason, write no output, leave
 * no temporary file and leave its input untouched. Inputs are real programs
 * built by tests/unit/build.mk where a toolchain can produce them, and
 * crafted from a valid fixture (test_elf2atxf_craft.c) where none would.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "test_elf2atxf_craft.h"

#define EXIT_REFUSED 1
#define EXIT_USAGE   2
#define EXIT_IO      3
#define MAX_SAYS     3
#define EM_AARCH64_  183
#define ET_CORE_     4

/* One refused input. Exactly one of fixture, source or (base + craft) is set. */
struct refusal {
	const char *fixture;        /* a program in build/tests/fixtures */
	const char *source;         /* a file in tests/unit/fixtures */
	const char *base;           /* a fixture to copy and damage ... */
	craft_fn *craft;            /* ... this way */
	uint64_t arg;
	const char *says[MAX_SAYS]; /* phrases the one stderr line must contain */
};

/* Checks the one line on stderr: "elf2atxf: FILE: reason". */
static void check_reason(const char *err, const char *file, const char *const says[])
{
	int i;

	if (count_lines(err) != 1 || strncmp(err, "elf2atxf: ", 10) != 0)
		fail_msg("expected one \"elf2atxf: ...\" line on stderr, got:\n%s", err);
	if (file && !strstr(err, file))
		fail_msg("stderr does not name %s:\n%s", file, err);
	for (i = 0; i < MAX_SAYS && says[i]; i++)
		if (!strstr(err, says[i]))
			fail_msg("stderr does not say \"%s\":\n%s", says[i], err);
}

/* The input to convert: a path, and (for crafted ones) where it was written. */
static char *prepare_input(const struct refusal *c, const char *dir)
{
	struct blob b;
	char *path;

	if (c->fixture)
		return fixture_path(c->fixture);
	if (c->source)
		return fixture_source(c->source);
	path = fixture_path(c->base);
	b = read_blob(path);
	free(path);
	c->craft(&b, c->arg);
	path = strf("%s/in.elf", dir);
	write_blob(path, b.data, b.size);
	blob_free(&b);
	return path;
}

static void refuses(void **state)
{
	const struct refusal *c = *state;
	char *dir = scratch_dir("refuse"), *in = prepare_input(c, dir);
	char *out = strf("%s/out.atxf", dir), *tool = tool_path("elf2atxf"), *listing;
	const char *argv[] = { tool, in, "-o", out, NULL };
	struct blob before = read_blob(in), after;
	struct tool_run r;

	run_tool(&r, argv);
	assert_int_equal(r.status, EXIT_REFUSED);
	check_reason(r.err, in, c->says);
	assert_string_equal(r.out, "");
	listing = dir_listing(dir);
	/* No output and no OUT.atxf.XXXXXX: only the crafted input, if any. */
	assert_string_equal(listing, c->craft ? "in.elf" : "");
	after = read_blob(in);
	assert_int_equal(after.size, before.size);
	assert_memory_equal(after.data, before.data, before.size);
	tool_run_free(&r);
	blob_free(&before);
	blob_free(&after);
	free(listing);
	free(tool);
	free(out);
	free(in);
	scratch_remove(dir);
}

#define REFUSED(title, ...) \
	{ title, refuses, NULL, NULL, &(struct refusal){ __VA_ARGS__ } }
#define O2 .base = "prog-gcc-O2.elf"

/* File-scope compound literals are static, so the rows can point at them. */
static const struct CMUnitTest refusals[] = {
	REFUSED("not ELF: a C source file", .source = "prog.c", .says = { "not an ELF file" }),
	REFUSED("empty file", O2, .craft = craft_cut_at, .arg = 0, .says = { "file is empty" }),
	REFUSED("truncated to 10 bytes", O2, .craft = craft_cut_at, .arg = 10,
		.says = { "truncated: 10 bytes" }),
	REFUSED("truncated to 40 bytes", O2, .craft = craft_cut_at, .arg = 40,
		.says = { "truncated: 40 bytes" }),
	REFUSED("truncated to 63 bytes", O2, .craft = craft_cut_at, .arg = 63,
		.says = { "truncated: 63 bytes" }),
	REFUSED("truncated in the middle of the program headers", O2, .craft = craft_cut_in_phdrs,
		.says = { "program headers", "outside the file" }),
	REFUSED("truncated in the middle of a segment", O2, .craft = craft_cut_in_segment,
		.says = { "segment", "outside the file" }),
	REFUSED("truncated in the middle of the section headers", O2, .craft = craft_cut_in_shdrs,
		.says = { "section headers", "outside the file" }),
	REFUSED("32-bit ELF (as --32, ld -m elf_i386)", .fixture = "i386.elf", .says = { "32-bit" }),
	REFUSED("big-endian ELF (EI_DATA flipped)", O2, .craft = craft_big_endian,
		.says = { "big-endian" }),
	REFUSED("another machine (e_machine = EM_AARCH64)", O2, .craft = craft_machine,
		.arg = EM_AARCH64_, .says = { "AArch64", "not x86-64" }),
	REFUSED("a core dump (e_type = ET_CORE)", O2, .craft = craft_type, .arg = ET_CORE_,
		.says = { "core dump" }),
	REFUSED("relocatable object (gcc -c)", .fixture = "prog.o", .says = { "relocatable object" }),
	REFUSED("PIE (gcc -pie)", .fixture = "pie.elf",
		.says = { "position-independent executable", "ET_DYN" }),
	REFUSED("shared object (gcc -shared -fPIC)", .fixture = "libfix.so",
		.says = { "shared object", "ET_DYN" }),
	REFUSED("dynamic executable with PT_INTERP (gcc -no-pie, puts from glibc)",
		.fixture = "hello.elf", .says = { "dynamically linked", "PT_INTERP" }),
	REFUSED("PT_DYNAMIC without PT_INTERP (ld --no-dynamic-linker)", .fixture = "nointerp.elf",
		.says = { "dynamically linked", "PT_DYNAMIC" }),
	REFUSED("dynamic relocations (static -nostdlib program with an IFUNC)",
		.fixture = "ifunc.elf", .says = { "dynamic relocations", ".rela" }),
	REFUSED("thread-local storage that no PT_TLS describes (.tdata alone)",
		.base = "tls.elf", .craft = craft_drop_tls,
		.says = { "thread-local storage", ".tdata", "outside any PT_TLS" }),
	REFUSED("a PT_TLS whose image is not in a data segment",
		.base = "tls.elf", .craft = craft_tls_in_text,
		.says = { "thread-local storage", "PT_TLS", "not part of a data segment" }),
	REFUSED("thread-local storage with the default script (its data is not page-aligned)",
		.fixture = "tls-default.elf", .says = { "not page-aligned", "atxf.ld" }),
	REFUSED("program headers outside the file (e_phoff)", O2, .craft = craft_phoff_outside,
		.says = { "program headers", "outside the file" }),
	REFUSED("bad e_phentsize", O2, .craft = craft_phentsize, .arg = 32,
		.says = { "e_phentsize 32" }),
	REFUSED("segment outside the file (p_offset)", O2, .craft = craft_data_offset_outside,
		.says = { "segment", "outside the file" }),
	REFUSED("segment outside the file (p_filesz)", O2, .craft = craft_data_filesz_outside,
		.says = { "segment", "outside the file" }),
	REFUSED("segment with more file bytes than memory bytes", O2,
		.craft = craft_data_filesz_over_memsz, .says = { "more bytes in the file" }),
	REFUSED("segment whose end wraps around 2^64", O2, .craft = craft_data_wraps,
		.says = { "wraps around" }),
	REFUSED("segments that overlap in memory", O2, .craft = craft_text_memsz, .arg = 0x5000,
		.says = { "overlap in memory" }),
	REFUSED("no loadable segment", O2, .craft = craft_no_loads, .says = { "no loadable segments" }),
	REFUSED(".atxf.manifest section outside the file", .base = "prog-manifest.elf",
		.craft = craft_manifest_outside, .says = { ".atxf.manifest", "outside the file" }),
	REFUSED("writable and executable segment (PHDRS FLAGS(7))", .fixture = "rwx.elf",
		.says = { "writable and executable" }),
	REFUSED("entry point in data (-Wl,-e,rw_table)", .fixture = "entry-in-data.elf",
		.says = { "entry point", "outside text" }),
	REFUSED("5 GiB bss: too large for the u32 bss_size", .fixture = "bss-5gib.elf",
		.says = { "u32 bss_size" }),
	REFUSED("2 GiB bss: over the 1 GiB image limit", .fixture = "bss-2gib.elf",
		.says = { "spans", "ATXF limit" }),
	REFUSED("5 GiB text: too large for the u32 text_size", .base = "tiny.elf",
		.craft = craft_text_memsz, .arg = 0x140000000ull, .says = { "u32 text_size" }),
	REFUSED("linked at another base (-Wl,-Ttext-segment=0x10000000)", .fixture = "high-base.elf",
		.says = { "not at the ATXF load base" }),
	REFUSED("data not page-aligned (default linker script)", .fixture = "default-script.elf",
		.says = { "not page-aligned" }),
	REFUSED("data below text (-Wl,-Tdata=0x200000)", .fixture = "data-below-text.elf",
		.says = { "follows writable data" }),
};

int main(void)
{
	return cmocka_run_group_tests_name("elf2atxf refuses what a loader could not run", refusals,
					   NULL, NULL);
}
