/*
 * elf2atxf on real programs. Each fixture (built by tests/unit/build.mk with
 * gcc -O0 -g, gcc -O2 and clang -O2 against atxf.ld) is converted by the real
 * build/bin/elf2atxf; then every header field and every byte of the output is
 * checked against the ELF's program headers, read here with libelf, using
 * the load rule: address A lives at file offset text_offset + (A - base).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <gelf.h>
#include <atxf/reader.h>
#include "test_elf2atxf_util.h"

#define MAX_LOADS 16

/* One row of the checklist: a fixture and what it is meant to exercise. */
struct program {
	const char *fixture;
	int multi_page;       /* text, data and bss each span several pages */
	int manifest;         /* has a .atxf.manifest section */
};

/* The ELF as the test reads it, independently of elf2atxf. */
struct elf_view {
	Elf *elf;
	GElf_Ehdr ehdr;
	GElf_Phdr load[MAX_LOADS];   /* PT_LOAD with memsz > 0, in file order */
	size_t nload;
	const uint8_t *manifest;     /* .atxf.manifest contents, or NULL */
	size_t manifest_size;
};

static uint64_t align_page(uint64_t v)
{
	return (v + ATXF_PAGE_SIZE - 1) & ~(uint64_t)(ATXF_PAGE_SIZE - 1);
}

static void find_manifest(struct elf_view *v, const struct blob *file)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	GElf_Shdr sh;

	assert_int_equal(elf_getshdrstrndx(v->elf, &shstrndx), 0);
	while ((scn = elf_nextscn(v->elf, scn)) != NULL) {
		const char *name;

		assert_non_null(gelf_getshdr(scn, &sh));
		name = elf_strptr(v->elf, shstrndx, sh.sh_name);
		if (name && !strcmp(name, ".atxf.manifest") && sh.sh_size) {
			v->manifest = file->data + sh.sh_offset;
			v->manifest_size = sh.sh_size;
		}
	}
}

/* Sorted by address (the linker emits them so; the test checks it). */
static void open_elf(struct elf_view *v, const struct blob *file)
{
	size_t n, i;
	GElf_Phdr p;

	memset(v, 0, sizeof(*v));
	v->elf = elf_memory((char *)file->data, file->size);
	assert_non_null(v->elf);
	assert_non_null(gelf_getehdr(v->elf, &v->ehdr));
	assert_int_equal(elf_getphdrnum(v->elf, &n), 0);
	for (i = 0; i < n; i++) {
		assert_non_null(gelf_getphdr(v->elf, (int)i, &p));
		if (p.p_type != PT_LOAD || p.p_memsz == 0)
			continue;
		assert_true(v->nload < MAX_LOADS);
		if (v->nload)
			assert_true(p.p_vaddr > v->load[v->nload - 1].p_vaddr);
		v->load[v->nload++] = p;
	}
	assert_true(v->nload > 0);
	find_manifest(v, file);
}

/* The leading segments without PF_W are text; the rest are data. */
static size_t text_count(const struct elf_view *v)
{
	size_t n = 0;

	while (n < v->nload && !(v->load[n].p_flags & PF_W))
		n++;
	return n;
}

/* The header, decoded at the offsets the format defines (not by sdk/format). */
static struct atxf_header decode(const struct blob *atxf)
{
	const uint8_t *b = atxf->data;

	assert_true(atxf->size >= ATXF_HEADER_SIZE);
	return (struct atxf_header){
		.magic = le32(b), .version = le16(b + 4), .header_size = le16(b + 6),
		.entry_offset = le32(b + 8), .text_offset = le32(b + 12), .text_size = le32(b + 16),
		.data_offset = le32(b + 20), .data_size = le32(b + 24), .bss_size = le32(b + 28),
	};
}

static void check_data_fields(const struct elf_view *v, const struct atxf_header *h, size_t ntext)
{
	const GElf_Phdr *first = &v->load[ntext], *last = &v->load[v->nload - 1];

	if (ntext == v->nload) {
		/* No writable segment: an empty data region on the page after text. */
		assert_int_equal(h->data_offset, h->text_offset + align_page(h->text_size));
		assert_int_equal(h->data_size, 0);
		assert_int_equal(h->bss_size, 0);
		return;
	}
	assert_int_equal(h->data_offset, h->text_offset + (first->p_vaddr - ATXF_LOAD_BASE));
	assert_int_equal(h->data_size, last->p_vaddr + last->p_filesz - first->p_vaddr);
	assert_int_equal(h->bss_size, last->p_memsz - last->p_filesz);
}

