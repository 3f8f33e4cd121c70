/*
 * The link check: a program linked the way a user links (crt0.o first,
 * then libatxf.a, with ldscripts/atxf.ld) converts to an ATXF that the
 * shared reader accepts and atxfdump verifies, entered at _start; and
 * libatxf.a needs nothing from outside itself but the program's main and
 * the linker script's __init_array bounds. And docs/syscalls.md documents
 * exactly the calls of ATXF_SYSCALL_TABLE.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <atxf/reader.h>
#include <atxf/syscalls.h>

/* Reads a whole file into a new buffer. */
static uint8_t *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*size = (size_t)n;
	return buf;
}

/* Runs a shell command; returns its output (new string) and exit status. */
static char *command(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	char *out = calloc(1, 65536);
	size_t n;

	assert_non_null(p);
	assert_non_null(out);
	n = fread(out, 1, 65535, p);
	out[n] = '\0';
	*status = pclose(p);
	return out;
}

static void atxf_is_valid_and_starts_at_start(void **state)
{
	struct atxf_image img;
	struct atxf_fmt_diag diag;
	size_t size;
	uint8_t *file = slurp(RT_PROG ".atxf", &size);

	(void)state;
	assert_int_equal(atxf_read(file, size, &img, &diag), ATXF_FMT_OK);
	/* crt0's _start is in .text.atxf_start, which atxf.ld puts first. */
	assert_int_equal(img.entry_addr, ATXF_LOAD_BASE);
	assert_int_equal(img.hdr.entry_offset, 0);
	/* _start: xor %ebp,%ebp; and $-16,%rsp; call. */
	assert_memory_equal(file + img.hdr.text_offset, "\x31\xed\x48\x83\xe4\xf0\xe8", 7);
	free(file);
}

static void atxfdump_verifies_it(void **state)
{
	int status;
	char *out = command("'" RT_ATXFDUMP "' '" RT_PROG ".atxf' 2>&1", &status);

	(void)state;
	printf("%s", out);
	assert_int_equal(status, 0);
	assert_non_null(strstr(out, "valid"));
	free(out);
}

static void elf_entry_is_start(void **state)
{
	int status;
	char *out = command("nm '" RT_PROG ".atxf.elf' | grep -w -e _start -e main", &status);

	(void)state;
	assert_int_equal(status, 0);
	assert_non_null(strstr(out, "0000000000400000 T _start"));
	assert_non_null(strstr(out, " T main"));
	free(out);
}

/* Undefined symbols of every member that no member defines. Weak
 * references are optional by design (exit.c's fflush) and left out. */
static void libatxf_is_self_contained(void **state)
{
	int status;
	char *out = command(
		"a='" RT_LIBATXF "'; "
		"nm -P -g --defined-only \"$a\" 2>/dev/null | awk 'NF>=2 && $2!=\"U\" {print $1}' "
		"| sort -u > /tmp/rt-def.$$; "
		"nm -P -u \"$a\" | awk 'NF>=2 && $2==\"U\" {print $1}' | sort -u > /tmp/rt-und.$$; "
		"comm -23 /tmp/rt-und.$$ /tmp/rt-def.$$; rm -f /tmp/rt-def.$$ /tmp/rt-und.$$",
		&status);

	(void)state;
	assert_int_equal(status, 0);
	printf("needed from outside libatxf:\n%s", out);
	/* What the linker defines (the GOT symbol, which the assembler names
	 * for TLS debug information), what atxf.ld defines (the TLS image's
	 * bounds, the constructor table) and the program's main. */
	assert_string_equal(out, "_GLOBAL_OFFSET_TABLE_\n__atxf_tls_align\n__atxf_tls_image\n__atxf_tls_image_size\n"
			    "__atxf_tls_size\n__init_array_end\n__init_array_start\nmain\n");
	free(out);
}

/* docs/syscalls.md has a "### SYS_NAME (nr)" section for every call of
 * the table, and none for a call the table does not have. */
#define DOC_HEADING(name, nr, nargs) "### SYS_" #name " (" #nr ")\n",
static const char *const doc_headings[] = { ATXF_SYSCALL_TABLE(DOC_HEADING) };
#undef DOC_HEADING

static void syscalls_md_covers_the_table(void **state)
{
	size_t size, n = sizeof(doc_headings) / sizeof(doc_headings[0]);
	char *doc = (char *)slurp(RT_SYSCALLS_MD, &size);
	unsigned sections = 0;

	(void)state;
	doc[size] = '\0';
	for (size_t i = 0; i < n; i++) {
		printf("%s %s", strstr(doc, doc_headings[i]) ? "OK  " : "FAIL", doc_headings[i]);
		assert_non_null(strstr(doc, doc_headings[i]));
	}
	for (const char *p = doc; (p = strstr(p, "\n### SYS_")) != NULL; p++)
		sections++;
	assert_int_equal(sections, n);
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(atxf_is_valid_and_starts_at_start),
		cmocka_unit_test(atxfdump_verifies_it),
		cmocka_unit_test(elf_entry_is_start),
		cmocka_unit_test(libatxf_is_self_contained),
		cmocka_unit_test(syscalls_md_covers_the_table),
	};

	return cmocka_run_group_tests_name("runtime: linking an ATXF program", tests, NULL, NULL);
}