static void check_header(const struct elf_view *v, const struct blob *atxf,
			 const struct atxf_header *h)
{
	size_t ntext = text_count(v);
	const GElf_Phdr *last_text = &v->load[ntext - 1];

	assert_true(ntext > 0);
	assert_int_equal(h->magic, ATXF_MAGIC);
	assert_int_equal(h->version, 1);
	assert_true(h->header_size >= ATXF_HEADER_SIZE && h->header_size % 8 == 0);
	assert_true(h->header_size <= h->text_offset);
	assert_true(h->text_offset != 0 && h->text_offset % ATXF_PAGE_SIZE == 0);
	assert_true(h->data_offset % ATXF_PAGE_SIZE == 0);
	assert_int_equal(v->load[0].p_vaddr, ATXF_LOAD_BASE);
	assert_int_equal(h->entry_offset, v->ehdr.e_entry - ATXF_LOAD_BASE);
	assert_int_equal(h->text_size, last_text->p_vaddr + last_text->p_memsz - ATXF_LOAD_BASE);
	check_data_fields(v, h, ntext);
	/* Nothing after data: the file ends where the data region ends. */
	assert_int_equal(atxf->size, (uint64_t)h->data_offset + h->data_size);
}

/* The manifest section, if any, is the first extension record. */
static void check_extensions(const struct elf_view *v, const struct blob *atxf,
			     const struct atxf_header *h, uint8_t *covered)
{
	const uint8_t *rec = atxf->data + h->header_size;

	if (!v->manifest)
		return;       /* all-zero bytes after the header: a zero tag, no records */
	assert_true(h->header_size + 8 + v->manifest_size <= h->text_offset);
	assert_int_equal(le32(rec), ATXF_EXT_MANIFEST);
	assert_int_equal(le32(rec + 4), v->manifest_size);
	assert_memory_equal(rec + 8, v->manifest, v->manifest_size);
	memset(covered + h->header_size, 1, 8 + v->manifest_size);
}

/* Byte i of a segment's file content must be at text_offset + (vaddr + i - base). */
static void check_segment_bytes(const struct blob *elf, const struct blob *atxf,
				const struct atxf_header *h, const GElf_Phdr *p, uint8_t *covered)
{
	uint64_t at = h->text_offset + (p->p_vaddr - ATXF_LOAD_BASE);
	int is_data = (p->p_flags & PF_W) != 0;
	uint64_t region_end = is_data ? (uint64_t)h->data_offset + h->data_size
				      : (uint64_t)h->text_offset + h->text_size;
	uint64_t i;

	assert_true(at >= (is_data ? h->data_offset : h->text_offset));
	assert_true(at + p->p_filesz <= region_end);
	for (i = 0; i < p->p_filesz; i++)
		if (atxf->data[at + i] != elf->data[p->p_offset + i])
			fail_msg("segment at %#llx: byte %llu is %#x at ATXF offset %#llx, expected %#x",
				 (unsigned long long)p->p_vaddr, (unsigned long long)i,
				 atxf->data[at + i], (unsigned long long)(at + i), elf->data[p->p_offset + i]);
	memset(covered + at, 1, p->p_filesz);
}

static void check_every_byte(const struct elf_view *v, const struct blob *elf,
			     const struct blob *atxf, const struct atxf_header *h)
{
	uint8_t *covered = calloc(1, atxf->size);
	size_t i;

	assert_non_null(covered);
	memset(covered, 1, ATXF_HEADER_SIZE);
	check_extensions(v, atxf, h, covered);
	for (i = 0; i < v->nload; i++)
		check_segment_bytes(elf, atxf, h, &v->load[i], covered);
	/* Everything else (gaps between segments, bss inside text, padding) is zero. */
	for (i = 0; i < atxf->size; i++)
		if (!covered[i] && atxf->data[i] != 0)
			fail_msg("ATXF offset %#zx should be zero padding but is %#x", i, atxf->data[i]);
	free(covered);
}

/* The shared reader (the loader's code) must agree with the ELF on the layout. */
static void check_with_reader(const struct elf_view *v, const struct blob *atxf)
{
	const GElf_Phdr *last = &v->load[v->nload - 1];
	size_t ntext = text_count(v);
	struct atxf_image img;
	struct atxf_ext ext;

	assert_int_equal(atxf_read(atxf->data, atxf->size, &img, NULL), ATXF_FMT_OK);
	assert_int_equal(atxf_ext_validate(&img, NULL), ATXF_FMT_OK);
	assert_int_equal(img.entry_addr, v->ehdr.e_entry);
	if (ntext < v->nload) {
		assert_int_equal(img.data_addr, v->load[ntext].p_vaddr);
		assert_int_equal(img.end_addr, last->p_vaddr + last->p_memsz);
	}
	assert_int_equal(atxf_ext_find(&img, ATXF_EXT_MANIFEST, &ext), v->manifest != NULL);
}

static void check_atxfdump_accepts(const char *path)
{
	char *dump = tool_path("atxfdump");
	const char *argv[] = { dump, path, NULL };
	struct tool_run r;

	run_tool(&r, argv);
	assert_string_equal(r.err, "");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "valid"));
	tool_run_free(&r);
	free(dump);
}

/* Runs elf2atxf [-v] IN -o OUT and expects success. */
static void convert(struct tool_run *r, const char *in, const char *out, int verbose)
{
	char *tool = tool_path("elf2atxf");
	const char *plain[] = { tool, in, "-o", out, NULL };
	const char *loud[] = { tool, "-v", in, "-o", out, NULL };

	run_tool(r, verbose ? loud : plain);
	free(tool);
	if (r->status != 0)
		fail_msg("elf2atxf %s exited %d: %s", in, r->status, r->err);
	assert_string_equal(r->err, "");
}

static void check_fixture_shape(const struct program *p, const struct elf_view *v,
				const struct atxf_header *h)
{
	if (p->manifest && !v->manifest)
		fail_msg("%s has no .atxf.manifest section: the fixture is broken", p->fixture);
	if (p->multi_page && (h->text_size <= 3 * ATXF_PAGE_SIZE || h->data_size <= 2 * ATXF_PAGE_SIZE ||
			      h->bss_size <= 5 * ATXF_PAGE_SIZE))
		fail_msg("%s does not span several pages: the fixture is broken", p->fixture);
}

static void converts_byte_for_byte(void **state)
{
	const struct program *p = *state;
	char *in = fixture_path(p->fixture), *dir = scratch_dir("convert");
	char *out = strf("%s/out.atxf", dir), *listing;
	struct blob elf = read_blob(in), atxf, after;
	struct elf_view v;
	struct atxf_header h;
	struct tool_run r;

	convert(&r, in, out, 0);
	assert_string_equal(r.out, "");
	after = read_blob(in);
	assert_int_equal(after.size, elf.size);
	assert_memory_equal(after.data, elf.data, elf.size);   /* the input is never modified */
	listing = dir_listing(dir);
	assert_string_equal(listing, "out.atxf");              /* no temporary file left */
	atxf = read_blob(out);
	h = decode(&atxf);
	open_elf(&v, &elf);
	check_fixture_shape(p, &v, &h);
	check_header(&v, &atxf, &h);
	check_every_byte(&v, &elf, &atxf, &h);
	check_with_reader(&v, &atxf);
	check_atxfdump_accepts(out);
	elf_end(v.elf);
	tool_run_free(&r);
	blob_free(&elf);
	blob_free(&after);
	blob_free(&atxf);
	free(listing);
	free(out);
	free(in);
	scratch_remove(dir);
}

static void verbose_prints_layout(void **state)
{
	char *in = fixture_path("prog-gcc-O2.elf"), *dir = scratch_dir("verbose");
	char *out = strf("%s/out.atxf", dir);
	struct tool_run r;
	struct blob atxf;
	struct atxf_header h;
	char *want[5];
	int i;

	(void)state;
	convert(&r, in, out, 1);
	atxf = read_blob(out);
	h = decode(&atxf);
	want[0] = strf("entry %#llx", (unsigned long long)ATXF_LOAD_BASE + h.entry_offset);
	want[1] = strf("text  file %#08x", h.text_offset);
	want[2] = strf("data  file %#08x", h.data_offset);
	want[3] = strf("size %#x  r-x", h.text_size);
	want[4] = strf("size %#x  rw-", h.bss_size);
	for (i = 0; i < 5; i++) {
		if (!strstr(r.out, want[i]))
			fail_msg("-v output lacks \"%s\":\n%s", want[i], r.out);
		free(want[i]);
	}
	assert_non_null(strstr(r.out, out));
	tool_run_free(&r);
	blob_free(&atxf);
	free(out);
	free(in);
	scratch_remove(dir);
}

static void conversion_is_deterministic(void **state)
{
	char *in = fixture_path("prog-manifest.elf"), *dir = scratch_dir("twice");
	char *a = strf("%s/a.atxf", dir), *b = strf("%s/b.atxf", dir);
	struct tool_run r1, r2;
	struct blob x, y;

	(void)state;
	convert(&r1, in, a, 0);
	convert(&r2, in, b, 0);
	x = read_blob(a);
	y = read_blob(b);
	assert_int_equal(x.size, y.size);
	assert_memory_equal(x.data, y.data, x.size);
	tool_run_free(&r1);
	tool_run_free(&r2);
	blob_free(&x);
	blob_free(&y);
	free(a);
	free(b);
	free(in);
	scratch_remove(dir);
}

static void replaces_existing_output(void **state)
{
	static const char old[] = "an old build output\n";
	char *in = fixture_path("tiny.elf"), *dir = scratch_dir("replace");
	char *out = strf("%s/out.atxf", dir), *listing;
	struct tool_run r;
	struct blob atxf;
	struct atxf_image img;

	(void)state;
	write_blob(out, old, sizeof(old) - 1);
	convert(&r, in, out, 0);
	atxf = read_blob(out);
	assert_int_equal(atxf_read(atxf.data, atxf.size, &img, NULL), ATXF_FMT_OK);
	listing = dir_listing(dir);
	assert_string_equal(listing, "out.atxf");
	tool_run_free(&r);
	blob_free(&atxf);
	free(listing);
	free(out);
	free(in);
	scratch_remove(dir);
}

static int init_libelf(void **state)
{
	(void)state;
	return elf_version(EV_CURRENT) == EV_NONE ? -1 : 0;
}

#define PROGRAM(title, ...) \
	{ title, converts_byte_for_byte, NULL, NULL, &(struct program){ __VA_ARGS__ } }

/* File-scope compound literals are static, so the rows can point at them. */
static const struct CMUnitTest tests[] = {
	PROGRAM("gcc -O0 -g program: every header field and every byte follow the load rule",
		.fixture = "prog-gcc-O0.elf", .multi_page = 1),
	PROGRAM("gcc -O2 program: every header field and every byte follow the load rule",
		.fixture = "prog-gcc-O2.elf", .multi_page = 1),
	PROGRAM("clang -O2 program: every header field and every byte follow the load rule",
		.fixture = "prog-clang-O2.elf", .multi_page = 1),
	PROGRAM("program with .atxf.manifest: the manifest is the first extension record",
		.fixture = "prog-manifest.elf", .multi_page = 1, .manifest = 1),
	PROGRAM("four segments with gaps (custom script): pairs merge, gaps are zero",
		.fixture = "multi-segment.elf", .multi_page = 1),
	PROGRAM("text-only program: an empty data region on the page after text",
		.fixture = "tiny.elf"),
	PROGRAM("_Thread_local variable with atxf.ld: .tdata (PT_TLS) travels as data",
		.fixture = "tls.elf"),
	{ "-v prints the layout that was written", verbose_prints_layout, NULL, NULL, NULL },
	{ "the same input converts to the same bytes every time", conversion_is_deterministic,
	  NULL, NULL, NULL },
	{ "an existing output is replaced whole, with no temporary file left",
	  replaces_existing_output, NULL, NULL, NULL },
};

int main(void)
{
	return cmocka_run_group_tests_name("elf2atxf converts real programs", tests, init_libelf, NULL);
}
